import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateManifest } from '../../scripts/bench/generate';
import { engineFor, uriOf } from '../helpers/engine';
import type { Engine } from '../../server/src/engine/analysis';

// Incremental analysis (rules re-run only where their reads changed, findings of untouched elements reused) must
// give what a fresh analysis of the same files gives. The workspace is the benchmark's findings-heavy shape: a team's
// first manifest, one careless entry in three (missing timeouts, runbooks, rpo; single replicas, recreate deploys).

const COMPONENTS = 120;
const { text: seed, playbooks, adrs } = generateManifest(COMPONENTS, { carelessEvery: 3 });
const files: Record<string, string> = { 'architecture.yaml': seed, ...Object.fromEntries(playbooks), ...Object.fromEntries(adrs) };
const MANIFEST = uriOf('architecture.yaml');

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
];

function applyEdit(text: string, edit: { kind: number; at: number }): string {
  const { pattern, replace } = EDITS[edit.kind % EDITS.length];
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[edit.at % matches.length];
  return text.slice(0, match.index) + replace(match[0]) + text.slice(match.index! + match[0].length);
}

/** Findings as a user sees them, in a stable order. */
function published(engine: Engine): string[] {
  return [...engine.findings()].flatMap(([uri, list]) => list.map((f) => `${uri.slice(uri.lastIndexOf('/') + 1)}:${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.message}`)).sort();
}

describe('incremental analysis on a manifest full of findings', () => {
  it('the seed has the findings-heavy shape (more than one finding a component; the clean shape: one in ten)', () => {
    assert.ok(published(engineFor(files)).length > COMPONENTS, 'more than one finding a component');
  });

  it('after any sequence of edits, findings equal those of a fresh analysis of the final text', () => {
    const engine = engineFor(files);
    published(engine);
    let text = seed;
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.nat(), at: fc.nat() }), { minLength: 1, maxLength: 6 }), (edits) => {
        for (const edit of edits) {
          text = applyEdit(text, edit);
          engine.setFile(MANIFEST, text);
          // Asking between edits makes the engine reuse what it computed for the text before.
          if (edit.at % 2 === 0) published(engine);
        }
        assert.deepEqual(published(engine), published(engineFor({ ...files, 'architecture.yaml': text })));
      }),
      { numRuns: Number(process.env.ARCHFRAME_INCREMENTAL_RUNS ?? 25), seed: process.env.ARCHFRAME_FUZZ_SEED ? Number(process.env.ARCHFRAME_FUZZ_SEED) : undefined },
    );
  });
});
