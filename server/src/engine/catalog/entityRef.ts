/**
 * Backstage entity references (https://backstage.io/docs/features/software-catalog/references): `name`,
 * `kind:name`, `namespace/name` or `kind:namespace/name`; kinds and namespaces compare case-insensitively, the
 * namespace defaults to `default` and the kind to the one the field expects.
 */
export interface EntityRef {
  kind: string | undefined;
  namespace: string;
  name: string;
}

export function parseEntityRef(reference: string, defaultKind?: string, defaultNamespace = 'default'): EntityRef | undefined {
  const trimmed = reference.trim();
  if (trimmed === '') return undefined;
  const colon = trimmed.indexOf(':');
  const kind = colon > 0 ? trimmed.slice(0, colon) : defaultKind;
  const rest = colon > 0 ? trimmed.slice(colon + 1) : trimmed;
  const slash = rest.indexOf('/');
  const namespace = slash > 0 ? rest.slice(0, slash) : defaultNamespace;
  const name = slash > 0 ? rest.slice(slash + 1) : rest;
  if (name === '' || name.includes('/') || name.includes(':')) return undefined;
  return { kind: kind?.toLowerCase(), namespace: namespace.toLowerCase(), name };
}

/** `component:default/orders`: how an entity is keyed (lower case, as Backstage compares). */
export function entityKey(kind: string, namespace: string, name: string): string {
  return `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
}

/** The short form a person would write: `orders`, `group:payments`, `api:billing/invoices`. */
export function shortRef(kind: string, namespace: string, name: string, defaultKind?: string, fromNamespace = 'default'): string {
  const prefix = defaultKind && kind.toLowerCase() === defaultKind.toLowerCase() ? '' : `${kind.toLowerCase()}:`;
  return `${prefix}${namespace.toLowerCase() === fromNamespace.toLowerCase() ? '' : `${namespace}/`}${name}`;
}
