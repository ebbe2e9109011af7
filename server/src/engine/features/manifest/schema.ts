import type { z } from 'zod';
import { manifestSchema } from '../../model/manifest';
import { duration, percent } from '../../model/values';
import type { PathSegment } from '../../parse/yamlAst';

/**
 * Walks the manifest's zod schema by path, for completion and hover: which
 * keys a map may hold, which values a field takes, its description.
 */

type Schema = z.ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
}

function def(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema without optional/default/nullable wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let d = def(current); (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType; d = def(current)) {
    current = d.innerType;
  }
  return current;
}

/** The schema of the value at a path from the manifest's root (element names and list indices included). */
export function schemaAt(path: readonly PathSegment[]): Schema | undefined {
  let current: Schema | undefined = manifestSchema;
  for (const segment of path) {
    if (!current) return undefined;
    const d = def(unwrap(current));
    if (d.type === 'object' && typeof segment === 'string') current = d.shape?.[segment];
    else if (d.type === 'record') current = d.valueType;
    else if (d.type === 'array') current = typeof segment === 'number' ? d.element : undefined;
    else if (d.type === 'union' && typeof segment === 'string') current = objectShape(current)?.[segment];
    else return undefined;
  }
  return current;
}

/** The keys of a map schema (a union contributes the keys of its object options). */
export function objectShape(schema: Schema | undefined): Record<string, Schema> | undefined {
  if (!schema) return undefined;
  const d = def(unwrap(schema));
  if (d.type === 'object') return d.shape;
  if (d.type === 'union') {
    const shapes = (d.options ?? []).map((option) => objectShape(option)).filter((shape): shape is Record<string, Schema> => shape !== undefined);
    return shapes.length > 0 ? Object.assign({}, ...shapes) : undefined;
  }
  return undefined;
}

export function isRecord(schema: Schema | undefined): boolean {
  return schema !== undefined && def(unwrap(schema)).type === 'record';
}

export function isArray(schema: Schema | undefined): boolean {
  return schema !== undefined && def(unwrap(schema)).type === 'array';
}

export function isRequired(schema: Schema): boolean {
  return def(schema).type !== 'optional';
}

/** The values an enum, literal or boolean field accepts, as written in YAML. */
export function enumValues(schema: Schema | undefined): string[] | undefined {
  if (!schema) return undefined;
  const d = def(unwrap(schema));
  if (d.type === 'enum') return Object.values(d.entries ?? {});
  if (d.type === 'literal') return (d.values ?? []).map(String);
  if (d.type === 'boolean') return ['true', 'false'];
  return undefined;
}

export function isBoolean(schema: Schema | undefined): boolean {
  return schema !== undefined && def(unwrap(schema)).type === 'boolean';
}

export function isDuration(schema: Schema | undefined): boolean {
  return schema !== undefined && unwrap(schema) === duration;
}

export function isPercent(schema: Schema | undefined): boolean {
  return schema !== undefined && unwrap(schema) === percent;
}

export function description(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  return (schema as { description?: string }).description ?? (unwrap(schema) as { description?: string }).description;
}

/** A short label of the type, for completion details and hovers. */
export function typeLabel(schema: Schema | undefined): string {
  if (!schema) return 'value';
  if (isDuration(schema)) return 'duration';
  if (isPercent(schema)) return 'percent';
  const inner = unwrap(schema);
  const d = def(inner);
  switch (d.type) {
    case 'enum':
      return Object.values(d.entries ?? {}).join(' | ');
    case 'literal':
      return (d.values ?? []).map(String).join(' | ');
    case 'boolean':
      return 'boolean';
    case 'number':
      return (inner as unknown as { isInt?: boolean }).isInt ? 'integer' : 'number';
    case 'string':
      return 'string';
    case 'array':
      return `list of ${typeLabel(d.element)}`;
    case 'record':
      return 'map of names';
    case 'object':
      return 'map';
    case 'union':
      return (d.options ?? []).map((option) => typeLabel(option)).join(' or ');
    default:
      return d.type;
  }
}
