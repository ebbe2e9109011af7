import type { Span } from '../text/types';

/** A problem found while reading a document, before any rule runs. */
export interface ParseProblem {
  ruleId: string;
  span: Span;
  message: string;
  /** For quick fixes: a replacement the problem suggests for its span. */
  suggestion?: string;
  /** The path it is about (`components.api.dependsOn.0.timout`), when a schema knows it: baselines key findings by it. */
  element?: string;
}
