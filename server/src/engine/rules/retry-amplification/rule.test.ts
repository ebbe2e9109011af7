import assert from 'node:assert/strict';
import { it } from 'node:test';
import { engineFor, findingsOf, lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const retry = (n: number) => `retry: { attempts: ${n}, backoff: exponential, jitter: true }`;
const chain = (a: number, b: number, c: number) =>
  lines(
    'archframe: 1',
    'system: shop',
    'components:',
    `  web: { kind: frontend, dependsOn: [{ target: checkout, timeout: 9s, ${retry(a)} }] }`,
    `  checkout: { kind: service, dependsOn: [{ target: payments, timeout: 2s, ${retry(b)} }, { target: events, via: event, access: write }] }`,
    `  payments: { kind: service, dependsOn: [{ target: payments-db, timeout: 200ms, ${retry(c)} }] }`,
    'datastores:',
    '  payments-db: { owner: payments }',
    'channels:',
    '  events: { kind: topic }',
  );

ruleTests('retry-amplification', {
  valid: [
    { name: '2 × 2 × 2 = 8 stays under the limit', manifest: chain(2, 2, 2) },
    { name: 'exactly 10 is tolerated', manifest: chain(1, 5, 2) },
  ],
  invalid: [
    {
      name: 'reported once, where the product crosses 10, with the whole path below',
      manifest: chain(3, 3, 2),
      findings: [
        {
          text: 'retry',
          line: 4,
          message: /^Retries multiply along web → checkout → payments → payments-db: 3 × 3 × 2 = 18 calls to 'payments-db' for one call of 'web' \(more than 10\)\./,
        },
      ],
    },
    {
      name: 'crossing lower down: only that layer is reported',
      manifest: chain(1, 4, 3),
      findings: [{ text: 'retry', line: 5, message: /^Retries multiply along checkout → payments → payments-db: 4 × 3 = 12 calls/ }],
    },
  ],
});

it('retry-amplification: a deep, wide graph is settled once per component', () => {
  // 500 layers of 3 components each calling all 3 of the next layer: 3^500 paths, if walked naively.
  const layers = 500;
  const body: string[] = [];
  for (let l = 0; l < layers; l++) {
    for (let k = 0; k < 3; k++) {
      const calls = l + 1 < layers ? [0, 1, 2].map((j) => `{ target: c${l + 1}-${j}, timeout: 1s${l === 0 && k === 0 ? ', retry: { attempts: 2 }' : ''} }`).join(', ') : '';
      body.push(`  c${l}-${k}: { kind: service, dependsOn: [${calls}] }`);
    }
  }
  const started = performance.now();
  const engine = engineFor({ 'architecture.yaml': lines('archframe: 1', 'system: s', 'components:', ...body) }, { rules: { 'timeout-budget': 'off' } });
  assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'retry-amplification'), []);
  assert.ok(performance.now() - started < 30_000);
});
