import type { Node } from 'yaml';
import type { z } from 'zod';
import type { Span } from '../text/types';
import type { ParseProblem } from './problem';
import { schemaProblems, valueAt, type SchemaProblem } from './schemaProblems';
import { locate, nodeSpan, type PathSegment } from './yamlAst';

/**
 * Validates a value, reports each problem on its exact key or value, and
 * returns the value with the invalid parts removed (undefined when it
 * cannot be used at all, e.g. a required field is missing).
 */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
  node: Node,
  path: PathSegment[],
  problems: ParseProblem[],
  /** The key that names the validated value: where a missing required field is reported. */
  ownerSpan?: Span,
  /** A looser schema for what the model keeps, when it differs from what is reported. */
  modelSchema: z.ZodType<Partial<T>> | z.ZodType<T> = schema,
): T | undefined {
  const fast = accepted(schema, value);
  if (fast !== REFUSED) return fast as T;
  const first = schema.safeParse(value);
  if (first.success) return first.data;
  for (const problem of schemaProblems(schema, value, first.error.issues, path)) {
    problems.push({
      ruleId: problem.ruleId,
      span: problemSpan(node, problem, ownerSpan),
      message: path.length > 1 && problem.ruleId === 'schema-required' ? `${problem.message.slice(0, -1)} in ${path[0]} '${path[1]}'.` : problem.message,
      suggestion: problem.suggestion,
      element: path.length + problem.path.length > 0 ? [...path, ...stablePath(value, problem.path)].join('.') : undefined,
    });
  }
  // Drop what is invalid and keep the rest, so one typo does not hide the element from every rule.
  let pruned = structuredClone(value);
  for (let round = 0; round < 4; round++) {
    const result = modelSchema.safeParse(pruned);
    if (result.success) return result.data as T;
    let changed = false;
    for (const problem of schemaProblems(modelSchema, pruned, result.error.issues)) {
      if (problem.ruleId === 'schema-required' || problem.path.length === 0) return undefined;
      changed = removeAt(pruned, problem.path) || changed;
    }
    if (!changed) return undefined;
    pruned = compactArrays(pruned);
  }
  return undefined;
}

/**
 * A path that survives edits around it: a list item is named by its target (a dependency) or name where it has one,
 * not by its index, so that a dependency added above does not make an old finding look like a new one.
 */
function stablePath(value: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let node = value;
  for (const segment of path) {
    const item = Array.isArray(node) && typeof segment === 'number' ? node[segment] : node && typeof node === 'object' ? (node as Record<string, unknown>)[String(segment)] : undefined;
    const named = typeof segment === 'number' ? (typeof item === 'string' ? item : item && typeof item === 'object' ? ((item as { target?: unknown; name?: unknown }).target ?? (item as { name?: unknown }).name) : undefined) : undefined;
    out.push(typeof named === 'string' ? named : segment);
    node = item;
  }
  return out;
}

const REMOVED = Symbol('removed');

function removeAt(root: unknown, path: readonly PathSegment[]): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent === null || typeof parent !== 'object') return false;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (last >= parent.length) return false;
    parent[last] = REMOVED;
    return true;
  }
  if (!(String(last) in (parent as object))) return false;
  delete (parent as Record<string, unknown>)[String(last)];
  return true;
}

function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== REMOVED).map(compactArrays);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = compactArrays(v);
  }
  return value;
}

function problemSpan(node: Node, problem: SchemaProblem, ownerSpan?: Span): Span {
  const found = locate(node, problem.path);
  const chosen = problem.target === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
  if (chosen) return nodeSpan(chosen) ?? [0, 0];
  // A missing key: point at the key of the map that lacks it.
  if (problem.path.length <= 1 && ownerSpan) return ownerSpan;
  const parent = locate(node, problem.path.slice(0, -1));
  return nodeSpan(parent.key ?? parent.nearest) ?? ownerSpan ?? [0, 0];
}


/** accepted() could not vouch for the value: zod decides. */
export const REFUSED: unique symbol = Symbol('refused');

interface Def {
  type: string;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
}

/**
 * What zod's safeParse gives for a value it accepts (a copy, with object keys in the schema's order), for the
 * kinds of schema the manifest uses, without zod's machinery: most values are valid, and validating them this way
 * costs a fraction of zod's time, above all on a first parse. REFUSED when the value is not accepted, and whenever
 * the schema holds a kind or a check this does not know: then zod decides, and reports the problems.
 */
export function accepted(schema: z.ZodType, value: unknown): unknown {
  const def = schema.def as unknown as Def;
  if (def.coerce || (def.checks?.length && def.type !== 'string' && def.type !== 'number')) return REFUSED;
  switch (def.type) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return REFUSED;
      const shape = def.shape!;
      // Only strict objects: a plain z.object drops unknown keys, which is zod's business.
      if ((def.catchall?.def as Def | undefined)?.type !== 'never') return REFUSED;
      for (const key in value) if (!Object.hasOwn(shape, key) || key === '__proto__') return REFUSED;
      const input = value as Record<string, unknown>;
      const output: Record<string, unknown> = {};
      for (const key in shape) {
        const present = Object.hasOwn(input, key);
        const field = accepted(shape[key], input[key]);
        if (field === REFUSED) return REFUSED;
        if (field !== undefined) output[key] = field;
        else if (present) return REFUSED;
      }
      return output;
    }
    case 'optional':
      return value === undefined ? undefined : accepted(def.innerType!, value);
    case 'union':
      for (const option of def.options!) {
        const result = accepted(option, value);
        if (result !== REFUSED) return result;
      }
      return REFUSED;
    case 'array': {
      if (!Array.isArray(value)) return REFUSED;
      const output: unknown[] = [];
      for (const item of value) {
        const result = accepted(def.element!, item);
        if (result === REFUSED || result === undefined) return REFUSED;
        output.push(result);
      }
      return output;
    }
    case 'enum':
      return typeof value === 'string' && Object.values(def.entries!).includes(value) ? value : REFUSED;
    case 'literal':
      return def.values!.includes(value) ? value : REFUSED;
    case 'boolean':
      return typeof value === 'boolean' ? value : REFUSED;
    case 'string':
      return typeof value === 'string' && (def.checks ?? []).every((c) => stringCheck(c._zod.def, value)) ? value : REFUSED;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (def.checks ?? []).every((c) => numberCheck(c._zod.def, value)) ? value : REFUSED;
    default:
      return REFUSED;
  }
}

function stringCheck(check: CheckDef, value: string): boolean {
  if (check.check === 'string_format' && check.format === 'regex' && check.pattern) {
    check.pattern.lastIndex = 0;
    return check.pattern.test(value);
  }
  if (check.check === 'min_length' && typeof check.minimum === 'number') return value.length >= check.minimum;
  return false;
}

function numberCheck(check: CheckDef, value: number): boolean {
  if (check.check === 'number_format' && check.format === 'safeint') return Number.isSafeInteger(value);
  if (check.check === 'greater_than' && typeof check.value === 'number') return check.inclusive ? value >= check.value : value > check.value;
  if (check.check === 'less_than' && typeof check.value === 'number') return check.inclusive ? value <= check.value : value < check.value;
  return false;
}
