import type { ManifestElement } from '../parse/manifest';

/**
 * While the engine runs an element-scoped rule (RuleMeta.scope), the element the rule is looking at: ownElements
 * and ownEdges say when they hand one over and when they are done, so that what the rule reads and reports then is
 * put down to that element (ADR 0016). Outside such a run, nobody listens.
 */
export interface ElementScope {
  enter(element: ManifestElement): void;
  /** Back at the top level (a loop over the elements ended). */
  leave(): void;
}

let listening: ElementScope | undefined;

export function inElementScope<T>(scope: ElementScope, run: () => T): T {
  const outer = listening;
  listening = scope;
  try {
    return run();
  } finally {
    listening = outer;
  }
}

export function enterElement(element: ManifestElement): void {
  listening?.enter(element);
}

export function leaveElement(): void {
  listening?.leave();
}
