import { isMap, type Node, type YAMLMap } from 'yaml';
import type { Span } from '../text/types';
import { child, childMap, scalarText, spanOf, type YamlFile } from '../parse/yamlDocuments';

/** One Backstage entity: a YAML document whose `apiVersion` is `backstage.io/…` (or a sub-domain of it). */
export interface CatalogEntity {
  apiVersion: string;
  /** As written (`Component`); compare in lower case. */
  kind: string | undefined;
  name: string | undefined;
  namespace: string;
  map: YAMLMap;
  spec: YAMLMap | undefined;
  metadata: YAMLMap | undefined;
  /** The whole document, and where its name (else its kind, else its start) is written. */
  documentSpan: Span;
  nameSpan: Span;
  kindSpan: Span;
}

const BACKSTAGE_API_VERSION = /^([a-z0-9-]+\.)*backstage\.io\//i;

export function isBackstageApiVersion(apiVersion: string | undefined): boolean {
  return apiVersion !== undefined && BACKSTAGE_API_VERSION.test(apiVersion);
}

/** Cheap test on a file's text before parsing it: does any line start `apiVersion: …backstage.io/`? */
export function mentionsBackstage(text: string): boolean {
  // At the start of a line: a document's top-level key (an indented one is inside something else, a ConfigMap say).
  return text.includes('backstage.io/') && /^apiVersion[ \t]*:[ \t]*["']?([a-z0-9-]+\.)*backstage\.io\//im.test(text);
}

/** The entities of a parsed file; documents that are not Backstage entities are left out. */
export function catalogEntities(file: YamlFile): CatalogEntity[] {
  const entities: CatalogEntity[] = [];
  for (const document of file.documents) {
    const entity = document.map && entityOf(document.map, document.span);
    if (entity) entities.push(entity);
  }
  return entities;
}

function entityOf(map: YAMLMap, documentSpan: Span): CatalogEntity | undefined {
  const apiVersion = scalarText(child(map, 'apiVersion'));
  if (!isBackstageApiVersion(apiVersion)) return undefined;
  const metadata = childMap(map, 'metadata');
  const kindNode = child(map, 'kind');
  const nameNode = child(metadata, 'name');
  const kindSpan = spanOf(kindNode, [documentSpan[0], documentSpan[0]]);
  return {
    apiVersion: apiVersion!,
    kind: scalarText(kindNode),
    name: scalarText(nameNode),
    namespace: scalarText(child(metadata, 'namespace')) ?? 'default',
    map,
    spec: childMap(map, 'spec'),
    metadata,
    documentSpan,
    nameSpan: spanOf(nameNode, kindSpan),
    kindSpan,
  };
}

/** The entries of a spec field that holds references: one string, or a list of strings; each with its node. */
export function referenceNodes(spec: YAMLMap | undefined, field: string): { value: string; node: Node }[] {
  const node = child(spec, field);
  if (node === undefined) return [];
  const list = isMap(node) ? [] : 'items' in node ? ((node as { items: Node[] }).items ?? []) : [node];
  return list.flatMap((item) => {
    const value = scalarText(item);
    return value === undefined ? [] : [{ value, node: item }];
  });
}
