import type { Span } from '../text/types';

/** A problem found while reading a document, before any rule runs. */
export interface ParseProblem {
  ruleId: string;
  span: Span;
  message: string;
  /** For quick fixes: a replacement the problem suggests for its span. */
  suggestion?: string;
}
