import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { engineCaseArbitrary, runEngineCase, type EngineCase } from './fuzzing';

/** Each case: one seed file mutated, then findings, every editor feature and some fixes. None may throw or hang (cases take 2-500 ms; the bound leaves room for a loaded machine). */
const CASE_BOUND_MS = 10_000;

const seed = process.env.ARCHFRAME_FUZZ_SEED ? Number(process.env.ARCHFRAME_FUZZ_SEED) : undefined;

function check(numRuns: number, findings: boolean): void {
  let cases = 0;
  fc.assert(
    fc.property(engineCaseArbitrary, (input) => {
      const report = runEngineCase(input, { findings });
      cases++;
      assert.ok(report.milliseconds < CASE_BOUND_MS, `a case took ${Math.round(report.milliseconds)} ms`);
    }),
    { numRuns, seed },
  );
  assert.equal(cases, numRuns);
}

/** Counterexamples the long run (`npm run fuzz`) found, kept as regression cases. */
const FOUND: EngineCase[] = [
  // A lone surrogate typed into an ADR link: the URI encoder threw.
  { workspace: 0, target: 584, mutations: [{ op: 'insert', at: 577188, text: '\ud800' }], offsets: [582157, 0], fixes: [], newName: 'renamed' },
  // Swapped lines duplicated a component name: the 'components' symbol ended before it started.
  { workspace: 1, target: 0, mutations: [{ op: 'delete', at: 139946, length: 33 }, { op: 'swapLines', a: 493235, b: 940278 }, { op: 'insert', at: 0, text: ':' }], offsets: [0], fixes: [], newName: 'renamed' },
  // An unresolved alias (`<<: *a`) at the top of .archframe.yaml: policy completion converted the file and threw.
  { workspace: 0, target: 0, mutations: [{ op: 'insert', at: 0, text: '<<: *a' }], offsets: [2490], fixes: [], newName: 'renamed' },
  // A bare CR in the indentation of a .archframe.yaml line: the suppress fix went where YAML sees another line.
  { workspace: 2, target: 0, mutations: [{ op: 'truncate', at: 352979 }, { op: 'insert', at: 71082, text: '\r' }], offsets: [0], fixes: [469], newName: 'renamed' },
];

describe('engine under random mutations of valid documents', () => {
  it('counterexamples found by the long run stay fixed', () => {
    for (const input of FOUND) runEngineCase(input, { findings: true });
  });

  it('editor features (completion, hover, definition, references, rename, symbols, links, lenses, folding) never throw and answer inside the text', () => {
    check(Number(process.env.ARCHFRAME_FUZZ_FEATURE_RUNS ?? 1500), false);
  });

  it('findings never throw and lie inside the text; applied fixes keep well-formed YAML well-formed', () => {
    check(Number(process.env.ARCHFRAME_FUZZ_ENGINE_RUNS ?? 250), true);
  });
});
