import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ManifestDocument } from '../../parse/manifest';
import type { PathSegment } from '../../parse/yamlAst';
import type { Span } from '../../text/types';

/**
 * Where the cursor is in a manifest, in terms of the YAML structure: on (or
 * where there should be) a key of some map, or on (or where there should be)
 * a value. Found from the yaml AST; on lines the AST does not cover (blank or
 * half-typed lines) the line's indentation decides which map the cursor is in.
 * Costs O(depth · log width): no copies of the tree.
 */
export interface CursorContext {
  kind: 'key' | 'value';
  /** For a key: the path of the map that holds (or will hold) it. For a value: the path of the value itself. */
  path: PathSegment[];
  /** For a key: the map, when it exists yet. */
  map?: YAMLMap;
  /** The scalar under the cursor (a key for `key`, a value for `value`), when there is one. */
  node?: Scalar;
  /** For a key: the pair under the cursor; `pair.value === null` means the key has no colon yet. */
  pair?: Pair;
  /** Inside `{ }` or `[ ]`. */
  flow: boolean;
  /** A value that is an item of a list. */
  seqItem: boolean;
  /** A new list item must start with `- ` (the cursor is on a blank line of a block list). */
  needsDash: boolean;
  /** What a completion replaces: the scalar or the word at the cursor. */
  replace: Span;
}

/** What the resolver reads of a YAML document: its text, lines and tree (a manifest, or `.archframe.yaml`). */
export type YamlText = Pick<ManifestDocument, 'text' | 'lines'> & { yaml: { contents: unknown } };

/** The span of a scalar's text, inside its quotes. */
export function scalarSpan(node: Scalar): Span {
  const [start, end] = node.range ?? [0, 0];
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && end - start >= 2) return [start + 1, end - 1];
  return [start, end];
}

/** A scalar's text, when it is a string or a number. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The last pair (or item) whose start is at or before the offset, by binary search (items are in source order). */
function lastStartingBefore<T>(items: readonly T[], start: (item: T) => number | undefined, offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = start(items[mid]);
    if (at !== undefined && at <= offset) {
      found = mid;
      low = mid + 1;
    } else if (at === undefined) {
      // Items without a position (should not happen in parsed documents): fall back to a linear scan.
      for (let i = items.length - 1; i >= 0; i--) if ((start(items[i]) ?? Infinity) <= offset) return i;
      return -1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

const keyStart = (pair: Pair): number | undefined => (pair.key as Node | null)?.range?.[0];
const nodeStart = (node: unknown): number | undefined => (node as Node | null)?.range?.[0];

class Resolver {
  readonly line: number;
  /** Column where the line's content starts (after indentation and `- ` markers), or the cursor column on a blank line. */
  readonly column: number;
  /** The text before the cursor on its line is only whitespace and `- ` markers. */
  readonly blank: boolean;
  /** The line starts a list item (`- `). */
  readonly dashed: boolean;

  constructor(
    readonly document: YamlText,
    readonly offset: number,
  ) {
    const position = document.lines.position(offset);
    this.line = position.line;
    const lineText = document.lines.lineText(position.line);
    const lead = /^([ \t]*)((?:-[ \t]+|-$)*)/.exec(lineText)!;
    this.dashed = lead[2].length > 0;
    this.blank = lineText.slice(0, position.character).trim().replace(/^(?:-\s*)+/, '') === '';
    this.column = this.blank && lineText.trim().replace(/^(?:-\s*)+/, '') === '' ? Math.max(position.character, lead[0].length) : lead[0].length;
  }

  lineOf(offset: number): number {
    return this.document.lines.position(offset).line;
  }

  columnOf(offset: number): number {
    return this.document.lines.position(offset).character;
  }

  word(): Span {
    const text = this.document.text;
    let start = this.offset;
    let end = this.offset;
    while (start > 0 && /[\w.\-/%]/.test(text[start - 1])) start--;
    while (end < text.length && /[\w.\-/%]/.test(text[end])) end++;
    // A list item's dash is not part of the word typed after it.
    const lineStart = this.document.lines.lineStart(this.line);
    if (text[start] === '-' && text.slice(lineStart, start).trim() === '' && (start + 1 === this.offset || /\s/.test(text[start + 1] ?? ''))) start++;
    return [start, Math.max(start, end)];
  }

  key(path: PathSegment[], map: YAMLMap | undefined, extra: Partial<CursorContext> = {}): CursorContext {
    const node = extra.node;
    return { kind: 'key', path, map, flow: !!map?.flow, seqItem: false, needsDash: false, replace: node ? scalarSpan(node) : this.word(), ...extra };
  }

  value(path: PathSegment[], node: Scalar | undefined, extra: Partial<CursorContext> = {}): CursorContext {
    const real = node && node.value !== null ? node : undefined;
    return { kind: 'value', path, node: real, flow: false, seqItem: false, needsDash: false, replace: real ? scalarSpan(real) : this.word(), ...extra };
  }

  resolve(node: Node | null, path: PathSegment[]): CursorContext {
    if (isMap(node)) return node.flow ? this.flowMap(node, path) : this.blockMap(node, path);
    if (isSeq(node)) return node.flow ? this.flowSeq(node, path) : this.blockSeq(node, path);
    return this.key(path, undefined);
  }

  /** Does the cursor belong to a block collection value that starts at `start` and ends at `end`? */
  private inside(start: number, end: number, parentColumn: number): boolean {
    if (this.offset >= start && this.offset < end) return true;
    return this.offset >= start && this.column > parentColumn;
  }

  /** The pair the cursor is in or after; a key context when the cursor is on its key or before every key. */
  private pairBefore(map: YAMLMap, path: PathSegment[]): { context: CursorContext } | { pair: Pair; keyNode: Node | null; name: string | undefined; keyFrom: number; keyTo: number } {
    const index = lastStartingBefore(map.items, keyStart, this.offset);
    if (index < 0) return { context: this.key(path, map) };
    const pair = map.items[index];
    const keyNode = pair.key as Node | null;
    const [keyFrom, keyTo] = keyNode?.range ?? [0, 0];
    if (this.offset >= keyFrom && this.offset <= keyTo && isScalar(keyNode)) {
      // A half-typed key (no colon) followed by the next key: yaml reads both lines as one key. Complete the word only.
      if (this.lineOf(keyFrom) !== this.lineOf(keyTo)) return { context: this.key(path, map) };
      return { context: this.key(path, map, { node: keyNode, pair }) };
    }
    return { pair, keyNode, name: scalarText(keyNode), keyFrom, keyTo };
  }

  blockMap(map: YAMLMap, path: PathSegment[]): CursorContext {
    const keyColumn = this.columnOf(map.range?.[0] ?? 0);
    const found = this.pairBefore(map, path);
    if (!('pair' in found)) return found.context;
    const { pair, keyNode, name, keyFrom } = found;
    const value = pair.value as Node | null;
    const keyLine = this.lineOf(keyFrom);
    if (this.line === keyLine) {
      if (value === null) return this.key(path, map, { pair, node: isScalar(keyNode) ? keyNode : undefined });
      if (name === undefined) return this.key(path, map);
      if (isMap(value) || isSeq(value)) {
        const [from, to] = value.range ?? [0, 0];
        if (value.flow && this.offset >= from && this.offset < to) return this.resolve(value, [...path, name]);
        if (!value.flow || this.offset < from) return this.value([...path, name], undefined, { seqItem: false });
        return this.key(path, map);
      }
      return this.value([...path, name], isScalar(value) ? value : undefined);
    }
    // The cursor is on a later line than the pair's key.
    if (name === undefined) return this.key(path, map);
    if (isMap(value) || isSeq(value)) {
      const [from, to] = value.range ?? [0, 0];
      if (this.inside(from, to, keyColumn)) return this.resolve(value, [...path, name]);
      return this.key(path, map);
    }
    if (isScalar(value) && value.value !== null) {
      const [from, to] = value.range ?? [0, 0];
      if (this.offset >= from && this.offset <= to) return this.value([...path, name], value);
    }
    if (this.column > keyColumn && (value === null || (isScalar(value) && value.value === null))) {
      // A new nested map or list under a key that has no value yet.
      if (this.dashed) return this.value([...path, name, 0], undefined, { seqItem: true });
      return this.key([...path, name], undefined);
    }
    return this.key(path, map);
  }

  blockSeq(seq: YAMLSeq, path: PathSegment[]): CursorContext {
    const dashColumn = this.columnOf(seq.range?.[0] ?? 0);
    const index = lastStartingBefore(seq.items, nodeStart, this.offset);
    if (index < 0) return this.value([...path, 0], undefined, { seqItem: true, needsDash: !this.dashed });
    const item = seq.items[index] as Node | null;
    const [from, to] = item?.range ?? [0, 0];
    const itemLine = this.lineOf(from);
    if (isMap(item) || isSeq(item)) {
      if (this.line > itemLine && this.dashed && this.column <= dashColumn + 2 && this.blank) {
        return this.value([...path, seq.items.length], undefined, { seqItem: true });
      }
      if (this.inside(from, to, dashColumn) && !(this.blank && this.column <= dashColumn)) return this.resolve(item, [...path, index]);
      return this.value([...path, seq.items.length], undefined, { seqItem: true, needsDash: true });
    }
    if (this.line === itemLine || (this.offset >= from && this.offset <= to)) {
      return this.value([...path, index], isScalar(item) ? item : undefined, { seqItem: true });
    }
    return this.value([...path, seq.items.length], undefined, { seqItem: true, needsDash: !this.dashed });
  }

  flowMap(map: YAMLMap, path: PathSegment[]): CursorContext {
    const found = this.pairBefore(map, path);
    if (!('pair' in found)) return found.context;
    const { pair, keyNode, name, keyTo } = found;
    const value = pair.value as Node | null;
    if (value === null || name === undefined) return this.key(path, map, { pair, node: isScalar(keyNode) ? keyNode : undefined });
    const [from, to] = value.range ?? [keyTo, keyTo];
    if ((isMap(value) || isSeq(value)) && this.offset >= from && this.offset < to) return this.resolve(value, [...path, name]);
    // After the value: a comma since then means a new key.
    const end = Math.max(to, keyTo);
    if (this.offset > end && this.document.text.slice(end, this.offset).includes(',')) return this.key(path, map);
    return this.value([...path, name], isScalar(value) ? value : undefined, { flow: true });
  }

  flowSeq(seq: YAMLSeq, path: PathSegment[]): CursorContext {
    const index = lastStartingBefore(seq.items, nodeStart, this.offset);
    if (index < 0) return this.value([...path, 0], undefined, { seqItem: true, flow: true });
    const item = seq.items[index] as Node | null;
    const [from, to] = item?.range ?? [0, 0];
    if ((isMap(item) || isSeq(item)) && this.offset >= from && this.offset < to) return this.resolve(item, [...path, index]);
    if (this.offset <= to) return this.value([...path, index], isScalar(item) ? item : undefined, { seqItem: true, flow: true });
    return this.value([...path, seq.items.length], undefined, { seqItem: true, flow: true });
  }
}

/** The cursor's context, or undefined inside a comment. */
export function contextAt(document: YamlText, offset: number): CursorContext | undefined {
  const resolver = new Resolver(document, offset);
  const before = document.text.slice(document.lines.lineStart(resolver.line), offset);
  if (/(^|\s)#/.test(before) && !/["']/.test(before)) return undefined;
  return resolver.resolve(document.yaml.contents as Node | null, []);
}

/** The last key of a path: the field a value belongs to (`dependsOn` for a bare list item). */
export function fieldOf(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** The section (`components`…) and element name a path is inside, when it is inside one. */
export function elementOf(path: readonly PathSegment[]): { section: string; name: string } | undefined {
  if (path.length >= 2 && typeof path[0] === 'string' && typeof path[1] === 'string' && ['teams', 'components', 'datastores', 'channels'].includes(path[0])) {
    return { section: path[0], name: path[1] };
  }
  return undefined;
}
