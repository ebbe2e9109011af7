import { dependencyAt, dependencyElement, setDependencyKeys } from '../../graph/dependencies';
import type { DependencyEdge } from '../../model/manifestModel';
import type { ManifestDocument } from '../../parse/manifest';
import { formatList } from '../../text/strings';
import { at } from '../kit';
import { defineRule } from '../types';

/** Does the dependency write the datastore? `access` defaults to read-write for datastores. */
export function writes(edge: DependencyEdge): boolean {
  return edge.spec.access !== 'read';
}

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'shared-datastore',
    category: 'axiom-2',
    severity: 'error',
    summary: 'At most one component writes a datastore: its owner. Others ask the owner, or only read.',
    reference: 'Part II, Axiom 2; Part III §3, Component Relationships',
    appliesTo: 'manifest',
    knowledge: ['shared-datastore', 'state-ownership', 'axiom-2'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const datastore of model.datastores.values()) {
      // One writing edge per component: the first.
      const writers = new Map<string, DependencyEdge>();
      for (const edge of model.dependentsOf(datastore.name)) {
        if (edge.target === datastore && writes(edge) && !writers.has(edge.source.name)) writers.set(edge.source.name, edge);
      }
      if (writers.size < 2) continue;
      const owner = datastore.value?.owner;
      for (const edge of writers.values()) {
        if (edge.source.manifest !== document || edge.source.name === owner) continue;
        const others = [...writers.values()].filter((other) => other !== edge);
        const access = edge.spec.access ? `access: ${edge.spec.access}` : 'access read-write by default';
        report({
          at: edge.spec.access ? dependencyAt(edge, ['access']) : dependencyAt(edge),
          message: `'${edge.source.name}' writes '${datastore.name}' (${access}), and so ${others.length === 1 ? 'does' : 'do'} ${formatList(others.map((o) => o.source.name))}: shared mutable state couples them through the schema and races their writes. ${owner ? `Let the owner '${owner}' be the only writer` : `Give '${datastore.name}' one owner that alone writes it`}; the others call it or only read.`,
          related: [
            ...others.map((other) => ({ at: dependencyAt(other), message: `'${other.source.name}' writes '${datastore.name}' too` })),
            { at: at(datastore), message: owner ? `owned by '${owner}'` : 'no owner declared' },
          ],
          fixes: [{ title: `Make '${edge.source.name}' only read '${datastore.name}' (access: read)`, edits: setDependencyKeys(edge, [[['access'], 'read']]) }],
          element: dependencyElement(edge),
        });
      }
    }
  },
});
