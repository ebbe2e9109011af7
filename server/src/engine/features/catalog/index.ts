import { isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { catalogIndex } from '../../catalog';
import type { CatalogEntity } from '../../catalog/entities';
import { kindSpec, type ReferenceField } from '../../catalog/kinds';
import type { CatalogDocument } from '../../parse/catalog';
import { scalarKey } from '../../parse/yamlAst';
import type { Span } from '../../text/types';
import type { Completion, DocumentFeatures } from '../types';

/** Editor features of Backstage catalog files: completion of entity references in relation fields. */
export const catalogFeatures: DocumentFeatures<CatalogDocument> = {
  completions(workspace, document, offset) {
    const place = referenceAt(document, offset);
    if (!place) return [];
    const { entity, reference, replace } = place;
    const index = catalogIndex(workspace.documents('catalog'));
    return index.candidates(reference.kinds, reference.defaultKind, entity.namespace).flatMap(({ reference: text, indexed }) => {
      if (indexed.entity === entity) return [];
      const title = indexed.entity.metadata ? scalarValue(indexed.entity.metadata, 'title') : undefined;
      const description = indexed.entity.metadata ? scalarValue(indexed.entity.metadata, 'description') : undefined;
      const item: Completion = {
        label: text,
        kind: 'reference',
        detail: `${indexed.entity.kind}${title ? ` · ${title}` : ''}`,
        documentation: description,
        replace,
        sortText: `${indexed.kind === reference.defaultKind ? 0 : 1}${text}`,
      };
      return [item];
    });
  },
};

function scalarValue(map: YAMLMap, key: string): string | undefined {
  const pair = map.items.find((p) => scalarKey(p) === key);
  return isScalar(pair?.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
}

interface ReferencePlace {
  entity: CatalogEntity;
  field: string;
  reference: ReferenceField;
  /** What the completion replaces: the reference written so far (empty at a new value). */
  replace: Span;
}

/** Is the offset at the value of a reference field (or an item of a reference list) of an entity's spec? */
function referenceAt(document: CatalogDocument, offset: number): ReferencePlace | undefined {
  for (const entity of document.entities) {
    if (offset < entity.documentSpan[0] || offset > entity.documentSpan[1] || !entity.spec) continue;
    const spec = kindSpec(entity.kind);
    if (!spec) return undefined;
    for (const pair of entity.spec.items) {
      const field = scalarKey(pair);
      const reference = field === undefined ? undefined : spec.fields[field]?.reference;
      if (!reference || field === undefined) continue;
      const replace = valueSpanAt(document.text, pair, offset);
      if (replace) return { entity, field, reference, replace };
    }
  }
  return undefined;
}

/** The span of the scalar the offset is in (a value, or an item of a list), or an empty span where a value goes. */
function valueSpanAt(text: string, pair: Pair, offset: number): Span | undefined {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const inside = (node: Node | null | undefined) => !!node?.range && offset >= node.range[0] && offset <= node.range[1];
  const spanOf = (node: Node): Span => [node.range![0], node.range![1]];
  if (isScalar(value) && inside(value)) return spanOf(value);
  if (isSeq(value)) {
    for (const item of value.items as Node[]) if (isScalar(item) && inside(item)) return spanOf(item);
    // After `- ` on a new item line, or inside `[ ]`.
    const line = lineAround(text, offset);
    if (inside(value) && (line.before.trim() === '-' || value.flow)) return [offset, offset];
  }
  if ((value === null || (isScalar(value) && value.value === null)) && key?.range) {
    // `owner: |` — the cursor on the key's line, after the colon.
    const line = lineAround(text, offset);
    const keyEnd = key.range[1];
    const between = text.slice(keyEnd, offset).trim();
    if (offset > keyEnd && line.start <= keyEnd && (between === '' || between === ':')) return [offset, offset];
  }
  return undefined;
}

function lineAround(text: string, offset: number): { start: number; before: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return { start, before: text.slice(start, offset) };
}

