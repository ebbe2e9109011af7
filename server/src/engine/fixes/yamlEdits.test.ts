import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { parseManifest } from '../parse/manifest';
import { locate, type PathSegment } from '../parse/yamlAst';
import { addKeys, applyEdits, scalarToMap, setKeys, setPath, setPaths } from './yamlEdits';

function edit(text: string, path: PathSegment[], change: (manifest: ReturnType<typeof parseManifest>, node: YAMLMap) => ReturnType<typeof setKeys> | ReturnType<typeof setPath>): string {
  const manifest = parseManifest('file:///w/architecture.yaml', text);
  const node = locate(manifest.yaml.contents!, path).value;
  assert.ok(isMap(node), `no map at ${path.join('.')}`);
  const edits = [change(manifest, node)].flat();
  const result = applyEdits(text, manifest.lines, edits);
  assert.deepEqual(parseDocument(result).errors, [], `invalid YAML:\n${result}`);
  return result;
}

const head = 'archframe: 1\nsystem: s\n';

describe('YAML edits for fixes', () => {
  it('adds to a flow map nested right before its parent\'s closing brace', () => {
    const text = `${head}components:\n  a: { kind: service, dependsOn: [{ target: b, retry: { attempts: 3 }}] }\n`;
    const result = edit(text, ['components', 'a', 'dependsOn', 0, 'retry'], (m, map) => setPath(m, map, ['jitter'], 'true'));
    assert.equal(result, `${head}components:\n  a: { kind: service, dependsOn: [{ target: b, retry: { attempts: 3, jitter: true }}] }\n`);
  });

  it('adds to a flow map with a trailing comma', () => {
    const text = `${head}datastores:\n  db: { engine: postgresql, }\n`;
    assert.equal(edit(text, ['datastores', 'db'], (m, map) => addKeys(m, map, [['consistency', 'strong']])), `${head}datastores:\n  db: { engine: postgresql, consistency: strong }\n`);
  });

  it('sets several keys of a block map in one edit, keeping comments, replacing existing values', () => {
    const text = `${head}components:\n  a:\n    kind: service\n    dependsOn:\n      - target: b # the ledger\n        retry:\n          attempts: 3\n          backoff: fixed # for now\n`;
    const result = edit(text, ['components', 'a', 'dependsOn', 0, 'retry'], (m, map) => setKeys(m, map, [['backoff', 'exponential'], ['jitter', 'true'], ['maxDelay', '2s']]));
    assert.equal(result, `${head}components:\n  a:\n    kind: service\n    dependsOn:\n      - target: b # the ledger\n        retry:\n          attempts: 3\n          backoff: exponential # for now\n          jitter: true\n          maxDelay: 2s\n`);
  });

  it('turns a bare dependency into a map, in block and flow sequences', () => {
    for (const [before, after] of [
      ['    dependsOn:\n      - payments # card charges\n', '    dependsOn:\n      - { target: payments, timeout: 2s } # card charges\n'],
      ['    dependsOn: [payments, "ledger"]\n', '    dependsOn: [payments, { target: "ledger", timeout: 2s }]\n'],
    ]) {
      const text = `${head}components:\n  a:\n    kind: service\n${before}`;
      const manifest = parseManifest('file:///w/architecture.yaml', text);
      const index = before.includes('ledger') ? 1 : 0;
      const scalar = locate(manifest.yaml.contents!, ['components', 'a', 'dependsOn', index]).value!;
      const result = applyEdits(text, manifest.lines, [scalarToMap(manifest, scalar, 'target', [[['timeout'], '2s']])]);
      assert.equal(result, `${head}components:\n  a:\n    kind: service\n${after}`);
    }
  });

  it('sets nested paths: into existing maps, and as nested flow maps where they are missing', () => {
    const text = `${head}components:\n  a:\n    kind: service\n    dependsOn:\n      - target: b\n        retry: { attempts: 3 }\n`;
    const result = edit(text, ['components', 'a', 'dependsOn', 0], (m, map) =>
      setPaths(m, map, [[['retry', 'backoff'], 'exponential'], [['retry', 'jitter'], 'true'], [['circuitBreaker', 'failureThreshold'], '5'], [['circuitBreaker', 'resetTimeout'], '30s'], [['timeout'], '2s']]),
    );
    assert.equal(result, `${head}components:\n  a:\n    kind: service\n    dependsOn:\n      - target: b\n        retry: { attempts: 3, backoff: exponential, jitter: true }\n        circuitBreaker: { failureThreshold: 5, resetTimeout: 30s }\n        timeout: 2s\n`);
  });

  it('applies inserts at one position in the order they are listed, as LSP does', () => {
    const text = 'a: 1\n';
    const at = { line: 0, character: 4 };
    const edits = [{ uri: 'u', range: { start: at, end: at }, newText: '\nb: 2' }, { uri: 'u', range: { start: at, end: at }, newText: '\nc: 3' }];
    assert.equal(applyEdits(text, { offset: (p) => (p.line === 0 ? p.character : 0) }, edits), 'a: 1\nb: 2\nc: 3\n');
  });
});
