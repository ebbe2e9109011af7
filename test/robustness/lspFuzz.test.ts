import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { LspFuzzer, lspCaseArbitrary } from './lspFuzzing';

describe('language server under random incremental edits', () => {
  const fuzzer = new LspFuzzer();
  before(() => fuzzer.start());
  after(() => fuzzer.stop());

  it('answers every request, stays up, and publishes after an edit sequence what a fresh open of the final text publishes', async () => {
    const numRuns = Number(process.env.ARCHFRAME_FUZZ_LSP_RUNS ?? 80);
    await fc.assert(
      fc.asyncProperty(lspCaseArbitrary, (input) => fuzzer.run(input)),
      { numRuns, seed: process.env.ARCHFRAME_FUZZ_SEED ? Number(process.env.ARCHFRAME_FUZZ_SEED) : undefined },
    );
    assert.ok(fuzzer.stats.edits > numRuns, `${fuzzer.stats.edits} edits`);
    assert.equal(fuzzer.a.process.exitCode, null);
  });
});
