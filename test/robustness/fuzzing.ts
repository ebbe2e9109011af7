import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Engine } from '../../server/src/engine/analysis';
import { featuresFor, workspaceSymbols } from '../../server/src/engine/features';
import { applyEdits } from '../../server/src/engine/fixes/yamlEdits';
import type { Finding } from '../../server/src/engine/model/findings';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { engineFor, uriOf, type Files } from '../helpers/engine';

/**
 * Shared machinery of the property-based robustness tests (`*.test.ts` here,
 * a few thousand cases) and of `npm run fuzz` (tens of thousands): seed
 * documents, random mutations of them, and a check that drives every engine
 * feature over the mutated text.
 */

const REPO = path.resolve(__dirname, '../..');

function readTree(root: string, prefix = ''): Files {
  const files: Files = {};
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, readTree(full, relative));
    else files[relative] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/** A workspace of seeds and the files in it that get mutated. */
export interface SeedWorkspace {
  name: string;
  files: Files;
  targets: string[];
}

const CONFIG_SEED = [
  '# team settings',
  'rules:',
  '  single-owner: warning',
  '  adr-date: off',
  'ignore: ["drafts/**"]',
  'suppressions: { requireReason: true }',
  'folders:',
  '  adr: docs/adr',
  'adr: { format: nygard, statuses: [draft] }',
  'maxFileSize: 1000000',
  '',
].join('\n');

let cachedSeeds: SeedWorkspace[] | undefined;

/** The example shop (manifest, ADRs, runbook, postmortem), the well-designed fixture, and a configuration. */
export function seedWorkspaces(): SeedWorkspace[] {
  if (cachedSeeds) return cachedSeeds;
  const shop = readTree(path.join(REPO, 'examples/shop'));
  cachedSeeds = [
    { name: 'shop', files: shop, targets: Object.keys(shop).sort() },
    { name: 'well-designed', files: { 'platform.arch.yaml': fs.readFileSync(path.join(REPO, 'test/fixtures/well-designed.arch.yaml'), 'utf8') }, targets: ['platform.arch.yaml'] },
    { name: 'config', files: { '.archframe.yaml': CONFIG_SEED, 'architecture.yaml': shop['architecture.yaml'] }, targets: ['.archframe.yaml'] },
  ];
  // ADRs of every format, each fixture folder a workspace of its own (their layouts differ).
  const adrFixtures = path.join(REPO, 'test/fixtures/adr');
  if (fs.existsSync(adrFixtures)) {
    for (const entry of fs.readdirSync(adrFixtures, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const files = readTree(path.join(adrFixtures, entry.name));
      const targets = Object.keys(files).filter((name) => name.endsWith('.md')).sort();
      if (targets.length > 0) cachedSeeds.push({ name: `adr-${entry.name}`, files, targets });
    }
  }
  return cachedSeeds;
}

/** Pieces that matter to YAML and Markdown parsers, and a few that are merely odd. */
const TOKENS = [
  ':', ': ', '- ', '-', '\n', '\r\n', '\r', '  ', '    ', '\t', '[', ']', '{', '}', ',', '&a ', '*a', '&x', '*x', '<<: *a', '#', '# ', '## ', '### ', '"', "'", '|', '>', '|-', '---', '...',
  '```', '```yaml\n', '~~~', '> ', '* ', '1. ', '| a | b |\n|---|---|\n', '[link](', '](../../etc/passwd)', '](0001-x.md)', '<!-- ', ' -->', '<!-- archframe-disable-next-line ',
  'Status: ', 'Date: 2024-01-01', 'Supersedes ', 'ADR-0001', 'archframe: 1', 'components:', 'dependsOn:', 'target: ', 'kind: service', 'owner: ', 'timeout: 2s', 'runbook: ../../secret.md',
  'null', '~', 'true', '0x1F', '1e9', '!!str ', '!!binary ', '%YAML 1.2\n', '? ', '\u0000', '\uFFFD', '\uD800', '\u00e9', '\u{1F600}', '\u200B', '\u2028', 'ä', '\\', '%',
];

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'swapLines'; a: number; b: number };

const position = fc.nat({ max: 1_000_000 });
const insertion = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, length: fc.nat({ max: 40 }) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: insertion }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: position, length: fc.nat({ max: 200 }), to: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: position, b: position }) },
);

/** Applies a mutation; positions are taken modulo the text's length, so every mutation applies to every text. */
export function mutate(text: string, mutation: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  switch (mutation.op) {
    case 'truncate':
      return text.slice(0, at(mutation.at));
    case 'delete': {
      const start = at(mutation.at);
      return text.slice(0, start) + text.slice(start + mutation.length);
    }
    case 'insert': {
      const start = at(mutation.at);
      return text.slice(0, start) + mutation.text + text.slice(start);
    }
    case 'duplicate': {
      const start = at(mutation.at);
      const piece = text.slice(start, start + mutation.length);
      const to = at(mutation.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = mutation.a % lines.length;
      const b = mutation.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

export interface EngineCase {
  workspace: number;
  target: number;
  mutations: Mutation[];
  /** Offsets for the position-based features, taken modulo the text's length + 1. */
  offsets: number[];
  /** Which fixes to apply (indices into the target's fixes, modulo their count). */
  fixes: number[];
  newName: string;
}

export const engineCaseArbitrary: fc.Arbitrary<EngineCase> = fc.record({
  // The shop most often: its four kinds of documents; the 34-component fixture costs ten times as much per case.
  workspace: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.constant(2) }, { weight: 3, arbitrary: fc.integer({ min: 3, max: 100 }) }),
  target: fc.nat({ max: 1000 }),
  mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
  offsets: fc.array(position, { minLength: 1, maxLength: 4 }),
  fixes: fc.array(fc.nat({ max: 1000 }), { maxLength: 2 }),
  newName: fc.constantFrom('renamed', 'a-b', '', 'x y', 'ünï', '../x'),
});

/** One engine per seed workspace, reused across cases (only the mutated file changes; it is restored afterwards). */
const engines = new Map<string, Engine>();

function engineOf(workspace: SeedWorkspace): Engine {
  let engine = engines.get(workspace.name);
  if (!engine) engines.set(workspace.name, (engine = engineFor(workspace.files)));
  return engine;
}

export interface CaseReport {
  milliseconds: number;
  findings: number;
  fixesApplied: number;
}

const YAML_ERRORS = new Set(['yaml-syntax']);

/**
 * Mutates one seed file and drives the engine over it: findings, every
 * editor feature at the case's offsets, the workspace symbols, and some of
 * the quick fixes, applied. Throws if anything throws or if a fix breaks the
 * YAML of a manifest that was well-formed.
 */
export function runEngineCase(input: EngineCase, options: { findings?: boolean } = {}): CaseReport {
  const started = performance.now();
  const seeds = seedWorkspaces();
  const workspace = input.workspace < 3 || seeds.length <= 3 ? seeds[input.workspace % seeds.length] : seeds[3 + ((input.workspace - 3) % (seeds.length - 3))];
  const path = workspace.targets[input.target % workspace.targets.length];
  const uri = uriOf(path);
  const original = workspace.files[path];
  const text = input.mutations.reduce(mutate, original);
  const engine = engineOf(workspace);
  let fixesApplied = 0;
  let findingCount = 0;
  try {
    engine.setFile(uri, text);
    // Without findings, only the parse and the features run (the rules are the costly part).
    const findings = options.findings === false ? [] : engine.findingsFor(uri);
    findingCount = findings.length;
    for (const finding of findings) checkFinding(finding, text);
    exerciseFeatures(engine, uri, input.offsets, input.newName);
    const withFixes = findings.filter((f) => f.fixes?.length);
    const wellFormed = !findings.some((f) => YAML_ERRORS.has(f.ruleId));
    for (const pick of input.fixes) {
      if (withFixes.length === 0) break;
      const finding = withFixes[pick % withFixes.length];
      const fix = finding.fixes![pick % finding.fixes!.length];
      const own = fix.edits.filter((e) => e.uri === uri);
      if (own.length === 0) continue;
      const fixed = applyEdits(text, new LineIndex(text), own);
      engine.setFile(uri, fixed);
      const after = engine.findingsFor(uri);
      exerciseFeatures(engine, uri, input.offsets, input.newName);
      if (wellFormed && uri.endsWith('.yaml') && after.some((f) => YAML_ERRORS.has(f.ruleId))) {
        throw new Error(`fix '${fix.title}' (${finding.ruleId}) broke the YAML:\n${after.filter((f) => YAML_ERRORS.has(f.ruleId)).map((f) => f.message).join('\n')}\n--- fixed text ---\n${fixed}`);
      }
      fixesApplied++;
      engine.setFile(uri, text);
    }
  } finally {
    engine.setFile(uri, original);
  }
  return { milliseconds: performance.now() - started, findings: findingCount, fixesApplied };
}

/** A finding's range and span must lie inside the text and agree with each other. */
function checkFinding(finding: Finding, text: string): void {
  const [start, end] = finding.span;
  if (!(start >= 0 && end >= start && end <= text.length)) throw new Error(`${finding.ruleId}: span ${start}-${end} outside a text of ${text.length}`);
  const lines = new LineIndex(text);
  const range = lines.range(finding.span);
  if (JSON.stringify(range) !== JSON.stringify(finding.range)) throw new Error(`${finding.ruleId}: range ${JSON.stringify(finding.range)} does not match span ${start}-${end} (${JSON.stringify(range)})`);
}

/** Every feature of the document's kind, at the given offsets; results are checked to lie in the text. */
export function exerciseFeatures(engine: Engine, uri: string, offsets: readonly number[], newName: string): void {
  const workspace = engine.snapshot();
  const document = workspace.document(uri);
  workspaceSymbols(workspace, '');
  workspaceSymbols(workspace, 'a');
  if (!document) return;
  const features = featuresFor(document);
  const length = document.text.length;
  const inText = (span: readonly [number, number], what: string) => {
    if (!(span[0] >= 0 && span[1] >= span[0] && span[1] <= length)) throw new Error(`${what}: span ${span} outside a text of ${length}`);
  };
  for (const symbol of flatten(features.documentSymbols?.(workspace, document) ?? [])) {
    inText(symbol.span, 'symbol');
    inText(symbol.selectionSpan, 'symbol selection');
  }
  for (const link of features.documentLinks?.(workspace, document) ?? []) inText(link.span, 'link');
  for (const lens of features.codeLenses?.(workspace, document) ?? []) inText(lens.span, 'code lens');
  for (const range of features.foldingRanges?.(workspace, document) ?? []) {
    if (range.startLine > range.endLine || range.endLine >= document.lines.lineCount) throw new Error(`folding range ${range.startLine}-${range.endLine} of ${document.lines.lineCount} lines`);
  }
  for (const raw of [...offsets, 0, length]) {
    const offset = raw % (length + 1);
    for (const completion of features.completions?.(workspace, document, offset) ?? []) if (completion.replace) inText(completion.replace, 'completion');
    const hover = features.hover?.(workspace, document, offset);
    if (hover) inText(hover.span, 'hover');
    features.definition?.(workspace, document, offset);
    features.references?.(workspace, document, offset, true);
    features.highlights?.(workspace, document, offset);
    const prepared = features.prepareRename?.(workspace, document, offset);
    if (prepared && typeof prepared !== 'string') {
      inText(prepared.span, 'prepareRename');
      features.rename?.(workspace, document, offset, newName);
    }
  }
}

function flatten<T extends { children?: T[] }>(items: T[]): T[] {
  const out: T[] = [];
  const stack = [...items];
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    stack.push(...(item.children ?? []));
  }
  return out;
}
