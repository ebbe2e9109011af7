import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { lines } from '../../../../test/helpers/engine';
import { parseManifest, YAML_OPTIONS } from './manifest';
import { duplicateKeys, findPair, plainValue } from './yamlAst';

/** What the one-walk reader gives for a document, next to what yaml's toJS and duplicateKeys give. */
function both(text: string) {
  const yaml = parseDocument(text, YAML_OPTIONS);
  const node = yaml.contents as Node;
  const found: Pair[] = [];
  const plain = plainValue(node, found);
  return { plain, found, toJS: node.toJS(yaml), duplicates: duplicateKeys(node) };
}

const keysOf = (pairs: readonly Pair[]) => pairs.map((p) => String((p.key as { range: number[] }).range[0])).sort();

describe('findPair', () => {
  // Up to 16 pairs a map is scanned, past that indexed: both answer alike.
  for (const size of [4, 40]) {
    it(`finds the first pair of a key, a number key by its text, and no pair for a missing key, in a map of ${size}`, () => {
      const text = lines('dup: first', '7: seven', ...Array.from({ length: size - 3 }, (_, i) => `k${i}: ${i}`), 'dup: second');
      const map = parseDocument(text, YAML_OPTIONS).contents as YAMLMap;
      assert.equal(map.items.length, size);
      assert.equal((findPair(map, 'dup')?.value as Scalar).value, 'first');
      assert.equal((findPair(map, '7')?.value as Scalar).value, 'seven');
      assert.equal((findPair(map, `k${size - 4}`)?.value as Scalar).value, size - 4);
      assert.equal(findPair(map, 'missing'), undefined);
    });
  }
});

describe('plainValue (toJS and duplicate keys in one walk)', () => {
  const plainCases: Record<string, string> = {
    'block and flow maps and sequences': lines('a: 1', 'b: [x, 2, true, null, 1.5]', 'c: { d: e, f: [ { g: h } ] }', 'i:', '  - j', '  - k: l'),
    'numbers, booleans and nulls as keys': lines('1: one', 'true: yes', '~: nothing', '2.5: [a]'),
    'keys that every object has': lines('__proto__: { polluted: true }', 'toString: text', 'constructor: 1'),
    'duplicate keys, small and large maps': lines('a: 1', 'b: { x: 1, x: 2, y: 3, x: 4 }', 'a: 2', ...Array.from({ length: 12 }, (_, i) => `k${i % 10}: ${i}`)),
    'a key written 1 and "1"': lines('1: number', '"1": string'),
    'empty values and quoted strings': lines('a:', 'b: ""', "c: 'it''s'", 'd: |', '  block', 'e: .inf', 'f: 0x1F'),
  };
  for (const [name, text] of Object.entries(plainCases)) {
    it(`gives what toJS gives, and the same duplicates: ${name}`, () => {
      const { plain, found, toJS, duplicates } = both(text);
      assert.ok(plain, 'read in one walk');
      assert.deepStrictEqual(plain.value, toJS);
      assert.equal(JSON.stringify(plain.value), JSON.stringify(toJS), 'same key order');
      assert.deepEqual(keysOf(found), keysOf(duplicates));
    });
  }

  it('makes __proto__ an own key, as yaml does, instead of setting the prototype', () => {
    const { plain } = both(lines('__proto__: { polluted: true }'));
    const value = plain!.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ['__proto__']);
  });

  const unusualCases: Record<string, string> = {
    'an anchor and an alias': lines('a: &x { b: 1 }', 'c: *x'),
    'a merge key': lines('<<: { b: 1 }', 'c: 2'),
    'a map as a key': lines('? { a: 1 }', ': b'),
    'YAML 1.1 types': lines('%YAML 1.1', '---', 'a: !!set { x, y }', 'b: 2001-12-14'),
  };
  for (const [name, text] of Object.entries(unusualCases)) {
    it(`leaves ${name} to toJS, adding no duplicate`, () => {
      const found: Pair[] = [];
      const yaml = parseDocument(text + lines('dup: 1', 'dup: 2'), YAML_OPTIONS);
      assert.equal(plainValue(yaml.contents as Node, found), undefined);
      assert.deepEqual(found, []);
    });
  }
});

describe('duplicate keys in a manifest, read in the same walk as the values', () => {
  const duplicateTexts = (text: string) =>
    parseManifest('file:///w/architecture.yaml', text)
      .problems.filter((p) => /unique/.test(p.message))
      .map((p) => text.slice(p.span[0], p.span[1]) + '@' + p.span[0]);

  it('finds them at every level and in every place the values are not read', () => {
    const text = lines(
      'archframe: 1',
      'system: shop',
      'system: again',
      'radar: { adopt: [a], adopt: [b] }',
      'components:',
      '  api:',
      '    kind: service',
      '    slo: { availability: 99, availability: 98 }',
      '    dependsOn: [ { target: db, via: http, via: grpc } ]',
      '  api:',
      '    kind: worker',
      '  ? [not, a, name]',
      '  : { kind: job, kind: job }',
      'components:',
      '  second: { kind: job, kind: job }',
      'datastores: [ { engine: pg, engine: pg } ]',
      '? [complex]',
      ': { x: 1, x: 2 }',
      'channels:',
      '  events: &anchored { kind: topic, kind: queue }',
    );
    const yaml = parseDocument(text, YAML_OPTIONS);
    const expected = duplicateKeys(yaml.contents as Node).map((p) => {
      const [start, end] = (p.key as { range: number[] }).range;
      return text.slice(start, end) + '@' + start;
    });
    assert.equal(expected.length, 11);
    assert.deepEqual(duplicateTexts(text).sort(), expected.sort());
  });

  it('finds them in a manifest that cannot be read (no version)', () => {
    const text = lines('system: shop', 'components:', '  api: { kind: job, kind: job }');
    assert.deepEqual(duplicateTexts(text), [`kind@${text.lastIndexOf('kind')}`]);
  });
});
