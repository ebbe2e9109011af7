import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ManifestDocument } from '../../parse/manifest';
import { scalarKey } from '../../parse/yamlAst';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { scalarSpan, scalarText } from './context';

/**
 * Every place a name is defined or used in the workspace's manifests, read
 * from the yaml ASTs: element names, `target`, `owner`, `layer`,
 * `deadLetter`, `layers`, ADR references. Built once per workspace snapshot.
 */

/** Components, datastores and channels share one namespace; teams have their own; layers are per manifest. */
export type Namespace = 'element' | 'team' | 'layer' | 'adr';

export interface Occurrence {
  name: string;
  namespace: Namespace;
  role: 'definition' | 'reference';
  /** The key the name is written under (`target`, `owner`, …), or the section for a definition. */
  field: string;
  uri: string;
  span: Span;
  manifest: ManifestDocument;
  /** For element references: the element whose field holds the name. */
  from?: { section: string; name: string };
  /** Identity across the workspace: same key, same thing. */
  key: string;
}

export interface NameIndex {
  readonly byKey: ReadonlyMap<string, readonly Occurrence[]>;
  /** A document's occurrences in source order. */
  readonly byUri: ReadonlyMap<string, readonly Occurrence[]>;
}

const cache = new WeakMap<WorkspaceSnapshot, NameIndex>();

export function nameIndex(workspace: WorkspaceSnapshot): NameIndex {
  let index = cache.get(workspace);
  if (!index) {
    index = build(workspace);
    cache.set(workspace, index);
  }
  return index;
}

function occurrenceKey(namespace: Namespace, name: string, scope = ''): string {
  return `${namespace}:${scope}:${name}`;
}

function build(workspace: WorkspaceSnapshot): NameIndex {
  const byKey = new Map<string, Occurrence[]>();
  const byUri = new Map<string, Occurrence[]>();
  for (const manifest of workspace.documents('manifest')) {
    if (!manifest.readable) continue;
    const list: Occurrence[] = [];
    collect(workspace, manifest, list);
    list.sort((a, b) => a.span[0] - b.span[0]);
    byUri.set(manifest.uri, list);
    for (const occurrence of list) {
      const same = byKey.get(occurrence.key);
      if (same) same.push(occurrence);
      else byKey.set(occurrence.key, [occurrence]);
    }
  }
  return { byKey, byUri };
}

function collect(workspace: WorkspaceSnapshot, manifest: ManifestDocument, out: Occurrence[]): void {
  const contents = manifest.yaml.contents as Node | null;
  if (!isMap(contents)) return;
  const add = (node: unknown, namespace: Namespace, role: Occurrence['role'], field: string, from?: Occurrence['from']): void => {
    const name = scalarText(node);
    if (name === undefined || !isScalar(node) || name.length === 0) return;
    let key: string;
    if (namespace === 'adr') {
      const adr = workspace.adrs.resolve(name, manifest.uri);
      key = adr ? occurrenceKey('adr', adr.uri) : occurrenceKey('adr', name.toLowerCase(), '?');
    } else {
      key = occurrenceKey(namespace, name, namespace === 'layer' ? manifest.uri : '');
    }
    out.push({ name, namespace, role, field, uri: manifest.uri, span: scalarSpan(node), manifest, from, key });
  };
  const items = (node: unknown): unknown[] => (isSeq(node) ? node.items : []);

  for (const pair of contents.items) {
    const section = scalarKey(pair);
    const value = pair.value as Node | null;
    if (section === 'layers') for (const item of items(value)) add(item, 'layer', 'definition', 'layers');
    else if (section === 'decisions') for (const item of items(value)) add(item, 'adr', 'reference', 'decisions');
    else if ((section === 'teams' || section === 'components' || section === 'datastores' || section === 'channels') && isMap(value)) {
      for (const elementPair of value.items) {
        add(elementPair.key, section === 'teams' ? 'team' : 'element', 'definition', section);
        const name = scalarKey(elementPair);
        const body = elementPair.value as Node | null;
        if (name !== undefined && isMap(body)) collectElement(section, name, body, add, items);
      }
    }
  }
}

function collectElement(
  section: string,
  name: string,
  body: YAMLMap,
  add: (node: unknown, namespace: Namespace, role: Occurrence['role'], field: string, from?: Occurrence['from']) => void,
  items: (node: unknown) => unknown[],
): void {
  const from = { section, name };
  for (const pair of body.items) {
    const field = scalarKey(pair);
    const value = pair.value;
    switch (field) {
      case 'owner':
        if (section === 'components') add(value, 'team', 'reference', field, from);
        else if (section === 'datastores') add(value, 'element', 'reference', field, from);
        break;
      case 'layer':
        if (section === 'components') add(value, 'layer', 'reference', field, from);
        break;
      case 'deadLetter':
        if (section === 'channels') add(value, 'element', 'reference', field, from);
        break;
      case 'decisions':
        for (const item of items(value)) add(item, 'adr', 'reference', field, from);
        break;
      case 'dependsOn':
        if (section !== 'components') break;
        for (const item of items(value)) {
          if (isMap(item)) {
            const target = item.items.find((p) => scalarKey(p) === 'target');
            if (target) add(target.value, 'element', 'reference', 'target', from);
          } else {
            add(item, 'element', 'reference', 'target', from);
          }
        }
        break;
    }
  }
}

/** The occurrence under the cursor in a document (binary search). */
export function occurrenceAt(index: NameIndex, uri: string, offset: number): Occurrence | undefined {
  const list = index.byUri.get(uri);
  if (!list) return undefined;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { span } = list[mid];
    if (offset < span[0]) high = mid - 1;
    else if (offset > span[1]) low = mid + 1;
    else return list[mid];
  }
  return undefined;
}
