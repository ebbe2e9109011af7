import type { LineIndex } from '../text/lineIndex';
import type { Range, Span } from '../text/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

/** A quick fix: text edits, and files to create (never over an existing file). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  createFiles?: { uri: string; text: string }[];
  /** Preferred fixes are applied by "fix all" and shown first. */
  isPreferred?: boolean;
  /** The fix silences the finding (a suppression comment) instead of correcting what it is about. */
  suppression?: true;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/**
 * What the engine reports: plain data, no LSP types. The server and the CLI
 * translate it into their own shapes.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  /** The offsets behind range, in the document's text. */
  span: Span;
  related?: RelatedLocation[];
  tags?: ('unnecessary' | 'deprecated')[];
  fixes?: Fix[];
  /**
   * A stable name for what the finding is about, independent of line numbers
   * (e.g. "components.checkout.dependsOn.payments"). Baselines match on it.
   */
  element?: string;
}

/** Where a finding lands: a document and a span of its text. */
export interface Place {
  uri: string;
  lines: LineIndex;
  span: Span;
}
