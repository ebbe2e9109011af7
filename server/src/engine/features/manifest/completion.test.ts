import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Completion } from '../types';
import { completions } from './completion';
import { cursorIn, SHOP, shopWith } from '../../../../../test/helpers/manifestCursor';

const shop = SHOP['shop.arch.yaml'];

function complete(text: string, path = 'shop.arch.yaml'): Completion[] {
  const cursor = cursorIn(shopWith(path, text), path);
  return completions(cursor.workspace, cursor.document, cursor.offset);
}

const labels = (items: Completion[]) => items.map((item) => item.label);

describe('manifest completion', () => {
  it('offers the keys valid at the cursor, minus those already present, with their documentation', () => {
    const items = complete(shop.replace('    kind: service\n', '    kind: service\n    |\n'));
    assert.ok(labels(items).includes('deployment'));
    assert.ok(labels(items).includes('slo'));
    for (const present of ['kind', 'layer', 'owner', 'decisions', 'dependsOn']) assert.ok(!labels(items).includes(present), `${present} is already there`);
    const deployment = items.find((item) => item.label === 'deployment')!;
    assert.equal(deployment.insertText, 'deployment: ${1|recreate,rolling,blue-green,canary|}');
    assert.match(deployment.documentation ?? '', /Part X §1, Deployment Strategies/);
  });

  it('offers dependency keys inside a list item and replaces only the half-typed word', () => {
    const text = shop.replace('        timeout: 2s\n', '        timeout: 2s\n        circ|\n');
    const items = complete(text);
    const breaker = items.find((item) => item.label === 'circuitBreaker')!;
    assert.ok(breaker, 'circuitBreaker is offered');
    assert.ok(!labels(items).includes('retry') && !labels(items).includes('timeout'), 'keys present in the item are not offered again');
    assert.match(breaker.insertText ?? '', /^circuitBreaker: \{ failureThreshold: .*resetTimeout/);
    const offset = text.indexOf('circ|');
    assert.deepEqual(breaker.replace, [offset, offset + 4]);
  });

  it('offers enum values with the framework explanation of each', () => {
    const items = complete(shop.replace('    consistency: strong', '    consistency: |'));
    assert.deepEqual(labels(items), ['strong', 'eventual', 'causal', 'session']);
    assert.match(items[1].documentation ?? '', /Eventual consistency[\s\S]*Part V §2, Consistency Models/);
  });

  it('offers enum values inside a flow map', () => {
    const items = complete(shop.replace('delivery: at-least-once', 'delivery: |'));
    assert.deepEqual(labels(items), ['at-most-once', 'at-least-once', 'exactly-once']);
  });

  it('offers every component, datastore and channel of the workspace at `target:`, other files included', () => {
    const items = complete(shop.replace('- target: payments', '- target: |'));
    assert.deepEqual(labels(items).sort(), ['order-events', 'orders-db', 'payments']);
    assert.match(items.find((item) => item.label === 'payments')!.detail ?? '', /payments\.arch\.yaml/);
  });

  it('on a workspace of thousands of names, makes items only of the first hundred that hold what was typed, and says the list is incomplete', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `  svc-${String(i).padStart(4, '0')}: { kind: service }`).join('\n');
    const text = shop.replace('- target: payments', '- target: svc-01|').replace(/\ncomponents:\n/, `\ncomponents:\n${many}\n`);
    const items = complete(text) as Completion[] & { incomplete?: true };
    assert.equal(items.incomplete, true);
    assert.equal(items.length, 100);
    assert.ok(labels(items).every((label) => label.includes('svc-01')), labels(items).slice(0, 3).join());
    assert.deepEqual(labels(items).slice(0, 3), ['svc-0100', 'svc-0101', 'svc-0102']);
    assert.equal(items[0].insertText, 'svc-0100');
  });

  it('on thousands of names, follows the names of each new model: one renamed, one moved to another section', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `  svc-${String(i).padStart(4, '0')}: { kind: service }`).join('\n');
    const base = shop.replace(/\ncomponents:\n/, `\ncomponents:\n${many}\n`);
    const first = (text: string, typed: string) => complete(text.replace('- target: payments', `- target: ${typed}|`));
    assert.deepEqual(labels(first(base, '')).slice(0, 2), ['order-events', 'orders-db']);
    // The same names in the same places: the same order.
    assert.deepEqual(labels(first(base.replace('svc-0007: { kind: service }', 'svc-0007: { kind: worker }'), '')).slice(0, 2), ['order-events', 'orders-db']);
    assert.deepEqual(labels(first(base.replace('svc-0007:', 'aaa-renamed:'), '')).slice(0, 2), ['aaa-renamed', 'order-events']);
    // The model's last component moved to the top of its datastores: every name in the same sequence, the sections not.
    const alone = (text: string) => {
      const cursor = cursorIn({ 'alone.arch.yaml': text }, 'alone.arch.yaml');
      return completions(cursor.workspace, cursor.document, cursor.offset);
    };
    const head = 'archframe: 1\nsystem: alone\ncomponents:\n  web:\n    kind: service\n    dependsOn:\n      - target: svc-2999|\n';
    const before = `${head}${many}\ndatastores:\n  orders-db: { engine: postgresql }\n`;
    assert.match(alone(before)[0].detail ?? '', /^component/);
    const moved = before.replace('\n  svc-2999: { kind: service }', '').replace('\ndatastores:\n', '\ndatastores:\n  svc-2999: { engine: postgresql }\n');
    const items = alone(moved);
    assert.deepEqual(labels(items), ['svc-2999']);
    assert.match(items[0].detail ?? '', /^datastore/);
  });

  it('offers names and a dependency snippet on a new list item of dependsOn, with the dash when it is missing', () => {
    const items = complete(shop.replace('      - { target: order-events', '      |\n      - { target: order-events'));
    assert.ok(labels(items).includes('payments'));
    assert.equal(items.find((item) => item.label === 'payments')!.insertText, '- payments');
    const snippet = items.find((item) => item.kind === 'snippet')!;
    assert.match(snippet.insertText ?? '', /timeout: .*\n.*retry: \{ attempts: .*backoff: exponential, jitter: true/);
  });

  it('offers teams at a component owner, components at a datastore owner (its users first)', () => {
    assert.deepEqual(labels(complete(shop.replace('    owner: web', '    owner: |'))).sort(), ['money', 'web']);
    const owners = complete(shop.replace('    owner: api', '    owner: |'));
    assert.deepEqual(labels(owners).sort(), ['api', 'payments']);
    assert.equal([...owners].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))[0].label, 'api');
  });

  it('offers the declared (or default) layers at `layer:` and channels at `deadLetter:`', () => {
    assert.deepEqual(labels(complete(shop.replace('    layer: application', '    layer: |'))), ['presentation', 'application', 'domain', 'infrastructure']);
    const deadLetter = complete(shop.replace('{ kind: topic, delivery: at-least-once }', '{ kind: topic, deadLetter: | }\n  order-events-dlq: { kind: queue }'));
    assert.deepEqual(labels(deadLetter), ['order-events-dlq'], 'channels other than itself');
  });

  it('offers ADRs with their title and status at `decisions`', () => {
    const items = complete(shop.replace('[ADR-0001]', '[ADR-0001, |]'));
    assert.deepEqual(labels(items), ['ADR-0001', 'ADR-0002']);
    assert.equal(items[0].detail, 'Use PostgreSQL for orders (accepted)');
    assert.equal(items[1].deprecated, true, 'a superseded ADR is marked deprecated');
  });

  it('offers a snippet for a new component that fills in what the rules expect', () => {
    const items = complete(shop.replace('datastores:\n', '  |\ndatastores:\n'));
    const [snippet] = items;
    assert.equal(snippet.label, 'new component');
    for (const field of ['owner: ${4|money,web|}', 'layer: ${3|presentation,application,domain,infrastructure|}', 'timeout:', 'jitter: true', 'observability:', 'slo:', 'runbook:']) {
      assert.ok(snippet.insertText?.includes(field), `the snippet has ${field}`);
    }
  });

  it('offers snippets for a new datastore and a new channel', () => {
    const datastore = complete(shop.replace('channels:\n', '  |\nchannels:\n'))[0];
    assert.match(datastore.insertText ?? '', /consistency: .*[\s\S]*encryption: \{ atRest: true[\s\S]*backup: \{ copies: 3, media: 2, offsite: 1[\s\S]*rpo:[\s\S]*rto:/);
    const channel = complete(`${shop}  |\n`)[0];
    assert.match(channel.insertText ?? '', /delivery: [\s\S]*deadLetter: \$\{1\}-dlq[\s\S]*outbox: true/);
  });

  it('offers top-level keys at the root', () => {
    const items = complete(`${shop}|`);
    assert.ok(labels(items).includes('layers') && labels(items).includes('radar'));
    assert.ok(!labels(items).includes('components'), 'components is already there');
  });

  it('puts a space before a value completed right after `key:` or a list dash', () => {
    const afterColon = complete(shop.replace('    kind: service', '    kind:|'));
    assert.equal(afterColon.find((item) => item.label === 'service')?.insertText, ' service');
    const afterDash = complete(shop.replace('      - { target: order-events', '      -|\n      - { target: order-events'));
    const payments = afterDash.find((item) => item.label === 'payments')!;
    assert.equal(payments.insertText, ' payments');
    const dash = shop.replace('      - { target: order-events', '      -|\n      - { target: order-events').indexOf('-|');
    assert.deepEqual(payments.replace, [dash + 1, dash + 1], 'the dash stays');
  });

  it('starts an empty manifest with `archframe: 1`', () => {
    const items = complete('|');
    assert.equal(items.find((item) => item.label === 'archframe')?.insertText, 'archframe: 1');
    assert.equal(items.find((item) => item.label === 'system')?.sortText?.[0], '0', 'required keys first');
  });

  it('suggests the framework\'s recommended password hashing and radar databases', () => {
    assert.deepEqual(labels(complete(shop.replace('    layer: application', '    passwordHashing: |'))), ['argon2id', 'scrypt', 'bcrypt']);
    assert.equal(complete(shop.replace('engine: postgresql', 'engine: |'))[0].detail, 'radar: adopt');
  });
});
