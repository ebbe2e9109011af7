import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { lines } from '../../../../test/helpers/engine';
import { parseManifest } from '../parse/manifest';
import { findPair, locate } from '../parse/yamlAst';
import { applyEdits } from './yamlEdits';
import { appendItem, removeItem, removePair } from './yamlRemovals';

function at(text: string, path: (string | number)[]) {
  const manifest = parseManifest('file:///w/architecture.yaml', text);
  const node = locate(manifest.yaml.contents as Node, path).value!;
  return { manifest, node };
}
const apply = (text: string, edit: ReturnType<typeof appendItem>) => applyEdits(text, parseManifest('file:///w/a.yaml', text).lines, [edit]);

describe('YAML edits that add items and take entries out', () => {
  it('appends to block and flow sequences, keeping their style', () => {
    const block = lines('archframe: 1', 'system: s', 'components:', '  a:', '    kind: service', '    dependsOn:', '      - b # the payments API', 'x: 1');
    const { manifest, node } = at(block, ['components', 'a', 'dependsOn']);
    assert.ok(isSeq(node));
    assert.equal(apply(block, appendItem(manifest, node as YAMLSeq, 'c')), lines('archframe: 1', 'system: s', 'components:', '  a:', '    kind: service', '    dependsOn:', '      - b # the payments API', '      - c', 'x: 1'));
    const flow = lines('archframe: 1', 'system: s', 'components:', '  a: { kind: service, dependsOn: [b] }');
    const found = at(flow, ['components', 'a', 'dependsOn']);
    assert.equal(apply(flow, appendItem(found.manifest, found.node as YAMLSeq, '{ target: db, via: database }')), lines('archframe: 1', 'system: s', 'components:', '  a: { kind: service, dependsOn: [b, { target: db, via: database }] }'));
    const empty = lines('archframe: 1', 'system: s', 'components:', '  a: { kind: service, dependsOn: [] }');
    const none = at(empty, ['components', 'a', 'dependsOn']);
    assert.equal(apply(empty, appendItem(none.manifest, none.node as YAMLSeq, 'b')), lines('archframe: 1', 'system: s', 'components:', '  a: { kind: service, dependsOn: [b] }'));
  });

  it('removes a pair of a flow map with its comma, and a block item with its line', () => {
    const flow = lines('archframe: 1', 'system: s', 'components: { a: { kind: service }, b: { kind: worker } }');
    const { manifest, node } = at(flow, ['components']);
    assert.ok(isMap(node));
    const pair = findPair(node as YAMLMap, 'a')!;
    assert.equal(apply(flow, removePair(manifest, node as YAMLMap, pair)), lines('archframe: 1', 'system: s', 'components: { b: { kind: worker } }'));
    const block = lines('archframe: 1', 'system: s', 'components:', '  a:', '    kind: service', '    dependsOn:', '      - b', '      - { target: c, via: http }', '      - d');
    const seq = at(block, ['components', 'a', 'dependsOn']);
    const item = (seq.node as YAMLSeq).items[1] as Node;
    assert.equal(apply(block, removeItem(seq.manifest, seq.node as YAMLSeq, item)), lines('archframe: 1', 'system: s', 'components:', '  a:', '    kind: service', '    dependsOn:', '      - b', '      - d'));
  });
});
