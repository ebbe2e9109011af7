import type { CatalogDocument } from '../parse/catalog';
import { entityKey, shortRef, type EntityRef } from './entityRef';
import type { CatalogEntity } from './entities';

export interface IndexedEntity {
  entity: CatalogEntity;
  document: CatalogDocument;
  kind: string;
}

/** Every entity of the workspace's catalog files, by key and by name. */
class CatalogIndex {
  private readonly byKey = new Map<string, IndexedEntity>();
  private readonly byName = new Map<string, IndexedEntity[]>();
  readonly all: IndexedEntity[] = [];

  constructor(documents: readonly CatalogDocument[]) {
    for (const document of documents) {
      for (const entity of document.entities) {
        if (entity.kind === undefined || entity.name === undefined) continue;
        const indexed = { entity, document, kind: entity.kind.toLowerCase() };
        const key = entityKey(indexed.kind, entity.namespace, entity.name);
        if (!this.byKey.has(key)) this.byKey.set(key, indexed);
        const name = entity.name.toLowerCase();
        this.byName.set(name, [...(this.byName.get(name) ?? []), indexed]);
        this.all.push(indexed);
      }
    }
  }

  /** The entity a reference names, among the kinds allowed (a reference without a kind: any of them). */
  resolve(ref: EntityRef, kinds: readonly string[]): IndexedEntity | undefined {
    if (ref.kind !== undefined) return this.byKey.get(entityKey(ref.kind, ref.namespace, ref.name));
    return (this.byName.get(ref.name.toLowerCase()) ?? []).find((e) => kinds.includes(e.kind) && e.entity.namespace.toLowerCase() === ref.namespace);
  }

  /** Entities of some kinds, each with the reference a field of `defaultKind` in `namespace` would write. */
  candidates(kinds: readonly string[], defaultKind: string | undefined, namespace: string): { reference: string; indexed: IndexedEntity }[] {
    return this.all
      .filter((e) => kinds.includes(e.kind))
      .map((indexed) => ({ reference: shortRef(indexed.entity.kind!, indexed.entity.namespace, indexed.entity.name!, defaultKind, namespace), indexed }));
  }
}

/** One index per snapshot: the documents array is the snapshot's own, so an edit makes a new one. */
const indexes = new WeakMap<readonly CatalogDocument[], CatalogIndex>();

export function catalogIndex(documents: readonly CatalogDocument[]): CatalogIndex {
  let index = indexes.get(documents);
  if (!index) indexes.set(documents, (index = new CatalogIndex(documents)));
  return index;
}

