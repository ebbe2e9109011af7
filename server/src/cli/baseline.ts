import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../engine/model/findings';
import { fsPathOf } from '../engine/text/uri';
import { UsageError } from './io';

/**
 * Baselines: today's findings, recorded so that CI fails only on new ones.
 *
 * A finding is known by its rule, its file (relative to the baseline file's
 * folder) and what it is about: the rule's stable `element` name when it sets
 * one, else its message with every number taken out (numbers are often
 * positions or counts that move with unrelated edits). Never by line. Each key
 * has a count: a baseline that holds two findings of one key absorbs two.
 * The format is documented in docs/cli-json.md.
 */
const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  file: string;
  /** The finding's element, when the rule names one. */
  element?: string;
  /** Otherwise its message with numbers replaced by '#'. */
  message?: string;
  count: number;
}

export interface BaselineFile {
  version: number;
  tool: 'archframe';
  findings: BaselineEntry[];
}

function normalizeMessage(message: string): string {
  return message.replace(/\d+(?:\.\d+)?/g, '#').replace(/\s+/g, ' ').trim();
}

function entryOf(finding: Finding, baselineFolder: string): Omit<BaselineEntry, 'count'> {
  const file = path.relative(baselineFolder, fsPathOf(finding.uri)).split(path.sep).join('/');
  return finding.element ? { ruleId: finding.ruleId, file, element: finding.element } : { ruleId: finding.ruleId, file, message: normalizeMessage(finding.message) };
}

function keyOf(entry: Omit<BaselineEntry, 'count'>): string {
  return JSON.stringify([entry.ruleId, entry.file, entry.element ?? null, entry.element === undefined ? entry.message : null]);
}

function createBaseline(findings: readonly Finding[], baselinePath: string): BaselineFile {
  const folder = path.dirname(baselinePath);
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const entry = entryOf(finding, folder);
    const key = keyOf(entry);
    const existing = entries.get(key);
    if (existing) existing.count++;
    else entries.set(key, { ...entry, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.element ?? a.message ?? '', b.element ?? b.message ?? ''));
  return { version: BASELINE_VERSION, tool: 'archframe', findings: sorted };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A baseline of the findings, as the file's text, and how many entries it holds. */
export function baselineText(findings: readonly Finding[], baselinePath: string): { text: string; entries: number } {
  const baseline = createBaseline(findings, baselinePath);
  return { text: JSON.stringify(baseline, null, 2) + '\n', entries: baseline.findings.length };
}

/** Whether a file's text is an archframe baseline (which a new one may replace). */
export function isBaseline(text: string): boolean {
  try {
    const data = JSON.parse(text) as Partial<BaselineFile>;
    return typeof data === 'object' && data !== null && data.tool === 'archframe' && typeof data.version === 'number' && Array.isArray(data.findings);
  } catch {
    return false;
  }
}

export function readBaseline(baselinePath: string): BaselineFile {
  let text: string;
  try {
    text = fs.readFileSync(baselinePath, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the baseline ${baselinePath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the baseline ${baselinePath} is not JSON: ${(error as Error).message}`);
  }
  const file = data as Partial<BaselineFile>;
  if (typeof file !== 'object' || file === null || file.version !== BASELINE_VERSION || !Array.isArray(file.findings)) {
    throw new UsageError(`the baseline ${baselinePath} is not an archframe baseline of version ${BASELINE_VERSION} (write one with --write-baseline).`);
  }
  for (const entry of file.findings) {
    const valid = typeof entry === 'object' && entry !== null && typeof entry.ruleId === 'string' && typeof entry.file === 'string' && Number.isInteger(entry.count) && entry.count > 0 && (typeof entry.element === 'string' || typeof entry.message === 'string');
    if (!valid) throw new UsageError(`the baseline ${baselinePath} holds an invalid entry: ${JSON.stringify(entry)}`);
  }
  return file as BaselineFile;
}

/** Splits findings into those the baseline absorbs and the new ones (in their order). */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile, baselinePath: string): { fresh: Finding[]; absorbed: number } {
  const folder = path.dirname(baselinePath);
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(keyOf(entry), (remaining.get(keyOf(entry)) ?? 0) + entry.count);
  const fresh: Finding[] = [];
  let absorbed = 0;
  for (const finding of findings) {
    const key = keyOf(entryOf(finding, folder));
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      absorbed++;
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, absorbed };
}
