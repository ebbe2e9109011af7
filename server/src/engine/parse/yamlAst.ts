import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
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

/** Pairs of a map by key, cached, so lookups in a large map stay O(1). */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

export function findPair(map: YAMLMap, key: string): Pair | undefined {
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
