import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { engineCaseArbitrary, runEngineCase } from './fuzzing';

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

describe('engine under random mutations of valid documents', () => {
  it('editor features (completion, hover, definition, references, rename, symbols, links, lenses, folding) never throw and answer inside the text', () => {
    check(Number(process.env.ARCHFRAME_FUZZ_FEATURE_RUNS ?? 1500), false);
  });

  it('findings never throw and lie inside the text; applied fixes keep well-formed YAML well-formed', () => {
    check(Number(process.env.ARCHFRAME_FUZZ_ENGINE_RUNS ?? 250), true);
  });
});
