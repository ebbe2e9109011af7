import { z } from 'zod';
import { channelSchema, componentSchema, datastoreSchema, VIA } from './manifest';

/**
 * Team policies (`.archframe.yaml` `policies:`): rules a team writes in the manifest's own terms. A selector
 * names elements by their kind of element, their name (a glob) and any scalar field of the manifest; the fields
 * a selector may name are read from the manifest's schema, so a new manifest field is selectable as it lands.
 */

export const POLICY_ELEMENTS = ['component', 'datastore', 'channel'] as const;
export type PolicyElement = (typeof POLICY_ELEMENTS)[number];

/** The manifest section of each kind of element a selector names. */
export const POLICY_SECTIONS = { component: 'components', datastore: 'datastores', channel: 'channels' } as const;

const ELEMENT_SCHEMAS = { component: componentSchema, datastore: datastoreSchema, channel: channelSchema } as const;

export const POLICY_SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** A field a selector may name: a dotted path to a scalar of some kinds of element. */
export interface SelectableField {
  path: string;
  elements: PolicyElement[];
  type: 'string' | 'number' | 'boolean' | 'enum';
  /** The values an enumerated field takes. */
  values?: string[];
  description?: string;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let d = defOf(current); (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType; d = defOf(current)) current = d.innerType;
  return current;
}

const descriptionOf = (schema: z.ZodType): string | undefined =>
  (schema as { description?: string }).description ?? (unwrapped(schema) as { description?: string }).description;

/** Every path of an element schema (maps and scalars alike), with the schema at it. */
function* pathsOf(schema: z.ZodType, prefix = ''): Iterable<[string, z.ZodType]> {
  const d = defOf(unwrapped(schema));
  if (d.type !== 'object') return;
  for (const [key, child] of Object.entries(d.shape ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    yield [path, child];
    yield* pathsOf(child, path);
  }
}

function scalarType(schema: z.ZodType): Pick<SelectableField, 'type' | 'values'> | undefined {
  const d = defOf(unwrapped(schema));
  switch (d.type) {
    case 'enum':
      return { type: 'enum', values: Object.values(d.entries ?? {}) };
    case 'literal':
      return { type: 'enum', values: (d.values ?? []).map(String) };
    case 'string':
    case 'number':
    case 'boolean':
      return { type: d.type };
    case 'union': {
      // A scalar union (oncall: string or boolean): the loosest of its options.
      const options = (d.options ?? []).map(scalarType);
      if (options.some((o) => o === undefined)) return undefined;
      return options.every((o) => o!.type === 'enum') ? { type: 'enum', values: options.flatMap((o) => o!.values ?? []) } : { type: 'string' };
    }
    default:
      return undefined;
  }
}

let selectable: Map<string, SelectableField> | undefined;

/** The fields selectors may name, by dotted path, from the component, datastore and channel schemas. */
export function selectableFields(): ReadonlyMap<string, SelectableField> {
  if (selectable) return selectable;
  const fields = new Map<string, SelectableField>();
  for (const element of POLICY_ELEMENTS) {
    for (const [path, schema] of pathsOf(ELEMENT_SCHEMAS[element])) {
      const scalar = scalarType(schema);
      if (!scalar) continue;
      const known = fields.get(path);
      if (known) {
        known.elements.push(element);
        if (known.type === 'enum' && scalar.type === 'enum') known.values = [...new Set([...known.values!, ...scalar.values!])];
        else if (known.type !== scalar.type) (known.type = 'string'), (known.values = undefined);
        continue;
      }
      fields.set(path, { path, elements: [element], ...scalar, description: descriptionOf(schema) });
    }
  }
  return (selectable = fields);
}

/** Every path an element of these kinds has (maps included): what `require.fields` may name. */
export function fieldPaths(elements: readonly PolicyElement[] = POLICY_ELEMENTS): string[] {
  const paths = new Set<string>();
  for (const element of elements) for (const [path] of pathsOf(ELEMENT_SCHEMAS[element])) paths.add(path);
  return [...paths];
}

const scalar = z.union([z.string(), z.number(), z.boolean()]);
// The list first: a list with one bad value is then reported on that value, not on the whole list.
const oneOrMore = <T extends z.ZodType>(schema: T) => z.union([z.array(schema).min(1), schema]);

function selectorShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {
    element: oneOrMore(z.enum(POLICY_ELEMENTS)).optional().meta({ description: 'The kind of element: component, datastore or channel (a list: any of them).' }),
    name: oneOrMore(z.string()).optional().meta({ description: 'The element\'s name, a glob (`payments-*`); a list: any of them.' }),
  };
  for (const field of selectableFields().values()) {
    const value = field.type === 'enum' ? z.enum(field.values as [string, ...string[]]) : field.type === 'string' ? z.string() : field.type === 'number' ? z.number() : z.boolean();
    const on = field.elements.length === POLICY_ELEMENTS.length ? '' : ` (${field.elements.join(', ')})`;
    shape[field.path] = oneOrMore(field.type === 'string' ? scalar : value)
      .optional()
      .meta({ description: `${field.description ?? `The element's \`${field.path}\`.`}${on}` });
  }
  return shape;
}

/** A selector: every key must hold; a list value means any of its values. */
export const selectorSchema = z.strictObject(selectorShape());

export const forbidSchema = z.strictObject({
  from: selectorSchema.meta({ description: 'The components whose dependencies are checked.' }),
  to: selectorSchema.meta({ description: 'The elements they must not depend on.' }),
  via: oneOrMore(z.enum(VIA)).optional().meta({ description: 'Only dependencies that travel this way (as written in `via`).' }),
});

export const requireSchema = z.strictObject({
  of: selectorSchema.meta({ description: 'The elements that must have the fields.' }),
  fields: z.array(z.string()).min(1).meta({ description: 'Dotted paths each matching element must set, e.g. observability.traces.' }),
});

export const policySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a policy id is kebab-case (lower-case words joined by hyphens)')
    .meta({ description: 'The policy\'s id, kebab-case: its findings carry the code policy/<id>.' }),
  severity: z.enum(POLICY_SEVERITIES).meta({ description: 'How its findings are reported: error, warning, info or hint.' }),
  message: z.string().min(1).meta({ description: 'What each finding says: why the team wants this.' }),
  forbid: forbidSchema.optional().meta({ description: 'Dependencies from one kind of element to another that must not exist.' }),
  require: requireSchema.optional().meta({ description: 'Fields every element of a kind must set.' }),
});

export type Selector = Record<string, string | number | boolean | (string | number | boolean)[]>;
export type Policy = z.infer<typeof policySchema>;

export const policiesSchema = z.array(policySchema);

export const extendsSchema = z.union([z.string(), z.array(z.string())]);

/** The prefix of a policy's findings' code. */
export const POLICY_PREFIX = 'policy/';
