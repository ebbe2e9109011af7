import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateManifest } from '../../scripts/bench/generate';
import { engineFor, uriOf } from '../helpers/engine';
import type { Engine } from '../../server/src/engine/analysis';
import type { Range } from '../../server/src/engine/text/types';

// Incremental analysis (rules re-run only where their reads changed, findings of untouched elements reused) must
// give what a fresh analysis of the same files gives. The workspace is the benchmark's findings-heavy shape: a team's
// first manifest, one careless entry in three (missing timeouts, runbooks, rpo; single replicas, recreate deploys).

const COMPONENTS = 120;
const { text: seed, playbooks, adrs } = generateManifest(COMPONENTS, { carelessEvery: 3 });
/** A second manifest of the same system: its components call into the first, and its edits change what the first's rules read. */
const neighbourSeed = [
  'archframe: 1',
  `system: bench-${COMPONENTS}`,
  'components:',
  ...[3, 17, 40].flatMap((n, i) => {
    const target = [...seed.matchAll(/^  ([\w-]+-core-\d+):$/gm)][n]?.[1] ?? 'missing';
    return [`  edge-${i}:`, '    kind: service', '    layer: application', '    slo: { availability: 99.9, latencyP99: 200ms }', '    dependsOn:', `      - { target: ${target}, via: grpc, timeout: 40ms, retry: { attempts: 3 } }`];
  }),
  '',
].join('\n');
const files: Record<string, string> = { 'architecture.yaml': seed, 'edge.arch.yaml': neighbourSeed, ...Object.fromEntries(playbooks), ...Object.fromEntries(adrs) };
const MANIFESTS = ['architecture.yaml', 'edge.arch.yaml'];

/** Edits of the kind a user makes, each at the n-th place it applies (modulo the places there are). */
const EDITS: { pattern: RegExp; replace: (match: string) => string }[] = [
  { pattern: /replicas: \d/g, replace: (m) => (m.endsWith('1') ? 'replicas: 3' : 'replicas: 1') },
  { pattern: /, timeout: \d+ms/g, replace: () => '' },
  { pattern: /deployment: \w[\w-]*/g, replace: (m) => (m.includes('recreate') ? 'deployment: rolling' : 'deployment: recreate') },
  { pattern: /    rpo: 15m\n/g, replace: () => '' },
  { pattern: /tls: (true|false)/g, replace: (m) => (m.endsWith('true') ? 'tls: false' : 'tls: true') },
  { pattern: /owner: team-[\w-]+/g, replace: () => 'owner: nobody' },
  { pattern: /kind: service/g, replace: () => 'kind: servce' },
  { pattern: /decisions: \[ADR-\d+\]/g, replace: () => 'decisions: [ADR-0999]' },
  // Lines come and go above other elements: their findings move.
  { pattern: /\n    kind: /g, replace: () => '\n    # reviewed\n    kind: ' },
  { pattern: /\n    # reviewed\n/g, replace: () => '\n' },
  { pattern: /\n    technology: [^\n]*\n/g, replace: () => '\n' },
  // What other elements' rules read: latency targets, timeouts and retries along the calls, names.
  { pattern: /latencyP99: \d+ms/g, replace: (m) => (m.endsWith(' 30ms') ? 'latencyP99: 3000ms' : 'latencyP99: 30ms') },
  { pattern: /timeout: \d+ms/g, replace: (m) => (m.endsWith(' 5ms') ? 'timeout: 2000ms' : 'timeout: 5ms') },
  { pattern: /fallback: cached/g, replace: () => 'fallback: cached, retry: { attempts: 4 }' },
  { pattern: /, retry: \{ attempts: \d \}/g, replace: () => '' },
  { pattern: /^  ([\w-]+-\d+):$/gm, replace: (m) => (m.endsWith('x:') ? m.slice(0, -2) + ':' : m.slice(0, -1) + 'x:') },
  { pattern: /target: [\w-]+/g, replace: (m) => (m.endsWith('-db') ? m.slice(0, -3) : `${m}-db`) },
  { pattern: /^components:\n/gm, replace: () => 'components:\n  extra:\n    kind: service\n    slo: { availability: 99.99 }\n    dependsOn: [{ target: nowhere }]\n' },
];

function applyEdit(text: string, edit: { kind: number; at: number }): string {
  const { pattern, replace } = EDITS[edit.kind % EDITS.length];
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[edit.at % matches.length];
  return text.slice(0, match.index) + replace(match[0]) + text.slice(match.index! + match[0].length);
}

const where = (uri: string, range: Range) => `${uri.slice(uri.lastIndexOf('/') + 1)}:${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** Findings as a user sees them, with their related places and fixes, in a stable order. */
function published(engine: Engine): string[] {
  return [...engine.findings()]
    .flatMap(([uri, list]) =>
      list.map((f) =>
        [
          `${where(uri, f.range)} [${f.span}] ${f.ruleId} ${f.message}`,
          ...(f.related ?? []).map((r) => `  related ${where(r.uri, r.range)} ${r.message}`),
          ...(f.fixes ?? []).flatMap((fix) => [`  fix ${fix.title}`, ...fix.edits.map((e) => `    ${where(e.uri, e.range)} ${JSON.stringify(e.newText)}`)]),
        ].join('\n'),
      ),
    )
    .sort();
}

describe('incremental analysis on a manifest full of findings', () => {
  it('the seed has the findings-heavy shape (more than one finding a component; the clean shape: one in ten)', () => {
    assert.ok(published(engineFor(files)).length > COMPONENTS, 'more than one finding a component');
  });

  it('after any sequence of edits, findings equal those of a fresh analysis of the final text', () => {
    const engine = engineFor(files);
    published(engine);
    const texts: Record<string, string> = { 'architecture.yaml': seed, 'edge.arch.yaml': neighbourSeed };
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.nat(), at: fc.nat(), file: fc.nat() }), { minLength: 1, maxLength: 6 }), (edits) => {
        for (const edit of edits) {
          // Mostly the big manifest; one edit in four in its neighbour.
          const file = MANIFESTS[edit.file % 4 === 3 ? 1 : 0];
          texts[file] = applyEdit(texts[file], edit);
          engine.setFile(uriOf(file), texts[file]);
          // Asking between edits makes the engine reuse what it computed for the text before.
          if (edit.at % 2 === 0) published(engine);
          // The server builds the element runs a first analysis leaves out between edits, stopping at the next edit:
          // none, some or all of the steps.
          if (edit.kind % 3 === 0) {
            const steps = engine.elementRunSteps();
            for (let left = edit.at % 5 === 4 ? Infinity : edit.at % 5; left > 0 && !steps.next().done; left--);
          }
        }
        assert.deepEqual(published(engine), published(engineFor({ ...files, ...texts })));
      }),
      { numRuns: Number(process.env.ARCHFRAME_INCREMENTAL_RUNS ?? 25), seed: process.env.ARCHFRAME_FUZZ_SEED ? Number(process.env.ARCHFRAME_FUZZ_SEED) : undefined },
    );
  });
});
