import { isMap, type Node } from 'yaml';
import { catalogIndex } from '../../catalog';
import { referenceNodes, type CatalogEntity } from '../../catalog/entities';
import { parseEntityRef } from '../../catalog/entityRef';
import { kindNames, kindSpec, KINDS, type ReferenceField } from '../../catalog/kinds';
import type { Fix } from '../../model/findings';
import type { CatalogDocument } from '../../parse/catalog';
import { child, scalarText } from '../../parse/yamlDocuments';
import { closestMatch } from '../../text/strings';
import type { Span } from '../../text/types';
import { defineRule } from '../types';

/** `relations[].targetRef` is always a full reference (`kind:namespace/name`): any kind. */
const ANY_KIND: ReferenceField = { kinds: Object.keys(KINDS) };

export const rule = defineRule<CatalogDocument>({
  meta: {
    id: 'catalog-reference',
    category: 'catalog',
    severity: 'error',
    summary: 'Every relation of a Backstage entity (`owner`, `system`, `dependsOn`, `providesApis`, `consumesApis`, `partOf`…) names an entity of the workspace.',
    reference: 'Part III §3, Component Relationships; Part XIII §3, Ownership Model',
    appliesTo: 'catalog',
    fixable: true,
  },
  check({ document, workspace, report }) {
    const index = catalogIndex(workspace.documents('catalog'));
    for (const entity of document.entities) {
      const spec = kindSpec(entity.kind);
      if (!spec || entity.name === undefined) continue;
      const element = `${entity.kind}:${entity.namespace}/${entity.name}`;
      const check = (field: string, value: string, node: Node, reference: ReferenceField) => {
        const span: Span = node.range ? [node.range[0], node.range[1]] : entity.nameSpan;
        const at = { uri: document.uri, lines: document.lines, span };
        const ref = parseEntityRef(value, reference.defaultKind, entity.namespace);
        if (!ref) {
          report({ at, message: `'${value}' is not an entity reference: write \`name\`, \`kind:name\` or \`kind:namespace/name\`.`, element: `${element}.${field}` });
          return;
        }
        if (ref.kind !== undefined && !reference.kinds.includes(ref.kind)) {
          report({ at, message: `\`${field}\` names ${KINDS[ref.kind]?.name ?? `a '${ref.kind}'`} '${ref.name}'; it takes a ${kindNames(reference.kinds)}.`, element: `${element}.${field}` });
          return;
        }
        if (index.resolve(ref, reference.kinds)) return;
        const candidates = index.candidates(ref.kind ? [ref.kind] : reference.kinds, reference.defaultKind, entity.namespace).map((c) => c.reference);
        const guess = closestMatch(value, candidates);
        const fixes: Fix[] | undefined = guess ? [{ title: `Change to '${guess}'`, edits: [{ uri: document.uri, range: document.lines.range(span), newText: guess }], isPreferred: true }] : undefined;
        const what = kindNames(ref.kind ? [ref.kind] : reference.kinds);
        report({ at, message: `'${value}' names no ${what} in the workspace's catalogs.${guess ? ` Did you mean '${guess}'?` : ''}`, fixes, element: `${element}.${field}.${value}` });
      };
      for (const [field, fieldSpec] of Object.entries(spec.fields)) {
        if (!fieldSpec.reference || !entity.spec) continue;
        for (const { value, node } of referenceNodes(entity.spec, field)) check(field, value, node, fieldSpec.reference);
      }
      for (const relation of relations(entity)) check(`relations.${relation.type}`, relation.value, relation.node, ANY_KIND);
    }
  },
});

/** `relations: [{ type: partOf, targetRef: system:default/shop }]`, as the catalog writes them back. */
function relations(entity: CatalogEntity): { type: string; value: string; node: Node }[] {
  const list = child(entity.map, 'relations');
  if (!list || !('items' in list) || isMap(list)) return [];
  return ((list as { items: unknown[] }).items ?? []).flatMap((item) => {
    if (!isMap(item)) return [];
    const node = child(item, 'targetRef');
    const value = scalarText(node);
    return value === undefined || !node ? [] : [{ type: scalarText(child(item, 'type')) ?? 'relation', value, node }];
  });
}
