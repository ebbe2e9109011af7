import assert from 'node:assert/strict';
import { it } from 'node:test';
import { engineFor, findingsOf, lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const system = (checkoutTimeout: string) =>
  lines(
    'archframe: 1',
    'system: shop',
    'components:',
    `  checkout: { kind: service, dependsOn: [{ target: payments, via: grpc, timeout: ${checkoutTimeout} }] }`,
    '  payments:',
    '    kind: service',
    '    dependsOn:',
    '      - { target: ledger, timeout: 300ms, retry: { attempts: 2 } }',
    '      - { target: payments-db, via: database, timeout: 150ms }',
    '  ledger: { kind: service }',
    'datastores:',
    '  payments-db: { owner: payments }',
  );

ruleTests('timeout-budget', {
  valid: [
    { name: 'a timeout that covers the callee\'s calls', manifest: system('750ms') },
    {
      name: 'parallel calls count once, the largest',
      manifest: lines(
        'archframe: 1',
        'system: s',
        'components:',
        '  web: { kind: frontend, dependsOn: [{ target: home, timeout: 1s }] }',
        '  home: { kind: service, dependsOn: [{ target: a, timeout: 600ms, parallel: true }, { target: b, timeout: 900ms, parallel: true }, { target: c, timeout: 100ms }] }',
        '  a: { kind: service }',
        '  b: { kind: service }',
        '  c: { kind: service }',
      ),
    },
  ],
  invalid: [
    {
      name: 'a caller that gives up before the callee\'s retries are done',
      manifest: system('500ms'),
      findings: [
        {
          text: '500ms',
          message:
            /^'checkout' gives 'payments' 500ms, but payments' own calls can take 2 × 300ms \+ 150ms = 750ms: 'checkout' gives up while 'payments' is still working \(or retrying\), and the work is wasted\. Raise this timeout to at least 750ms/,
        },
      ],
    },
    {
      name: 'sequential and parallel calls, in seconds',
      manifest: lines(
        'archframe: 1',
        'system: s',
        'components:',
        '  web: { kind: frontend, dependsOn: [{ target: home, timeout: 1s }] }',
        '  home: { kind: service, dependsOn: [{ target: a, timeout: 600ms, parallel: true }, { target: b, timeout: 900ms, parallel: true }, { target: c, timeout: 200ms }] }',
        '  a: { kind: service }',
        '  b: { kind: service }',
        '  c: { kind: service }',
      ),
      findings: [{ text: '1s', message: /^'web' gives 'home' 1s, but home's own calls can take 200ms \+ max\(600ms, 900ms\) = 1100ms:/ }],
    },
  ],
});

it('timeout-budget: related locations name each of the callee\'s calls', () => {
  const engine = engineFor({ 'architecture.yaml': system('500ms') });
  const [finding] = findingsOf(engine, 'architecture.yaml', 'timeout-budget');
  assert.deepEqual(finding.related?.map((r) => [r.range.start.line + 1, r.message]), [
    [8, '2 × 300ms: payments → ledger'],
    [9, '150ms: payments → payments-db'],
  ]);
});
