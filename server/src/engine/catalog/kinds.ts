/**
 * The Backstage entity kinds and their spec fields, as Backstage's descriptor format documents them
 * (https://backstage.io/docs/features/software-catalog/descriptor-format): what `catalog-schema` checks fields
 * against, and which fields `catalog-reference` and completion treat as entity references.
 */

export interface ReferenceField {
  /** Kinds the reference may name, lower case. */
  kinds: readonly string[];
  /** The kind assumed when the reference names none. */
  defaultKind?: string;
}

export interface FieldSpec {
  shape: 'string' | 'list' | 'any';
  reference?: ReferenceField;
}

export interface KindSpec {
  /** As Backstage writes it. */
  name: string;
  fields: Readonly<Record<string, FieldSpec>>;
  required: readonly string[];
}

const text: FieldSpec = { shape: 'string' };
const any: FieldSpec = { shape: 'any' };
const ref = (kinds: string[], defaultKind: string | undefined = kinds[0]): FieldSpec => ({ shape: 'string', reference: { kinds, defaultKind } });
const refs = (kinds: string[], defaultKind: string | undefined = kinds[0]): FieldSpec => ({ shape: 'list', reference: { kinds, defaultKind } });
const owner = ref(['group', 'user'], 'group');

export const KINDS: Readonly<Record<string, KindSpec>> = {
  component: {
    name: 'Component',
    fields: {
      type: text,
      lifecycle: text,
      owner,
      system: ref(['system']),
      subcomponentOf: ref(['component']),
      providesApis: refs(['api']),
      consumesApis: refs(['api']),
      dependsOn: refs(['component', 'resource'], 'component'),
      dependencyOf: refs(['component', 'resource'], 'component'),
    },
    required: ['type', 'lifecycle', 'owner'],
  },
  api: {
    name: 'API',
    fields: { type: text, lifecycle: text, owner, system: ref(['system']), definition: any },
    required: ['type', 'lifecycle', 'owner', 'definition'],
  },
  resource: {
    name: 'Resource',
    fields: { type: text, owner, system: ref(['system']), dependsOn: refs(['component', 'resource'], 'resource'), dependencyOf: refs(['component', 'resource'], 'component') },
    required: ['type', 'owner'],
  },
  system: { name: 'System', fields: { owner, domain: ref(['domain']), type: text }, required: ['owner'] },
  domain: { name: 'Domain', fields: { owner, subdomainOf: ref(['domain']), type: text }, required: ['owner'] },
  group: {
    name: 'Group',
    fields: { type: text, profile: any, parent: ref(['group']), children: refs(['group']), members: refs(['user']) },
    required: ['type', 'children'],
  },
  user: { name: 'User', fields: { profile: any, memberOf: refs(['group']) }, required: ['memberOf'] },
  location: { name: 'Location', fields: { type: text, target: text, targets: { shape: 'list' }, presence: text }, required: [] },
  template: {
    name: 'Template',
    fields: { type: text, owner, lifecycle: text, title: text, parameters: any, steps: any, output: any, presentation: any, EXPERIMENTAL_recovery: any, EXPERIMENTAL_formDecorators: any },
    required: ['type', 'steps'],
  },
};

export const TOP_LEVEL_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'relations', 'status'] as const;
export const METADATA_KEYS = ['name', 'namespace', 'title', 'description', 'labels', 'annotations', 'tags', 'links', 'uid', 'etag'] as const;

/** Backstage's rule for `metadata.name`: 1–63 characters, letters and digits separated by single `-`, `_` or `.`. */
export const ENTITY_NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;

export function kindSpec(kind: string | undefined): KindSpec | undefined {
  return kind === undefined ? undefined : KINDS[kind.toLowerCase()];
}

/** `Group or User`, `Component or Resource`. */
export function kindNames(kinds: readonly string[]): string {
  return kinds.map((k) => KINDS[k]?.name ?? k).join(' or ');
}
