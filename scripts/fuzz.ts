// `npm run fuzz`: the robustness properties of test/robustness/ with many
// more cases than `npm test` runs. Options: --features N --findings N --lsp N
// --seed N. Prints the case counts and the slowest case of each kind.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { engineCaseArbitrary, runEngineCase } from '../test/robustness/fuzzing';
import { LspFuzzer, lspCaseArbitrary } from '../test/robustness/lspFuzzing';

const { values } = parseArgs({
  options: { features: { type: 'string', default: '20000' }, findings: { type: 'string', default: '5000' }, lsp: { type: 'string', default: '2000' }, seed: { type: 'string' } },
});
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() ^ (Math.random() * 0x7fffffff);
const started = Date.now();
console.log(`archframe fuzz, seed ${seed}`);

function engineRun(label: string, numRuns: number, findings: boolean): boolean {
  let slowest = 0;
  let total = 0;
  let fixes = 0;
  const t = Date.now();
  const result = fc.check(
    fc.property(engineCaseArbitrary, (input) => {
      const report = runEngineCase(input, { findings });
      slowest = Math.max(slowest, report.milliseconds);
      total += report.findings;
      fixes += report.fixesApplied;
      if (report.milliseconds > 10_000) throw new Error(`a case took ${Math.round(report.milliseconds)} ms`);
    }),
    { numRuns, seed },
  );
  console.log(`${label}: ${result.numRuns} cases${findings ? `, ${total} findings, ${fixes} fixes applied` : ''}, slowest ${Math.round(slowest)} ms, ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (result.failed) console.log(fc.defaultReportMessage(result), result.errorInstance);
  return !result.failed;
}

async function lspRun(numRuns: number): Promise<boolean> {
  const fuzzer = new LspFuzzer();
  await fuzzer.start();
  const t = Date.now();
  try {
    const result = await fc.check(fc.asyncProperty(lspCaseArbitrary, (input) => fuzzer.run(input)), { numRuns, seed });
    const { cases, edits, requests } = fuzzer.stats;
    console.log(`language server: ${result.numRuns} edit sequences (${cases} passed checks incl. shrinking), ${edits} incremental edits, ${requests} requests, ${((Date.now() - t) / 1000).toFixed(1)} s`);
    if (result.failed) console.log(fc.defaultReportMessage(result), result.errorInstance);
    return !result.failed;
  } finally {
    await fuzzer.stop();
  }
}

void (async () => {
  const ok = [engineRun('engine features', Number(values.features), false), engineRun('engine findings + fixes', Number(values.findings), true), await lspRun(Number(values.lsp))].every(Boolean);
  console.log(`${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`);
  process.exit(ok ? 0 : 1);
})();
