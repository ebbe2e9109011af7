import type { Config } from '../model/config';
import type { Fix, Place, Severity } from '../model/findings';
import type { DocumentKind } from '../workspace/classify';
import type { AnalysedDocument, WorkspaceSnapshot } from '../workspace/snapshot';

export type RuleCategory =
  | 'schema'
  | 'axiom-1'
  | 'axiom-2'
  | 'axiom-3'
  | 'axiom-4'
  | 'axiom-5'
  | 'axiom-6'
  | 'security'
  | 'operations'
  | 'recovery'
  | 'radar'
  | 'adr'
  | 'runbook'
  | 'postmortem'
  | 'catalog'
  | 'drift'
  | 'suppression'
  | 'policy';

export const CATEGORY_TITLES: Record<RuleCategory, string> = {
  schema: 'Manifest format',
  'axiom-1': 'Axiom 1: Separation of Concerns',
  'axiom-2': 'Axiom 2: Distributed State',
  'axiom-3': 'Axiom 3: Failure Modes',
  'axiom-4': 'Axiom 4: Observability',
  'axiom-5': 'Axiom 5: Reversibility',
  'axiom-6': 'Axiom 6: Mechanical Sympathy',
  security: 'Security',
  operations: 'Operations',
  recovery: 'Disaster recovery',
  radar: 'Technology radar',
  adr: 'Architecture decision records',
  runbook: 'Runbooks',
  postmortem: 'Postmortems',
  catalog: 'Backstage catalogs',
  drift: 'Drift from the sources',
  suppression: 'Suppression comments',
  policy: 'Team policies',
};

export interface RuleMeta {
  /** Stable kebab-case id: the diagnostic code and the docs page name. */
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line: what the rule asks for. */
  summary: string;
  /** Where the framework says so, as it names it: "Part VII §2, Retry with Exponential Backoff". */
  reference: string;
  /**
   * The kind of document the rule checks (its check runs once per document of that kind; findings may land in
   * related documents); for a problem the parsers or the engine report, every kind it is reported on.
   */
  appliesTo: DocumentKind | readonly DocumentKind[];
  /** Knowledge-base entries that explain the rule. */
  knowledge?: string[];
  fixable?: boolean;
  /**
   * A manifest rule whose findings about an element follow from that element and from what it reads of the others
   * through the model (and, for the system's own fields, from the top level alone): the engine runs it per element
   * and, after an edit, only for the elements whose reads changed (ADR 0016). Such a rule reports each finding inside
   * its element, or at the top level without looking at any element.
   */
  scope?: 'element';
}

export interface Report {
  at: Place;
  message: string;
  /** Overrides the rule's default severity for this finding (when the user has not configured one). */
  severity?: Severity;
  related?: { at: Place; message: string }[];
  tags?: ('unnecessary' | 'deprecated')[];
  fixes?: Fix[];
  /** Stable name of the element concerned, for baselines. */
  element?: string;
}

export interface RuleContext<D extends AnalysedDocument = AnalysedDocument> {
  /** The document being checked (for rules that run once per document). */
  document: D;
  workspace: WorkspaceSnapshot;
  config: Config;
  report(report: Report): void;
}

export interface Rule<D extends AnalysedDocument = AnalysedDocument> {
  meta: RuleMeta;
  /** Runs once per document of the kind `meta.appliesTo`. Rules reported by the parsers have none. */
  check?(context: RuleContext<D>): void;
}

/** Helps rule modules keep their document type while the registry holds them all. */
export function defineRule<D extends AnalysedDocument>(rule: Rule<D>): Rule<D> {
  return rule;
}

/** The kinds of document a rule applies to, as a list. */
export function appliesToKinds(meta: Pick<RuleMeta, 'appliesTo'>): readonly DocumentKind[] {
  return typeof meta.appliesTo === 'string' ? [meta.appliesTo] : meta.appliesTo;
}
