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
  const first = schema.safeParse(value);
  if (first.success) return first.data;
  for (const problem of schemaProblems(schema, value, first.error.issues)) {
    problems.push({
      ruleId: problem.ruleId,
      span: problemSpan(node, problem, ownerSpan),
      message: path.length > 1 && problem.ruleId === 'schema-required' ? `${problem.message.slice(0, -1)} in ${path[0]} '${path[1]}'.` : problem.message,
      suggestion: problem.suggestion,
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

