import type { Completion } from './types';

/** Above this many items, a completion list is narrowed to what was typed (the editor asks again as the user types). */
export const MAX_COMPLETIONS = 100;

/** A completion list a feature has already cut down to its first items: the editor must ask again as the user types. */
export type CompletionItems = Completion[] & { incomplete?: true };

/** Marks a list as cut down (see CompletionItems). */
export function partial(items: Completion[]): CompletionItems {
  return Object.assign(items, { incomplete: true as const });
}

/**
 * Keeps a completion answer small however large the workspace: a list of 5,000 names is cut down to the items
 * that match the text typed so far (their replace range up to the cursor, or the word before it), best first,
 * and marked incomplete so that the editor asks again with the next keystroke.
 */
export function narrowCompletions(text: string, offset: number, items: readonly Completion[] | CompletionItems): { items: readonly Completion[]; isIncomplete: boolean } {
  const cut = (items as CompletionItems).incomplete === true;
  if (items.length <= MAX_COMPLETIONS) return { items, isIncomplete: cut };
  let wordStart = offset;
  while (wordStart > 0 && /[\w.-]/.test(text[wordStart - 1])) wordStart--;
  // What was typed, per start (the items of one list mostly share their replace range).
  const typedFrom = new Map<number, string>();
  const matches = (item: Completion) => {
    const start = item.replace && item.replace[0] <= offset && offset <= item.replace[1] ? item.replace[0] : wordStart;
    let typed = typedFrom.get(start);
    if (typed === undefined) typedFrom.set(start, (typed = text.slice(start, offset).toLowerCase()));
    return typed === '' || (item.filterText ?? item.label).toLowerCase().includes(typed);
  };
  const { first, matching } = firstInOrder(items, (item) => (matches(item) ? item : undefined));
  // Few enough to send as they came (the editor sorts them); still incomplete, as the next keystroke narrows again.
  if (matching <= MAX_COMPLETIONS) return { items: items.filter(matches), isIncomplete: true };
  return { items: first, isIncomplete: true };
}

/** What a completion item sorts by: the item (preselected first, then sort text or label), or just a sort text. */
export type OrderKey = string | { preselect?: boolean; sortText?: string; label: string };

/**
 * The first MAX_COMPLETIONS candidates that match, in the editor's order, kept in one pass without copies
 * (sorting 5,000 names to keep 100, and the garbage of it, was most of the time of a large completion), and how
 * many matched. `keyOf` gives what a matching candidate sorts by (its item, or the parts its item will be made
 * of), and undefined for one that does not match; it is asked once per candidate.
 */
export function firstInOrder<C>(candidates: Iterable<C>, keyOf: (candidate: C) => OrderKey | undefined): { first: C[]; matching: number } {
  const first: C[] = [];
  const keys: OrderKey[] = [];
  let matching = 0;
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    if (key === undefined) continue;
    matching++;
    if (keys.length === MAX_COMPLETIONS && compareOrder(key, keys[MAX_COMPLETIONS - 1]) >= 0) continue;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareOrder(keys[mid], key) <= 0) low = mid + 1;
      else high = mid;
    }
    first.splice(low, 0, candidate);
    keys.splice(low, 0, key);
    if (keys.length > MAX_COMPLETIONS) {
      first.pop();
      keys.pop();
    }
  }
  return { first, matching };
}

/** The editor's order: preselected first, then by sort text (or label). */
function compareOrder(a: OrderKey, b: OrderKey): number {
  const pa = typeof a !== 'string' && Boolean(a.preselect);
  const pb = typeof b !== 'string' && Boolean(b.preselect);
  if (pa !== pb) return pa ? -1 : 1;
  const x = typeof a === 'string' ? a : (a.sortText ?? a.label);
  const y = typeof b === 'string' ? b : (b.sortText ?? b.label);
  return x < y ? -1 : x > y ? 1 : 0;
}
