import { nameList } from '../../graph/dependencies';
import { setPath } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, isWritten, ownElements } from '../kit';
import { defineRule } from '../types';
import { writes } from '../../workspace/manifestModel';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'state-owner',
    category: 'axiom-2',
    severity: 'error',
    summary: 'Every datastore names its owner, a component that depends on it.',
    reference: 'Part II, Axiom 2; Part III §2, Component Properties',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['state-ownership', 'axiom-2'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const owner = datastore.value!.owner;
      const dependents = model.dependentsOf(datastore.name).filter((edge) => edge.target === datastore);
      const users = [...new Set(dependents.map((edge) => edge.source.name))];
      if (owner === undefined) {
        if (isWritten(datastore, ['owner'])) continue;
        const writers = [...new Set(dependents.filter(writes).map((edge) => edge.source.name))];
        const obvious = users.length === 1 ? users[0] : writers.length === 1 ? writers[0] : undefined;
        const map = elementMap(datastore);
        const why = users.length === 1 ? 'the only component that uses it' : 'the only component that writes it';
        report({
          at: at(datastore),
          message: `Datastore '${datastore.name}' has no owner: nobody is answerable for its schema, its migrations and its consistency.${obvious ? ` '${obvious}' is ${why}.` : users.length > 0 ? ` It is used by ${nameList(users)}.` : ''}`,
          fixes: obvious && map ? [{ title: `Set owner: ${obvious}`, edits: [setPath(document, map, ['owner'], obvious)], isPreferred: true }] : undefined,
          element: `datastores.${datastore.name}.owner`,
        });
        continue;
      }
      const component = model.components.get(owner);
      // An owner that names nothing is unknown-reference's; one that cannot be read (no kind, an invalid dependsOn)
      // has its own findings, and what it depends on is not known.
      if (!component || users.includes(owner) || component.value === undefined || (component.value.dependsOn === undefined && isWritten(component, ['dependsOn']))) continue;
      report({
        at: at(datastore, ['owner'], 'value'),
        message: `'${owner}' owns '${datastore.name}' but does not depend on it: an owner that neither reads nor writes its state cannot guard it. Add '${datastore.name}' to the dependsOn of '${owner}', or name the component that really holds it.`,
        related: [{ at: at(component), message: `'${owner}' has no dependency on '${datastore.name}'` }, ...dependents.slice(0, 5).map((edge) => ({ at: at(edge.source), message: `'${edge.source.name}' uses '${datastore.name}'` }))],
        element: `datastores.${datastore.name}.owner`,
      });
    }
  },
});
