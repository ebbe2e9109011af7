// Runs the real engine over the public ADR collections in ../shared/corpora/adr
// (one workspace folder per collection, classified as the product does) and
// prints, per collection: Markdown files, how many were read as ADRs, the
// count per format, and every warning and error (file:line rule message);
// infos and hints are counted per rule. `npm run corpus [-- --verbose]`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AdrDocument } from '../server/src/engine/parse/adr';
import { fileUri, fsPathOf } from '../server/src/engine/text/uri';
import { loadWorkspace } from '../server/src/node/loadWorkspace';
import { listCandidateFiles } from '../server/src/node/workspaceFiles';

const root = resolve(__dirname, '..');
const corpora = resolve(root, process.env.ARCHFRAME_CORPORA ?? '../shared/corpora', 'adr');
const verbose = process.argv.includes('--verbose');

if (!existsSync(corpora)) {
  console.log(`No ADR corpora at ${corpora}: nothing to check (set ARCHFRAME_CORPORA to a folder holding adr/<collection>/).`);
  process.exit(0);
}

const collections = readdirSync(corpora, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const table: string[][] = [['collection', 'md files', 'ADRs', 'formats', 'errors', 'warnings', 'infos']];
let problems = 0;

for (const name of collections) {
  const folder = join(corpora, name);
  const uri = fileUri(folder);
  const started = Date.now();
  const engine = loadWorkspace([uri]);
  const workspace = engine.snapshot();
  const adrs = workspace.documents('adr') as readonly AdrDocument[];
  const markdownFiles = listCandidateFiles(folder).filter((f) => /\.(md|markdown)$/i.test(f.relative)).length;
  const formats = new Map<string, number>();
  for (const adr of adrs) formats.set(adr.format, (formats.get(adr.format) ?? 0) + 1);
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  const infos = new Map<string, number>();
  const lines: string[] = [];
  const absent: string[] = [];
  for (const [fileUriString, findings] of engine.findings()) {
    for (const finding of findings) {
      // The corpora hold only the Markdown files of each repository: a link to an image or a source file cannot resolve here.
      if (finding.ruleId === 'adr-links') {
        const destination = readFileSync(fsPathOf(fileUriString), 'utf8').slice(finding.span[0], finding.span[1]).split(/[?#]/)[0];
        if (/\.[a-z0-9]{1,8}$/i.test(destination) && !/\.(md|markdown)$/i.test(destination) && !/^www\./i.test(destination)) {
          absent.push(`${relative(folder, fsPathOf(fileUriString))}:${finding.range.start.line + 1} ${destination}`);
          continue;
        }
      }
      counts[finding.severity]++;
      const where = `${relative(folder, fsPathOf(fileUriString))}:${finding.range.start.line + 1}`;
      if (finding.severity === 'error' || finding.severity === 'warning') lines.push(`  ${finding.severity.padEnd(7)} ${where} ${finding.ruleId} ${finding.message}`);
      else {
        infos.set(finding.ruleId, (infos.get(finding.ruleId) ?? 0) + 1);
        if (verbose) lines.push(`  ${finding.severity.padEnd(7)} ${where} ${finding.ruleId} ${finding.message}`);
      }
    }
  }
  problems += counts.error + counts.warning;
  const formatText = [...formats].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`).join(', ');
  console.log(`\n${name}: ${markdownFiles} Markdown files, ${adrs.length} read as ADRs (${formatText || 'none'}) in ${Date.now() - started} ms`);
  if (verbose) for (const adr of adrs) console.log(`    ${relative(folder, fsPathOf(adr.uri))}: ${adr.format}, #${adr.prefix ?? ''}${adr.number ?? '-'}, status ${adr.status ?? '-'}${adr.statusNote ? ` (${adr.statusNote})` : ''}, date ${adr.date ?? adr.nameDate ?? '-'}, relations ${adr.relations.map((r) => `${r.relation} ${r.target}`).join('; ') || '-'}`);
  for (const line of lines.sort()) console.log(line);
  if (infos.size > 0) console.log(`  infos: ${[...infos].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  if (absent.length > 0) console.log(`  not counted: ${absent.length} link(s) to non-Markdown files, which the corpus does not hold (${absent.join(', ')})`);
  table.push([name, String(markdownFiles), String(adrs.length), formatText, String(counts.error), String(counts.warning), String(counts.info)]);
}

const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log('\n' + table.map((row, r) => row.map((cell, i) => cell.padEnd(widths[i])).join(' | ') + (r === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('-|-') : '')).join('\n'));
console.log(`\n${problems} warning(s) and error(s) in ${collections.length} collection(s).`);
