import type { z } from 'zod';
import { closestMatch, formatList } from '../text/strings';
import type { PathSegment } from './yamlAst';

/** One schema problem, relative to the validated value. */
export interface SchemaProblem {
  ruleId: 'schema-unknown-key' | 'schema-type' | 'schema-enum' | 'schema-required' | 'schema-format' | 'schema-range';
  path: PathSegment[];
  /** Where to put the squiggle: on the key, or on the value. */
  target: 'key' | 'value';
  message: string;
  /** The near miss (a key for an unknown key, a value for an enum): the quick fix writes it over the problem's span. */
  suggestion?: string;
  /** The field the problem is about when it is not `path` itself: the key an unknown key was meant to be. */
  meant?: PathSegment[];
}

type Issue = z.core.$ZodIssue;

/**
 * Translates zod issues into problems a person can act on. `where` names the validated value in messages
 * (e.g. ['components', 'api']); the problems' paths stay relative to the value.
 */
export function schemaProblems(schema: z.ZodType, value: unknown, issues: readonly Issue[], where: readonly PathSegment[] = []): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of issues) collect(schema, value, issue, [], where, problems);
  return problems;
}

function collect(schema: z.ZodType, root: unknown, issue: Issue, base: PathSegment[], where: readonly PathSegment[], out: SchemaProblem[]): void {
  const path = [...base, ...(issue.path as PathSegment[])];
  const relative = issue.path as PathSegment[];
  const received = valueAt(root, relative);
  const field = describePath([...where, ...path]);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(schema, relative));
      const present = received !== null && typeof received === 'object' ? (received as object) : {};
      for (const key of issue.keys) {
        const near = closestMatch(key, allowed);
        // No replacement when the meant key is already there: renaming would make a duplicate.
        const suggestion = near !== undefined && !Object.hasOwn(present, near) ? near : undefined;
        out.push({
          ruleId: 'schema-unknown-key',
          path: [...path, key],
          target: 'key',
          message: `Unknown key '${key}' ${field ? `in ${field}` : 'at the top level'}.${near ? ` Did you mean '${near}'?` : ''} Allowed: ${allowed.join(', ')}.`,
          suggestion,
          meant: suggestion === undefined ? undefined : [...path, suggestion],
        });
      }
      return;
    }
    case 'invalid_value': {
      if (received === undefined) {
        out.push({ ruleId: 'schema-required', path, target: 'key', message: `Missing required key '${lastKey(path)}'.` });
        return;
      }
      const values = issue.values.map(String);
      if (values.length === 1) {
        out.push({ ruleId: 'schema-enum', path, target: 'value', message: `'${field}' must be ${values[0]}, not ${JSON.stringify(received)}.`, suggestion: values[0] });
      } else {
        const near = typeof received === 'string' ? closestMatch(received, values, { prefix: true }) : undefined;
        out.push({
          ruleId: 'schema-enum',
          path,
          target: 'value',
          message: `${JSON.stringify(received)} is not a valid '${lastKey(path)}'.${near ? ` Did you mean '${near}'?` : ''} Allowed: ${formatList(values)}.`,
          suggestion: near,
        });
      }
      return;
    }
    case 'invalid_type': {
      if (received === undefined) {
        out.push({ ruleId: 'schema-required', path, target: 'key', message: `Missing required key '${lastKey(path)}'.` });
      } else {
        out.push({
          ruleId: 'schema-type',
          path,
          target: 'value',
          message: `'${lastKey(path)}' must be ${article(issue.expected)}, not ${article(typeName(received))}.`,
        });
      }
      return;
    }
    case 'invalid_format':
      out.push({ ruleId: 'schema-format', path, target: 'value', message: `Invalid '${lastKey(path)}' ${JSON.stringify(received)}: ${issue.message}.` });
      return;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      out.push({ ruleId: 'schema-range', path, target: 'value', message: `'${lastKey(path)}' must be ${bound}.` });
      return;
    }
    case 'invalid_union': {
      // Report the branch the value was meant for: one whose errors are not about the value's type.
      const meant = issue.errors.filter((branch) => !branch.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (meant.length > 0) {
        const options = unionOptions(schemaAt(schema, relative));
        const branchIndex = (issue.errors as Issue[][]).indexOf(meant[0] as Issue[]);
        const branchSchema = options[branchIndex] ?? schema;
        const branchValue = valueAt(root, relative);
        for (const inner of meant[0]) collect(branchSchema, branchValue, inner, path, where, out);
      } else {
        const expected = issue.errors.map((branch) => branch.find((e) => e.code === 'invalid_type')).map((e) => (e as { expected?: string } | undefined)?.expected ?? 'value');
        out.push({
          ruleId: 'schema-type',
          path,
          target: 'value',
          message: `'${lastKey(path)}' must be ${expected.map(article).join(' or ')}, not ${article(typeName(received))}.`,
        });
      }
      return;
    }
    default:
      out.push({ ruleId: 'schema-type', path, target: 'value', message: `Invalid '${lastKey(path)}': ${issue.message}` });
  }
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** The schema that validates the value at a path, looking through optional, union and collection wrappers. */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (!current) return undefined;
    const def = current.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[] };
    if (def.type === 'union') {
      current = def.options?.map(unwrap).find((o) => o && (o.def as { type: string }).type === (typeof segment === 'number' ? 'array' : 'object'));
      if (!current) return undefined;
      current = schemaAt(current, [segment]);
      continue;
    }
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    const def = current.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) current = def.innerType;
    else return current;
  }
  return current;
}

function unionOptions(schema: z.ZodType | undefined): z.ZodType[] {
  const def = unwrap(schema)?.def as { type: string; options?: z.ZodType[] } | undefined;
  return def?.type === 'union' ? (def.options ?? []) : [];
}

/** Keys an object schema accepts (for a union, those of its object branch). */
function allowedKeys(schema: z.ZodType | undefined): string[] {
  const current = unwrap(schema);
  if (!current) return [];
  const def = current.def as { type: string; shape?: Record<string, unknown>; options?: z.ZodType[] };
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => allowedKeys(o));
  return [];
}

function lastKey(path: readonly PathSegment[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'value';
}

function describePath(path: readonly PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'map';
  return typeof value;
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a map', array: 'a list', string: 'a string', number: 'a number', boolean: 'a boolean (true or false)', map: 'a map', list: 'a list', null: 'empty', int: 'a whole number' };
  return names[type] ?? `a ${type}`;
}
