// In-process breakdown of one analysis (no protocol): parse, snapshot, each
// rule, the whole findings() call, and an incremental edit, on a generated
// manifest workspace. For finding hot spots; `npm run bench` is the measure.
// Usage: tsx scripts/bench/phases.ts [components=1000] [--top=15]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../server/src/engine/analysis';
import { RULES } from '../../server/src/engine/rules';
import { appliesToKinds, type RuleContext } from '../../server/src/engine/rules/types';
import { generate } from './generate';

const components = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1000);
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 15);
const [workspace] = generate({ components: [components], adrs: [] }).manifests;
const ROOT = 'file:///bench';
const uri = `${ROOT}/architecture.yaml`;
const time = <T>(f: () => T): [T, number] => {
  const started = performance.now();
  const result = f();
  return [result, performance.now() - started];
};

// The workspace's ADRs and playbooks, as the server would load them.
const files = new Map<string, string>();
const walk = (dir: string, prefix: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
    else if (entry.name.endsWith('.md')) files.set(`${ROOT}/${prefix}${entry.name}`, readFileSync(join(dir, entry.name), 'utf8'));
  }
};
walk(workspace.dir, '');
const engine = new Engine({ folders: [ROOT], host: { exists: (u) => files.has(u) } });
for (const [u, text] of files) engine.setFile(u, text);
engine.setFile(uri, workspace.text);
const [, parseMs] = time(() => engine.document(uri));
const [snapshot, snapshotMs] = time(() => engine.snapshot());
const ruleTimes: [string, number][] = [];
for (const rule of RULES) {
  if (!rule.check) continue;
  const [, ms] = time(() => {
    for (const document of appliesToKinds(rule.meta).flatMap((kind) => snapshot.documents(kind))) {
      const context: RuleContext = { document, workspace: snapshot, config: {}, report: () => undefined };
      rule.check!(context);
    }
  });
  ruleTimes.push([rule.meta.id, ms]);
}
const [findings, findingsMs] = time(() => engine.findings());
const count = [...findings.values()].reduce((n, list) => n + list.length, 0);

// One character typed in the middle (after the digit of a `replicas:`), then the findings again.
const middle = workspace.text.indexOf('    replicas: ', workspace.text.length / 2) + '    replicas: '.length + 1;
const edited = workspace.text.slice(0, middle) + 'x' + workspace.text.slice(middle);
engine.setFile(uri, edited);
const [, reparseMs] = time(() => engine.document(uri));
const [, resnapshotMs] = time(() => engine.snapshot());
const [, refindingsMs] = time(() => engine.findings());

const f = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;
console.log(`${components} components, ${(workspace.text.length / 1024).toFixed(0)} KiB, ${count} findings`);
console.log(`parse        ${f(parseMs)}`);
console.log(`snapshot     ${f(snapshotMs)}`);
console.log(`all rules    ${f(ruleTimes.reduce((s, [, ms]) => s + ms, 0))}`);
console.log(`findings()   ${f(findingsMs)} (second snapshot-level run, includes suppressions and sorting)`);
console.log(`edit: reparse ${f(reparseMs)}, snapshot ${f(resnapshotMs)}, findings ${f(refindingsMs)}`);
for (const [id, ms] of ruleTimes.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${id.padEnd(24)} ${f(ms)}`);
