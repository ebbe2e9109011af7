import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, engineFor, lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('dependency-cycle', {
  valid: [
    {
      name: 'a diamond is not a cycle',
      manifest: lines(...head, '  a: { kind: service, dependsOn: [b, c] }', '  b: { kind: service, dependsOn: [d] }', '  c: { kind: service, dependsOn: [d] }', '  d: { kind: service }'),
    },
    {
      name: 'a component and its datastore are not a cycle',
      manifest: lines(...head, '  a: { kind: service, dependsOn: [{ target: db, via: database, timeout: 1s }] }', 'datastores:', '  db: { owner: a }'),
    },
  ],
  invalid: [
    {
      name: 'a three-component cycle is reported on each of its edges with the whole path',
      manifest: lines(
        ...head,
        '  a: { kind: service, dependsOn: [{ target: b, via: http }] }',
        '  b: { kind: service, dependsOn: [{ target: c, via: event }] }',
        '  c: { kind: service, dependsOn: [{ target: a, via: library }, d] }',
        '  d: { kind: service }',
      ),
      findings: [
        { text: 'b', message: /^Dependency cycle: a → b → c → a\. These 3 components cannot be changed/ },
        { text: 'c', message: /a → b → c → a/ },
        { text: 'a', line: 6, message: /a → b → c → a/ },
      ],
    },
    {
      name: 'a component that depends on itself',
      manifest: lines(...head, '  a: { kind: service, dependsOn: [a] }'),
      findings: [{ text: 'a', line: 4, message: /^'a' depends on itself: a → a\.$/ }],
    },
    {
      name: 'a cycle across two manifests is reported in each file on its own edges',
      files: {
        'orders.arch.yaml': lines('archframe: 1', 'system: orders', 'components:', '  orders: { kind: service, dependsOn: [payments] }'),
        'payments.arch.yaml': lines('archframe: 1', 'system: payments', 'components:', '  payments: { kind: service, dependsOn: [orders] }'),
      },
      findings: [
        { text: 'payments', file: 'orders.arch.yaml', message: /orders → payments → orders/ },
        { text: 'orders', file: 'payments.arch.yaml', line: 4, message: /orders → payments → orders/ },
      ],
    },
    {
      name: 'two cycles sharing an edge: each elementary cycle once',
      manifest: lines(...head, '  a: { kind: service, dependsOn: [b] }', '  b: { kind: service, dependsOn: [a, c] }', '  c: { kind: service, dependsOn: [a] }'),
      findings: [
        { text: 'b', line: 4, message: /a → b → a\./ },
        { text: 'b', line: 4, message: /a → b → c → a\./ },
        { text: 'a', line: 5, message: /a → b → a\./ },
        { text: 'c', line: 5, message: /a → b → c → a\./ },
        { text: 'a', line: 6, message: /a → b → c → a\./ },
      ],
    },
  ],
});

it('dependency-cycle: the findings of a cycle point at its other edges', () => {
  const engine = engineFor({ 'architecture.yaml': lines(...head, '  a: { kind: service, dependsOn: [b] }', '  b: { kind: service, dependsOn: [c] }', '  c: { kind: service, dependsOn: [a] }') });
  const [first] = findingsOf(engine, 'architecture.yaml', 'dependency-cycle');
  assert.deepEqual(first.related?.map((r) => [r.range.start.line + 1, r.message]), [
    [5, 'b → c, another edge of the cycle'],
    [6, 'c → a, another edge of the cycle'],
  ]);
  assert.equal(first.element, 'components.a.dependsOn.b');
});

it('dependency-cycle: a 10,000-component cycle is found without overflowing the stack, its path shortened', () => {
  const n = 10_000;
  const body = Array.from({ length: n }, (_, i) => `  c${i}: { kind: service, dependsOn: [c${(i + 1) % n}] }`);
  const started = performance.now();
  const engine = engineFor({ 'architecture.yaml': lines(...head, ...body) });
  const findings = findingsOf(engine, 'architecture.yaml', 'dependency-cycle');
  assert.equal(findings.length, n);
  assert.match(findings[0].message, /^Dependency cycle: c0 → c1 → c2 → c3 → c4 → c5 → … \(9989 more\) … → c9995 → c9996 → c9997 → c9998 → c9999 → c0\. These 10000 components/);
  assert.equal(findings[0].related?.length, 20);
  assert.ok(performance.now() - started < 20_000, `took ${performance.now() - started} ms`);
});
