import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../model/findings';
import type { ManifestDocument } from '../parse/manifest';
import { findPair, nodeSpan } from '../parse/yamlAst';

/** What the edits need of a YAML file: the manifest, or another YAML file of the workspace (`.archframe.yaml`). */
export type YamlFile = Pick<ManifestDocument, 'uri' | 'text' | 'lines'>;

/**
 * Text edits that add to a manifest while keeping the user's formatting and
 * comments: a new key goes after the map's last entry, with the same
 * indentation (block maps) or before the closing brace (flow maps).
 */

/** Adds `key: value` to a map; `valueText` is YAML in flow style (e.g. `2s`, `{ atRest: true }`). */
export function addKey(manifest: YamlFile, map: YAMLMap, key: string, valueText: string): TextEdit {
  return addKeys(manifest, map, [[key, valueText]]);
}

/**
 * Adds several keys to a map in one edit, in the given order (two insertions
 * at one place would be applied in an order the editor chooses).
 */
export function addKeys(manifest: YamlFile, map: YAMLMap, entries: readonly (readonly [string, string])[]): TextEdit {
  const range = (offset: number) => manifest.lines.range([offset, offset]);
  if (map.flow) {
    const span = nodeSpan(map)!;
    // The span ends after the closing brace: search before it, or a parent's brace right after it is found.
    const close = manifest.text.lastIndexOf('}', span[1] - 1);
    const inside = manifest.text.slice(span[0] + 1, close);
    const pairs = entries.map(([key, value]) => `${key}: ${value}`).join(', ');
    if (inside.trim().length === 0) return { uri: manifest.uri, range: manifest.lines.range([span[0] + 1, close]), newText: ` ${pairs} ` };
    const kept = inside.trimEnd();
    const at = span[0] + 1 + kept.length;
    return { uri: manifest.uri, range: range(at), newText: kept.endsWith(',') ? ` ${pairs}` : `, ${pairs}` };
  }
  const last = map.items[map.items.length - 1] as Pair | undefined;
  const first = map.items[0] as Pair | undefined;
  const keyStart = nodeSpan(first?.key as Node)?.[0] ?? nodeSpan(map)![0];
  const indent = manifest.lines.position(keyStart).character;
  const end = last ? pairEnd(manifest, last) : nodeSpan(map)![1];
  const line = manifest.lines.position(end).line;
  const at = manifest.lines.lineEnd(line);
  return { uri: manifest.uri, range: range(at), newText: entries.map(([key, value]) => `${eol(manifest)}${' '.repeat(indent)}${key}: ${value}`).join('') };
}

/**
 * Sets several keys of one map: existing ones get their value replaced, the
 * missing ones are added together. Values are YAML in flow style.
 */
export function setKeys(manifest: YamlFile, map: YAMLMap, entries: readonly (readonly [string, string])[]): TextEdit[] {
  return setPaths(manifest, map, entries.map(([key, value]) => [[key], value] as const));
}

export type PathValue = readonly [path: readonly string[], valueText: string];

/**
 * Sets several nested keys of one map in as few edits as can be: existing
 * values are replaced, existing maps on the way are added to, and what is
 * missing is added in one edit per map, as flow maps where it nests
 * (`retry: { backoff: exponential, jitter: true }`).
 */
export function setPaths(manifest: YamlFile, map: YAMLMap, entries: readonly PathValue[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const additions: [string, string][] = [];
  for (const [head, rest] of groupByHead(entries)) {
    const pair = findPair(map, head);
    const value = pair?.value as Node | null | undefined;
    if (pair && isMap(value) && rest.every(([path]) => path.length > 0)) edits.push(...setPaths(manifest, value, rest));
    else if (pair) edits.push(setPath(manifest, map, [head], flowText(rest)));
    else additions.push([head, flowText(rest)]);
  }
  if (additions.length > 0) edits.push(addKeys(manifest, map, additions));
  return edits;
}

/** Entries grouped by their first key, in first-seen order, with that key removed. */
function groupByHead(entries: readonly PathValue[]): Map<string, PathValue[]> {
  const groups = new Map<string, PathValue[]>();
  for (const [path, value] of entries) {
    const group = groups.get(path[0]) ?? [];
    group.push([path.slice(1), value]);
    groups.set(path[0], group);
  }
  return groups;
}

/** The flow text of entries below one key: the value itself, or a flow map of the rest. */
function flowText(entries: readonly PathValue[]): string {
  const leaf = entries.find(([path]) => path.length === 0);
  if (leaf) return leaf[1];
  return `{ ${[...groupByHead(entries)].map(([key, rest]) => `${key}: ${flowText(rest)}`).join(', ')} }`;
}

/**
 * Turns a scalar into a flow map that holds it under `key`, followed by more
 * entries: a dependency written `- payments` becomes
 * `- { target: payments, timeout: 2s }`. The scalar's text is kept as written.
 */
export function scalarToMap(manifest: YamlFile, scalar: Node, key: string, entries: readonly PathValue[]): TextEdit {
  const span = nodeSpan(scalar)!;
  const text = flowText([[[key], manifest.text.slice(span[0], span[1])], ...entries]);
  return { uri: manifest.uri, range: manifest.lines.range(span), newText: text };
}

/**
 * Sets a nested key, creating the maps on the way in flow style:
 * setPath(map, ['encryption', 'atRest'], 'true') adds `encryption: { atRest: true }`
 * or `atRest: true` inside an existing `encryption` map, or replaces a value.
 */
export function setPath(manifest: YamlFile, map: YAMLMap, path: readonly string[], valueText: string): TextEdit {
  const [head, ...rest] = path;
  const pair = findPair(map, head);
  if (!pair) {
    const nested = rest.reduceRight((inner, key) => `{ ${key}: ${inner} }`, valueText);
    return addKey(manifest, map, head, nested);
  }
  const value = pair.value as Node | null;
  if (rest.length === 0 || !isMap(value)) {
    const nested = rest.reduceRight((inner, key) => `{ ${key}: ${inner} }`, valueText);
    const span = nodeSpan(value) ?? [nodeSpan(pair.key as Node)![1] + 1, nodeSpan(pair.key as Node)![1] + 1];
    return { uri: manifest.uri, range: manifest.lines.range(span), newText: value ? nested : ` ${nested}` };
  }
  return setPath(manifest, value, rest, valueText);
}

/** The end of the last line a pair occupies (its value may span lines). */
function pairEnd(manifest: YamlFile, pair: Pair): number {
  const value = pair.value as Node | null;
  const valueEnd = value?.range?.[1];
  const keyEnd = nodeSpan(pair.key as Node)?.[1] ?? 0;
  let end = Math.max(valueEnd ?? keyEnd, keyEnd);
  // Block values end after their trailing newline; step back onto their last line.
  while (end > 0 && /\s/.test(manifest.text[end - 1])) end--;
  return end;
}

/** The document's line break, judged by its first line (O(line), not O(file): fixes are built for every finding). */
function eol(manifest: YamlFile): string {
  const newline = manifest.text.indexOf('\n');
  return newline > 0 && manifest.text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Applies edits to a text (for tests and for the CLI's --fix). Edits must not overlap. */
export function applyEdits(text: string, lines: { offset(p: { line: number; character: number }): number }, edits: readonly TextEdit[]): string {
  // From the end backwards; inserts at one position keep their order in the list, as in LSP.
  const sorted = edits
    .map((e, index) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText, index }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
