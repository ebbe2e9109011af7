import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { VIA } from '../../model/manifest';
import { fieldPaths, forbidSchema, POLICY_ELEMENTS, POLICY_SECTIONS, POLICY_SEVERITIES, policySchema, requireSchema, selectableFields, selectorSchema, type Selector } from '../../model/policies';
import type { ConfigDocument } from '../../parse/config';
import { elementsOf, type PolicyFileDocument } from '../../parse/policies';
import type { PathSegment } from '../../parse/yamlAst';
import { fieldValue } from '../../workspace/selectors';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { contextAt, type CursorContext } from '../manifest/context';
import type { Completion, Hover } from '../types';

/**
 * Completion and hover inside `policies:` (of `.archframe.yaml` and of the files it extends): the keys of a
 * policy, of forbid and require, the fields a selector may name (from the manifest schema) and their values (the
 * schema's enumerations, the names and values the workspace's manifests use), the fields require may ask for.
 */

type PolicyDocument = ConfigDocument | PolicyFileDocument;

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
const describe = (schema: z.ZodType | undefined): string | undefined => (schema as { description?: string } | undefined)?.description;

/** Where in a policy a path is: the policy's index, then what lies below it. */
function policyPath(path: readonly PathSegment[]): { rest: PathSegment[] } | undefined {
  if (path[0] !== 'policies' || (path.length > 1 && typeof path[1] !== 'number')) return undefined;
  return { rest: path.slice(2) as PathSegment[] };
}

const SELECTOR_KEYS: Record<string, string> = { from: 'forbid', to: 'forbid', of: 'require' };

/** The selector a path is inside: [forbid, from], [forbid, to] or [require, of]. */
function selectorAt(rest: readonly PathSegment[]): boolean {
  return rest.length >= 2 && SELECTOR_KEYS[String(rest[1])] === rest[0];
}

function cursor(document: PolicyDocument, offset: number): CursorContext | undefined {
  return contextAt({ text: document.text, lines: document.lines, yaml: parseDocument(document.text, { uniqueKeys: false }) }, offset);
}

/** The policy (as written so far) that holds the cursor, for what its selectors already say. */
function policyValue(document: PolicyDocument, index: number): Record<string, unknown> | undefined {
  let value: { policies?: unknown[] } | null;
  try {
    value = parseDocument(document.text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 }) as { policies?: unknown[] } | null;
  } catch {
    // An unresolved alias or an alias bomb: the file's diagnostics say so; completion goes without the policy's values.
    return undefined;
  }
  const policy = value?.policies?.[index];
  return policy && typeof policy === 'object' ? (policy as Record<string, unknown>) : undefined;
}

function keyCompletions(shape: Record<string, z.ZodType>, present: Iterable<string>, context: CursorContext, detail?: (key: string) => string | undefined): Completion[] {
  const taken = new Set(present);
  return Object.entries(shape)
    .filter(([key]) => !taken.has(key))
    .map(([key, schema]) => ({ label: key, kind: 'property' as const, detail: detail?.(key), documentation: describe(schema), insertText: `${key}: `, replace: context.replace }));
}

function values(list: readonly string[], context: CursorContext, detail?: string): Completion[] {
  return list.map((value) => ({ label: value, kind: 'enum' as const, detail, replace: context.replace }));
}

/** The values the workspace's manifests give a field, for string fields the schema does not enumerate. */
function workspaceValues(workspace: WorkspaceSnapshot, field: string): string[] {
  const found = new Set<string>();
  for (const element of workspace.manifests.allElements()) {
    const value = fieldValue(element, field);
    if (value !== undefined && value !== null && typeof value !== 'object') found.add(String(value));
  }
  return [...found].sort();
}

/** Completions inside `policies:`; undefined when the cursor is elsewhere. */
export function policyCompletions(workspace: WorkspaceSnapshot, document: PolicyDocument, offset: number): Completion[] | undefined {
  const context = cursor(document, offset);
  const where = context && policyPath(context.path);
  if (!context || !where) return undefined;
  const { rest } = where;
  const index = context.path[1] as number | undefined;
  const written = index === undefined ? undefined : policyValue(document, index);
  const mapAt = (path: readonly PathSegment[]): Record<string, unknown> => {
    let value: unknown = written;
    for (const segment of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment as string] : undefined;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  };
  const present = (path: readonly PathSegment[]) => Object.keys(mapAt(path));
  if (context.kind === 'key') {
    if (rest.length === 0) {
      const keys = keyCompletions(shapeOf(policySchema), present([]), context);
      // One of forbid and require: once one is there, the other is not offered.
      const chosen = present([]).some((key) => key === 'forbid' || key === 'require');
      return chosen ? keys.filter((c) => c.label !== 'forbid' && c.label !== 'require') : keys;
    }
    if (rest.length === 1 && rest[0] === 'forbid') return keyCompletions(shapeOf(forbidSchema), present(rest), context);
    if (rest.length === 1 && rest[0] === 'require') return keyCompletions(shapeOf(requireSchema), present(rest), context);
    if (rest.length === 2 && selectorAt(rest)) {
      const fields = selectableFields();
      return keyCompletions(shapeOf(selectorSchema), present(rest), context, (key) => {
        const field = fields.get(key);
        return field ? `${field.type === 'enum' ? field.values!.join(' | ') : field.type} · ${field.elements.join(', ')}` : undefined;
      });
    }
    return [];
  }
  if (rest.length === 1 && rest[0] === 'severity') return values(POLICY_SEVERITIES, context);
  if (rest[0] === 'forbid' && rest[1] === 'via') return values(VIA, context, 'how the dependency travels');
  if (rest[0] === 'require' && rest[1] === 'fields') {
    return fieldPaths(elementsOf(mapAt(['require', 'of']) as Selector)).map((path) => ({ label: path, kind: 'property' as const, replace: context.replace }));
  }
  if (rest.length >= 3 && selectorAt(rest)) {
    const field = String(rest[2]);
    const selector = mapAt(rest.slice(0, 2)) as Selector;
    if (field === 'element') return values(POLICY_ELEMENTS, context);
    if (field === 'name') {
      const sections = elementsOf({ element: selector.element ?? [...POLICY_ELEMENTS] } as Selector).map((element) => POLICY_SECTIONS[element]);
      return sections.flatMap((section) => [...workspace.manifests[section].keys()].map((name) => ({ label: name, kind: 'reference' as const, detail: section.slice(0, -1), replace: context.replace })));
    }
    const known = selectableFields().get(field);
    if (!known) return [];
    if (known.type === 'enum') return values(known.values!, context);
    if (known.type === 'boolean') return values(['true', 'false'], context);
    return values(workspaceValues(workspace, field), context, 'used in the manifests');
  }
  return [];
}

/** Hover on a key of a policy: what it means; on a selector field: its type, values and the elements that have it. */
export function policyHover(workspace: WorkspaceSnapshot, document: PolicyDocument, offset: number): Hover | undefined {
  const context = cursor(document, offset);
  const where = context && policyPath(context.path);
  if (!context || !where || context.kind !== 'key' || !context.node) return undefined;
  const key = String(context.node.value);
  const span = context.replace;
  const { rest } = where;
  if (rest.length === 2 && selectorAt(rest)) {
    const field = selectableFields().get(key);
    const text = describe(shapeOf(selectorSchema)[key]);
    if (!text) return undefined;
    const typed = field ? `\n\n${field.type === 'enum' ? `One of ${field.values!.map((v) => `\`${v}\``).join(', ')}` : `A ${field.type}`} (or a list: any of them); on ${field.elements.map((e) => `${e}s`).join(', ')}.` : '';
    return { markdown: `**${key}** (selector): ${text}${typed}`, span };
  }
  const shape = rest.length === 0 ? shapeOf(policySchema) : rest.length === 1 && rest[0] === 'forbid' ? shapeOf(forbidSchema) : rest.length === 1 && rest[0] === 'require' ? shapeOf(requireSchema) : undefined;
  const text = describe(shape?.[key]);
  if (!text) return undefined;
  if (key === 'id' && rest.length === 0) {
    const index = context.path[1] as number;
    const declared = workspace.policies(document.uri).policies.find((p) => p.uri === document.uri && policyValue(document, index)?.id === p.policy.id);
    if (declared) return { markdown: `**id**: ${text}\n\nThis policy reports as \`${declared.ruleId}\`: ${declared.policy.message}`, span };
  }
  return { markdown: `**${key}**: ${text}`, span };
}
