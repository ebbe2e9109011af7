import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];
const payments = '  payments: { kind: service, slo: { latencyP99: 140ms } }';

ruleTests('sync-timeout', {
  valid: [
    { name: 'an invalid timeout is the schema\'s finding, not a missing one', manifest: lines(...head, '  api: { kind: service, dependsOn: [{ target: payments, via: http, timeout: 5 seconds }] }', payments) },
    {
      name: 'timeouts on http and database calls; events, queues and libraries need none',
      manifest: lines(
        ...head,
        '  checkout:',
        '    kind: service',
        '    dependsOn:',
        '      - { target: payments, via: grpc, timeout: 300ms }',
        '      - { target: orders-db, timeout: 100ms }',
        '      - { target: order-events, via: event, access: write }',
        '      - { target: money, via: library }',
        '      - { target: order-events, access: write }',
        payments,
        '  money: { kind: library }',
        'datastores:',
        '  orders-db: { owner: checkout }',
        'channels:',
        '  order-events: { kind: topic }',
      ),
    },
  ],
  invalid: [
    {
      name: 'a grpc call without timeout: the fix doubles the target\'s latencyP99',
      manifest: lines(...head, '  checkout:', '    kind: service', '    dependsOn:', '      - target: payments', '        via: grpc # card charges', payments),
      findings: [{ text: 'payments', line: 7, message: /^'checkout' calls 'payments' over grpc with no timeout: when 'payments' hangs, 'checkout' waits with it and its own callers pile up behind\. Every network call needs a deadline\.$/ }],
      fixTitle: /^Add timeout: 300ms \(2 × latencyP99 of 'payments'\)$/,
      fixed: lines(...head, '  checkout:', '    kind: service', '    dependsOn:', '      - target: payments', '        via: grpc # card charges', '        timeout: 300ms', payments),
    },
    {
      name: 'a bare dependency on a datastore becomes a map with the default timeout',
      manifest: lines(...head, '  checkout:', '    kind: service', '    dependsOn:', '      - orders-db', 'datastores:', '  orders-db: { owner: checkout }'),
      findings: [{ text: 'orders-db', line: 7, message: /^'checkout' calls 'orders-db' with no timeout/ }],
      fixTitle: /^Add timeout: 2s$/,
      fixed: lines(...head, '  checkout:', '    kind: service', '    dependsOn:', '      - { target: orders-db, timeout: 2s }', 'datastores:', '  orders-db: { owner: checkout }'),
    },
    {
      name: 'the offered timeout covers what the target\'s own calls can take',
      manifest: lines(...head, '  web: { kind: frontend, dependsOn: [{ target: api, via: http }] }', '  api: { kind: service, slo: { latencyP99: 200ms }, dependsOn: [{ target: db, timeout: 400ms, retry: { attempts: 3 } }] }', 'datastores:', '  db: { owner: api }'),
      findings: [{ text: 'api', message: /'web' calls 'api' over http with no timeout/, line: 4 }],
      fixTitle: /^Add timeout: 1500ms \(what api's own calls can take\)$/,
      fixed: lines(...head, '  web: { kind: frontend, dependsOn: [{ target: api, via: http, timeout: 1500ms }] }', '  api: { kind: service, slo: { latencyP99: 200ms }, dependsOn: [{ target: db, timeout: 400ms, retry: { attempts: 3 } }] }', 'datastores:', '  db: { owner: api }'),
    },
  ],
});
