/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions,
 * the commonest typo), bounded: returns max + 1 once the distance exceeds max.
 */
function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

export interface MatchOptions {
  /** Also accept a candidate the word begins (`warn` for `warning`), when only one does. */
  prefix?: boolean;
}

/**
 * The closest candidate, if any is near: the same word in another case first, then its singular or plural
 * (`team` for `teams`), then the fewest edits within a distance that scales with the word's length.
 */
export function closestMatch(word: string, candidates: Iterable<string>, options: MatchOptions = {}): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const prefixed: string[] = [];
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const distance = other === lower ? 0 : sameNoun(lower, other) ? 0.5 : editDistance(lower, other, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    if (options.prefix && lower.length >= 3 && other.startsWith(lower)) prefixed.push(candidate);
  }
  return best ?? (prefixed.length === 1 ? prefixed[0] : undefined);
}

/** Is one word the other's plural (`team`/`teams`, `policy`/`policies`, `process`/`processes`)? */
function sameNoun(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return false;
  return long === `${short}s` || long === `${short}es` || (short.endsWith('y') && long === `${short.slice(0, -1)}ies`);
}

/**
 * Orders strings by UTF-16 code unit. Not `localeCompare`: the order is the same on every machine whatever its
 * locale, and no ICU collation data is loaded (about 3 MB of the server's memory).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 12345.5 → "12,345.5": the en-US digit grouping, without Intl (whose data would cost the server several MB). */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function kebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function formatList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * `text` without the characters of `chars` at its end (`/\s/` for white space): one pass back from the end. A
 * pattern like `/[…]+$/` is tried from the start of every run of those characters, and each try scans the run.
 */
export function trimEndOf(text: string, chars: string | RegExp): string {
  const trims = typeof chars === 'string' ? (c: string) => chars.includes(c) : (c: string) => chars.test(c);
  let end = text.length;
  while (end > 0 && trims(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the characters of `chars` at both ends. */
export function trimOf(text: string, chars: string | RegExp): string {
  const trims = typeof chars === 'string' ? (c: string) => chars.includes(c) : (c: string) => chars.test(c);
  let start = 0;
  while (start < text.length && trims(text[start])) start++;
  return trimEndOf(text.slice(start), chars);
}
