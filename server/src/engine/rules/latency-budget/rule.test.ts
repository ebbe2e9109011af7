import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];
const callee = (name: string, p99: string) => [`  ${name}:`, '    kind: service', `    slo: { latencyP99: ${p99} }`];

ruleTests('latency-budget', {
  valid: [
    {
      name: 'parallel calls count once, by the slowest',
      manifest: lines(...head, '  api:', '    kind: service', '    slo: { latencyP99: 200ms }', '    dependsOn:',
        '      - { target: a, via: http, parallel: true }', '      - { target: b, via: grpc, parallel: true }', '      - { target: c, via: event }',
        ...callee('a', '150ms'), ...callee('b', '199ms'), ...callee('c', '5s')),
    },
    { name: 'a library call costs no round trip and is not counted', manifest: lines(...head, '  api:', '    kind: service', '    slo: { latencyP99: 10ms }', '    dependsOn: [{ target: lib, via: library }]', ...callee('lib', '1s')) },
  ],
  invalid: [
    {
      name: 'sequential calls and a cross-region hop exceed the target',
      manifest: lines(...head, '  api:', '    kind: service', '    slo: { latencyP99: 200ms }', '    dependsOn:',
        '      - { target: a, via: http }', '      - { target: b, via: http, distance: cross-region }', '      - { target: db, via: database }',
        ...callee('a', '100ms'), ...callee('b', '60ms'), 'datastores:', '  db: { engine: postgresql }'),
      findings: [{ text: '200ms', message: /promises a p99 of 200 ms, but its synchronous calls need a 100 ms \+ 0\.5 ms same-datacenter \+ b 60 ms \+ 50 ms cross-region \+ db \? \+ 0\.5 ms same-datacenter = 211 ms/ }],
    },
  ],
});
