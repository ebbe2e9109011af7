import { isAlias, isMap, isPair, isScalar, isSeq, YAMLMap, YAMLSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Span } from '../text/types';

export type PathSegment = string | number;

/** The [start, end) of a node's value, without trailing comments or blank lines. */
export function nodeSpan(node: Node | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  return [node.range[0], node.range[1]];
}

export function scalarKey(pair: Pair): string | undefined {
  if (isScalar(pair.key)) {
    const value = (pair.key as Scalar).value;
    return value === null || value === undefined ? undefined : String(value);
  }
  return undefined;
}

/** Pairs of a large map by key, cached, so lookups in it stay O(1). */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
/** Up to this many pairs a scan is cheaper than building and keeping an index (a component has about ten). */
const SCANNED_MAP_SIZE = 16;

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length <= SCANNED_MAP_SIZE) {
    for (const item of map.items) if (scalarKey(item) === key) return item;
    return undefined;
  }
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const name = scalarKey(item);
      if (name !== undefined && !index.has(name)) index.set(name, item);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

export interface Located {
  /** The key node, when the last segment named a map key. */
  key?: Node;
  /** The value node, when there is one. */
  value?: Node;
  /** The deepest node that was reached, for paths that go past the source. */
  nearest: Node;
}

/** Follows a path of map keys and sequence indices from a node. */
export function locate(root: Node, path: readonly PathSegment[]): Located {
  let node: Node = root;
  let key: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: Node | undefined;
    key = undefined;
    if (isMap(node)) {
      const pair = findPair(node, String(segment));
      if (pair) {
        key = isScalar(pair.key) ? (pair.key as Node) : undefined;
        next = (pair.value as Node | null) ?? undefined;
        if (!next) return { key, nearest: key ?? node };
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = (node.items[segment] as Node | undefined) ?? undefined;
    }
    if (!next || isAlias(next)) {
      return i === path.length - 1 && key ? { key, nearest: key } : { nearest: next ?? node };
    }
    node = next;
  }
  return { key, value: node, nearest: node };
}

/**
 * Duplicate keys of every map, in O(n). yaml's own `uniqueKeys` check
 * compares each key with every other (quadratic on a 5,000-entry map).
 */
export function duplicateKeys(root: Node | null | undefined, shallow = false): Pair[] {
  const duplicates: Pair[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = scalarKey(pair);
        if (key !== undefined) {
          if (seen.has(key)) duplicates.push(pair);
          else seen.add(key);
        }
        if (!shallow) stack.push(pair.value);
      }
    } else if (isSeq(node) && !shallow) {
      for (const item of node.items) stack.push(item);
    }
  }
  return duplicates;
}

/** What plainValue() leaves to yaml's own toJS. */
const UNUSUAL: unique symbol = Symbol('unusual');

/**
 * The plain value of a node, exactly as yaml's `node.toJS(doc)` gives it, with the duplicate keys of its maps
 * (as duplicateKeys() finds them) added to `duplicates`: both in one walk, which is cheaper than the two, above
 * all on a first parse, before the code is compiled. Only for the plain case: undefined (and nothing added) when
 * the node holds an anchor, an alias, a merge key, a key that is not a plain scalar, a pair in a sequence or a
 * value of a YAML 1.1 type (set, ordered map, timestamp, binary); the caller then uses toJS and duplicateKeys.
 */
export function plainValue(node: Node | null | undefined, duplicates: Pair[]): { value: unknown } | undefined {
  const found: Pair[] = [];
  let value: unknown;
  try {
    value = plain(node, found);
  } catch {
    // Nested too deeply for the stack: toJS decides what that gives.
    return undefined;
  }
  if (value === UNUSUAL) return undefined;
  for (const pair of found) duplicates.push(pair);
  return { value };
}

function plain(node: unknown, duplicates: Pair[]): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const value = node.value;
    if (node.anchor || (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) return UNUSUAL;
    return value;
  }
  if (isMap(node)) {
    if (node.anchor || node.constructor !== YAMLMap) return UNUSUAL;
    const items = node.items;
    const result: Record<string, unknown> = {};
    // Keys seen, for duplicates; small maps (nearly all of them) compare with the keys before instead of hashing.
    let seen: Set<string> | undefined;
    for (let i = 0; i < items.length; i++) {
      const pair = items[i];
      if (!isPair(pair)) return UNUSUAL;
      const key = pair.key;
      if (!isScalar(key) || key.anchor) return UNUSUAL;
      const keyValue = key.value;
      if (keyValue !== null && typeof keyValue !== 'string' && typeof keyValue !== 'number' && typeof keyValue !== 'boolean') return UNUSUAL;
      if (keyValue === '<<') return UNUSUAL;
      const name = keyValue === null ? '' : String(keyValue);
      if (keyValue !== null) {
        if (items.length > 8) {
          seen ??= new Set();
          if (seen.has(name)) duplicates.push(pair);
          else seen.add(name);
        } else {
          for (let j = 0; j < i; j++) {
            const before = (items[j].key as Scalar).value;
            if (before !== null && String(before) === name) {
              duplicates.push(pair);
              break;
            }
          }
        }
      }
      const value = plain(pair.value, duplicates);
      if (value === UNUSUAL) return UNUSUAL;
      // As yaml does: a key that exists on every object (__proto__, toString...) becomes an own property.
      if (name in result) Object.defineProperty(result, name, { value, writable: true, enumerable: true, configurable: true });
      else result[name] = value;
    }
    return result;
  }
  if (isSeq(node)) {
    if (node.anchor || node.constructor !== YAMLSeq) return UNUSUAL;
    const result: unknown[] = [];
    for (const item of node.items) {
      if (isPair(item)) return UNUSUAL;
      const value = plain(item, duplicates);
      if (value === UNUSUAL) return UNUSUAL;
      result.push(value);
    }
    return result;
  }
  return UNUSUAL;
}

/** Forgets the cached key index of a map whose items changed. */
export function forgetPairs(map: YAMLMap): void {
  pairIndex.delete(map);
}

/**
 * A YAML parse error as a problem: the span kept inside the text (errors at the
 * end of a file point one past it), and the messages a user cannot act on
 * (a stack overflow deep in the parser, an alias bomb) said plainly.
 */
export function yamlErrorProblem(error: { code: string; message: string; pos: [number, number] }, textLength: number): { ruleId: 'yaml-syntax'; span: Span; message: string } {
  const start = Math.min(error.pos[0], textLength);
  const end = Math.min(Math.max(error.pos[1], error.pos[0] + 1), textLength);
  return { ruleId: 'yaml-syntax', span: [start, end], message: yamlErrorMessage(error.code, error.message) };
}

export function yamlErrorMessage(code: string, message: string): string {
  const first = message.split('\n')[0];
  if (/call stack/i.test(first)) return 'YAML: nested too deeply to read (thousands of levels of [ ], { } or indentation); the deeper part is ignored.';
  if (/alias count/i.test(first)) return 'YAML: too many alias expansions (more than 100): the value is not expanded, as it looks like an alias bomb.';
  if (code === 'TAB_AS_INDENT') return 'YAML: tabs are not allowed as indentation; indent with spaces.';
  return `YAML: ${first}`;
}
