import type { Finding, Severity } from '../../engine/model/findings';
import type { PolicyRule } from '../../engine/rules/policies';

/** What every output format receives. */
export interface CheckReport {
  /** The findings to print (after the baseline), sorted by file then position. */
  findings: readonly Finding[];
  /** Findings absorbed by `--baseline`. */
  baselined: number;
  /** The current folder: paths are printed relative to it. */
  cwd: string;
  /** The team policies in force (rules of their own, described as the built-in rules are). */
  policies: readonly PolicyRule[];
  /** Colour and layout for a terminal (text format only). */
  terminal: { color: boolean; tty: boolean };
}

export type Formatter = (report: CheckReport) => string;

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Findings grouped by document, in order. */
export function groupByUri(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = groups.get(finding.uri);
    if (list) list.push(finding);
    else groups.set(finding.uri, [finding]);
  }
  return groups;
}
