import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, visit, type Node } from 'yaml';
import { parseManifest, type ManifestDocument } from './manifest';
import { reparseManifest, type ReparseStatistics } from './manifestIncremental';

const BASE = [
  'archframe: 1',
  'system: shop',
  'style: layered',
  'teams:',
  '  core: { type: stream-aligned }',
  'components:',
  '  api:',
  '    kind: service',
  '    owner: core',
  '    dependsOn:',
  '      - target: db',
  '        timeout: 2s',
  '      - events',
  '  # a comment between entries',
  '  worker:',
  '    kind: worker',
  '    replicas: 2',
  '  web: { kind: frontend, owner: core }',
  'datastores:',
  '  db:',
  '    engine: postgresql',
  '    owner: api',
  'channels:',
  '  events: { kind: topic }',
  '',
].join('\n');

/** Everything a consumer of the model can observe, with positions. */
function observable(manifest: ManifestDocument) {
  const nodes: string[] = [];
  if (manifest.yaml.contents) {
    visit(manifest.yaml.contents as Node, {
      Node(_, node) {
        const n = node as Node;
        // range[2] (the end with trailing comments) may differ: nothing reads it.
        if (n.range) nodes.push(`${isMap(n) ? 'map' : n.constructor.name}@${n.range[0]}-${n.range[1]}:${manifest.text.slice(n.range[0], n.range[1]).slice(0, 20)}`);
      },
    });
  }
  const elements = Object.fromEntries(
    Object.entries(manifest.elements).map(([section, map]) => [section, [...map.values()].map((e) => ({ name: e.name, nameSpan: e.nameSpan, value: e.value, manifestIsThis: e.manifest === manifest }))]),
  );
  return { readable: manifest.readable, root: manifest.root, problems: manifest.problems.map((p) => ({ ...p })).sort((a, b) => a.span[0] - b.span[0] || a.message.localeCompare(b.message)), elements, nodes };
}

function check(before: string, after: string): ReparseStatistics {
  const statistics: ReparseStatistics = { incremental: false, parsedChars: 0 };
  const incremental = reparseManifest(parseManifest('file:///a.yaml', before), after, {}, statistics);
  assert.deepEqual(observable(incremental), observable(parseManifest('file:///a.yaml', after)));
  return statistics;
}

describe('incremental manifest parsing', () => {
  it('re-parses only the edited component and gives the same model as a full parse', () => {
    const after = BASE.replace('    replicas: 2', '    replicas: 3\n    owner: core');
    const statistics = check(BASE, after);
    assert.equal(statistics.incremental, true);
    assert.ok(statistics.parsedChars < 60, `parsed ${statistics.parsedChars} characters`);
  });

  it('handles a typo introduced and fixed inside an entry', () => {
    const typo = BASE.replace('    kind: worker', '    knd: worker');
    assert.equal(check(BASE, typo).incremental, true);
    assert.equal(check(typo, BASE).incremental, true);
  });

  it('handles a new entry inserted between two, and an entry deleted', () => {
    const inserted = BASE.replace('  worker:', '  cache:\n    kind: service\n  worker:');
    assert.equal(check(BASE, inserted).incremental, true);
    assert.equal(check(inserted, BASE).incremental, true);
  });

  it('falls back to a full parse for top-level edits and broken YAML, with the same result', () => {
    assert.equal(check(BASE, BASE.replace('system: shop', 'system: shops')).incremental, false);
    check(BASE, BASE.replace('    replicas: 2', '    replicas: [2'));
    check(BASE.replace('    replicas: 2', '    replicas: [2'), BASE);
  });

  it('reports a duplicate name created by an edit, and clears it when undone', () => {
    const duplicated = BASE.replace('  worker:', '  api:');
    check(BASE, duplicated);
    check(duplicated, BASE);
  });

  it('reports an unchanged entry whose name is not a plain string once, after an edit elsewhere in its section', () => {
    // Found by the random sequence below: `web` deleted, leaving `  : { … }`, then an edit in `api`.
    const nameless = BASE.replace('  web: {', '  : {');
    check(nameless, nameless.replace('    kind: service', '    ekind: service'));
  });

  it('reports a problem whose span runs past its entry once, after an edit in that entry', () => {
    // Found by the random sequence below: a dependency item `- even:` (no target) whose problem spans the comment
    // line after the entry, then an edit of the same entry.
    const item = BASE.replace(/(\n  # a comment between entries)/, '\n      - even:$1');
    assert.notEqual(item, BASE);
    check(item, item.replace('    kind: service', '    ekind: service'));
  });

  it('equals a full parse after any single random edit', () => {
    const alphabet = ['a', ' ', '\n', ':', '-', '{', '}', '#', '  x: 1\n', '\n  extra:\n    kind: job\n', '2s', '&a', '*a', '"', ''];
    fc.assert(
      fc.property(fc.nat(BASE.length), fc.nat(12), fc.constantFrom(...alphabet), (at, length, insert) => {
        const end = Math.min(BASE.length, at + length);
        check(BASE, BASE.slice(0, at) + insert + BASE.slice(end));
      }),
      { numRuns: 400 },
    );
  });

  it('equals a full parse after a sequence of random edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.nat(6), fc.constantFrom('e', ' ', '\n', ':', '1', '    kind: job\n', '')), { minLength: 1, maxLength: 12 }), (edits) => {
        let text = BASE;
        let manifest = parseManifest('file:///a.yaml', text);
        for (const [at, length, insert] of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
          manifest = reparseManifest(manifest, text);
          assert.deepEqual(observable(manifest), observable(parseManifest('file:///a.yaml', text)));
        }
      }),
      { numRuns: 100 },
    );
  });
});
