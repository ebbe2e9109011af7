// The public ADR collections of ../shared/corpora/adr, run through the real engine as the product reads a
// workspace (one workspace folder per collection), for the corpus test and `npm run corpus`. The corpora are
// other people's writing: they are read from where they are, never copied into the project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Engine } from '../../server/src/engine/analysis';
import type { Severity } from '../../server/src/engine/model/findings';
import { fileUri, fsPathOf } from '../../server/src/engine/text/uri';
import { loadWorkspace } from '../../server/src/node/loadWorkspace';
import { listCandidateFiles } from '../../server/src/node/workspaceFiles';

const ROOT = resolve(__dirname, '../..');

/** The folder holding `<collection>/` folders, whether or not it exists. */
export const CORPORA = resolve(ROOT, process.env.ARCHFRAME_CORPORA ?? '../shared/corpora', 'adr');

/** The collections the corpus test expects (the six of ../shared/corpora/README.md). */
export const EXPECTED_COLLECTIONS = [
  'adr__madr',
  'alphagov__govuk-aws',
  'arachne-framework__architecture',
  'dapr__dapr',
  'npryce__adr-tools',
  'thomvaill__log4brains',
] as const;

export function corpusCollections(): string[] {
  if (!existsSync(CORPORA)) return [];
  return readdirSync(CORPORA, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export interface CorpusFinding {
  /** The file, relative to the collection's folder, with `/`. */
  file: string;
  /** 1-based. */
  line: number;
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface CollectionRun {
  name: string;
  engine: Engine;
  markdownFiles: number;
  findings: CorpusFinding[];
  /** Links to non-Markdown files (images, sources): the corpus holds only the Markdown files of each repository. */
  absent: string[];
  millis: number;
}

/** Runs the engine over one collection, as a workspace folder of its own. */
export function runCollection(name: string): CollectionRun {
  const folder = join(CORPORA, name);
  const started = Date.now();
  const engine = loadWorkspace([fileUri(folder)]);
  const markdownFiles = listCandidateFiles(folder).filter((f) => /\.(md|markdown)$/i.test(f.relative)).length;
  const findings: CorpusFinding[] = [];
  const absent: string[] = [];
  for (const [uri, list] of engine.findings()) {
    const file = relative(folder, fsPathOf(uri)).split('\\').join('/');
    for (const finding of list) {
      const line = finding.range.start.line + 1;
      if (finding.ruleId === 'adr-links') {
        const destination = readFileSync(fsPathOf(uri), 'utf8').slice(finding.span[0], finding.span[1]).split(/[?#]/)[0];
        if (/\.[a-z0-9]{1,8}$/i.test(destination) && !/\.(md|markdown)$/i.test(destination) && !/^www\./i.test(destination)) {
          absent.push(`${file}:${line} ${destination}`);
          continue;
        }
      }
      findings.push({ file, line, ruleId: finding.ruleId, severity: finding.severity, message: finding.message });
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
  return { name, engine, markdownFiles, findings, absent, millis: Date.now() - started };
}

/** A true finding on a real collection: a defect a reader of the file would agree is there. */
export interface TrueFinding {
  file: string;
  rule: string;
  line: number;
  /** What is wrong, in a few words of our own. */
  why: string;
}

export const LABELS_FILE = join(ROOT, 'test/corpus/adr-true-findings.yaml');

/** The labelled true findings (errors and warnings), per collection. */
export function trueFindings(): Record<string, TrueFinding[]> {
  const data = parseYaml(readFileSync(LABELS_FILE, 'utf8')) as Record<string, TrueFinding[] | null>;
  const out: Record<string, TrueFinding[]> = {};
  for (const [name, list] of Object.entries(data ?? {})) out[name] = list ?? [];
  return out;
}

export interface Judged {
  /** Errors and warnings the labels do not hold. */
  unexpected: CorpusFinding[];
  /** Labels no error or warning matched. */
  missing: TrueFinding[];
  /** Files with at least one false error or warning. */
  falseFiles: string[];
}

/** Errors and warnings against the labels: each label matches one finding (file, rule, line). */
export function judge(findings: readonly CorpusFinding[], labels: readonly TrueFinding[]): Judged {
  const open = [...labels];
  const unexpected: CorpusFinding[] = [];
  for (const finding of findings) {
    if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
    const at = open.findIndex((l) => l.file === finding.file && l.rule === finding.ruleId && l.line === finding.line);
    if (at >= 0) open.splice(at, 1);
    else unexpected.push(finding);
  }
  return { unexpected, missing: open, falseFiles: [...new Set(unexpected.map((f) => f.file))] };
}

export function describeFinding(f: CorpusFinding): string {
  return `${f.file}:${f.line} ${f.severity} ${f.ruleId} ${f.message}`;
}
