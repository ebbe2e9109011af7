import { dependencyAt, dependencyElement, nameList, ownEdges, setDependencyKeys } from '../../graph/dependencies';
import { writes, type DependencyEdge } from '../../workspace/manifestModel';
import type { ManifestDocument } from '../../parse/manifest';
import { at } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'shared-datastore',
    category: 'axiom-2',
    severity: 'error',
    summary: 'At most one component writes a datastore: its owner. Others ask the owner, or only read.',
    reference: 'Part II, Axiom 2; Part III §3, Component Relationships',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['shared-datastore', 'state-ownership', 'axiom-2'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const edge of ownEdges(workspace, document)) {
      const datastore = edge.target;
      if (datastore?.section !== 'datastores' || !writes(edge)) continue;
      // One writing edge per component: the first. Gathered per edge, not shared between components: each
      // component's findings then follow from what it reads (the engine re-runs the rule per component).
      const writers = new Map<string, DependencyEdge>();
      for (const other of model.dependentsOf(datastore.name)) {
        if (other.target === datastore && writes(other) && !writers.has(other.source.name)) writers.set(other.source.name, other);
      }
      const owner = (datastore.value as { owner?: string } | undefined)?.owner;
      if (writers.size < 2 || writers.get(edge.source.name) !== edge || edge.source.name === owner) continue;
      const others = [...writers.values()].filter((other) => other !== edge);
      const names = nameList(others.map((other) => other.source.name));
      const access = edge.spec.access ? `access: ${edge.spec.access}` : 'access read-write by default';
      report({
        at: edge.spec.access ? dependencyAt(edge, ['access']) : dependencyAt(edge),
        message: `'${edge.source.name}' writes '${datastore.name}' (${access}), and so ${writers.size === 2 ? 'does' : 'do'} ${names}: shared mutable state couples them through the schema and races their writes. ${owner ? `Let the owner '${owner}' be the only writer` : `Give '${datastore.name}' one owner that alone writes it`}; the others call it or only read.`,
        related: [
          ...others.slice(0, 20).map((other) => ({ at: dependencyAt(other), message: `'${other.source.name}' writes '${datastore.name}' too` })),
          { at: at(datastore), message: owner ? `owned by '${owner}'` : 'no owner declared' },
        ],
        fixes: [{ title: `Make '${edge.source.name}' only read '${datastore.name}' (access: read)`, edits: setDependencyKeys(edge, [[['access'], 'read']]) }],
        element: dependencyElement(edge),
      });
    }
  },
});
