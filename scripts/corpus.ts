// Runs the real engine over the public ADR collections in ../shared/corpora/adr
// (one workspace folder per collection, classified as the product does) and
// prints, per collection: Markdown files, how many were read as ADRs, the
// count per format, every warning and error (file:line rule message, marked
// FALSE when test/corpus/adr-true-findings.yaml does not hold it), the files
// with a false one, and infos and hints counted per rule.
// `npm run corpus [-- --verbose]`; the same judgement runs in `npm test`.
import type { AdrDocument } from '../server/src/engine/parse/adr';
import { fsPathOf } from '../server/src/engine/text/uri';
import { CORPORA, corpusCollections, judge, runCollection, trueFindings } from '../test/helpers/adrCorpora';
import { relative } from 'node:path';

const verbose = process.argv.includes('--verbose');
const collections = corpusCollections();
if (collections.length === 0) {
  console.log(`No ADR corpora at ${CORPORA}: nothing to check (set ARCHFRAME_CORPORA to a folder holding adr/<collection>/).`);
  process.exit(0);
}

const labels = trueFindings();
const table: string[][] = [['collection', 'md files', 'ADRs', 'formats', 'errors', 'warnings', 'infos', 'false', 'files with a false one']];
let problems = 0;
let falseTotal = 0;

for (const name of collections) {
  const run = runCollection(name);
  const adrs = run.engine.snapshot().documents('adr') as readonly AdrDocument[];
  const formats = new Map<string, number>();
  for (const adr of adrs) formats.set(adr.format, (formats.get(adr.format) ?? 0) + 1);
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  const infos = new Map<string, number>();
  const judged = judge(run.findings, labels[name] ?? []);
  const unexpected = new Set(judged.unexpected);
  const lines: string[] = [];
  for (const finding of run.findings) {
    counts[finding.severity]++;
    const text = `  ${finding.severity.padEnd(7)} ${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`;
    if (finding.severity === 'error' || finding.severity === 'warning') lines.push(unexpected.has(finding) ? `${text}  <- FALSE` : text);
    else {
      infos.set(finding.ruleId, (infos.get(finding.ruleId) ?? 0) + 1);
      if (verbose) lines.push(text);
    }
  }
  problems += counts.error + counts.warning;
  falseTotal += judged.unexpected.length;
  const formatText = [...formats].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`).join(', ');
  console.log(`\n${name}: ${run.markdownFiles} Markdown files, ${adrs.length} read as ADRs (${formatText || 'none'}) in ${run.millis} ms`);
  if (verbose) {
    for (const adr of adrs) {
      const where = relative(`${CORPORA}/${name}`, fsPathOf(adr.uri));
      console.log(`    ${where}: ${adr.format}, #${adr.prefix ?? ''}${adr.number ?? '-'}, status ${adr.status ?? '-'}${adr.statusNote ? ` (${adr.statusNote})` : ''}, date ${adr.date ?? adr.nameDate ?? '-'}, relations ${adr.relations.map((r) => `${r.relation} ${r.target}`).join('; ') || '-'}`);
    }
  }
  for (const line of lines) console.log(line);
  for (const label of judged.missing) console.log(`  MISSING ${label.file}:${label.line} ${label.rule} (${label.why})`);
  if (infos.size > 0) console.log(`  infos: ${[...infos].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (run.absent.length > 0) console.log(`  not counted: ${run.absent.length} link(s) to non-Markdown files, which the corpus does not hold (${run.absent.join(', ')})`);
  const rate = `${judged.falseFiles.length} (${((100 * judged.falseFiles.length) / Math.max(1, run.markdownFiles)).toFixed(1)} %)`;
  table.push([name, String(run.markdownFiles), String(adrs.length), formatText, String(counts.error), String(counts.warning), String(counts.info), String(judged.unexpected.length), rate]);
}

const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log('\n' + table.map((row, r) => row.map((cell, i) => cell.padEnd(widths[i])).join(' | ') + (r === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('-|-') : '')).join('\n'));
console.log(`\n${problems} warning(s) and error(s) in ${collections.length} collection(s), ${falseTotal} of them false (not in test/corpus/adr-true-findings.yaml).`);
