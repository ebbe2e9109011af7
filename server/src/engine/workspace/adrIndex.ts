import type { AdrDocument, AdrIndex, AdrReference, AdrRelation } from '../parse/adr';
import { resolveRelative } from '../text/uri';

/** `ADR-7`, `ADR 0007`, `adr7`, `7`, `#7`, and prefixed ids of collections that use them (`API-012`). */
const ID = /^(?:(adr|[a-z]{2,6})[-_ ]?#?\s*)?#?0*(\d{1,6})$/i;

/** The order of a collection's ADRs: by URI. */
const byFile = (a: AdrDocument, b: AdrDocument) => a.uri.localeCompare(b.uri);

/**
 * Each document's collection key, found once per document: rules ask for it
 * many times per analysis, and documents outlive snapshots (an edit makes a
 * new index, not new documents). A collection's ADRs share one key string.
 */
const collectionKeys = new WeakMap<AdrDocument, string>();
/** One string per collection key (a string is its own key here: nothing in it can go stale). */
const sharedKeys = new Map<string, string>();

function collectionKeyOf(document: AdrDocument): string {
  let key = collectionKeys.get(document);
  if (key === undefined) {
    const computed = collectionOf(document.uri);
    key = sharedKeys.get(computed);
    if (key === undefined) {
      if (sharedKeys.size >= 1000) sharedKeys.clear();
      sharedKeys.set(computed, (key = computed));
    }
    collectionKeys.set(document, key);
  }
  return key;
}

/**
 * A map from keys to one value or several. Most keys hold one ADR: no list is
 * made for them (the index is made again for every snapshot, after every edit
 * of an ADR, so what it keeps is allocated again each time).
 */
class MultiMap<K, V extends object> {
  private readonly map = new Map<K, V | V[]>();

  add(key: K, value: V): void {
    const found = this.map.get(key);
    if (found === undefined) this.map.set(key, value);
    else if (Array.isArray(found)) found.push(value);
    else this.map.set(key, [found, value]);
  }

  get(key: K): readonly V[] {
    const found = this.map.get(key);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  }

  /** The values of a key, in a list of the caller's own. */
  list(key: K): V[] {
    const found = this.map.get(key);
    return found === undefined ? [] : Array.isArray(found) ? found.slice() : [found];
  }
}

/**
 * The workspace's ADRs, for resolving references by number (`ADR-7`,
 * `ADR-0007`, `7`), prefixed id (`API-12`), relative path (with or without
 * `.md`) or log4brains slug (`20201016-use-the-slug`). Numbers are looked up
 * in the referring document's collection first, then anywhere.
 *
 * A new index is made for every snapshot: each table is built on its first use,
 * and holds no key it does not need (numbers are keys as they are; a stem
 * already in lower case is the document's own string).
 */
export function createAdrIndex(documents: readonly AdrDocument[]): AdrIndex {
  let byUri: Map<string, AdrDocument> | undefined;
  let byId: MultiMap<number | string, AdrDocument> | undefined;
  let byStem: MultiMap<string, AdrDocument> | undefined;
  let collections: Map<string, AdrDocument[]> | undefined;
  let incoming: MultiMap<string, { from: AdrDocument; reference: AdrReference }> | undefined;
  let incomingRelations: MultiMap<string, { from: AdrDocument; relation: AdrRelation }> | undefined;
  const omitsStatus = new Map<string, boolean>();

  const uris = () => (byUri ??= new Map(documents.map((d) => [d.uri, d])));
  const keyOf = (uri: string) => {
    const document = uris().get(uri);
    return document ? collectionKeyOf(document) : collectionOf(uri);
  };
  const ids = () => {
    if (!byId) {
      byId = new MultiMap();
      for (const document of documents) if (document.number !== undefined) byId.add(idKey(document.prefix, document.number), document);
    }
    return byId;
  };
  const stems = () => {
    if (!byStem) {
      byStem = new MultiMap();
      for (const document of documents) {
        const lower = document.stem.toLowerCase();
        byStem.add(lower === document.stem ? document.stem : lower, document);
      }
    }
    return byStem;
  };
  const folders = () => {
    if (!collections) {
      collections = new Map();
      for (const document of documents) {
        const key = collectionKeyOf(document);
        const list = collections.get(key);
        if (list) list.push(document);
        else collections.set(key, [document]);
      }
      for (const list of collections.values()) list.sort(byFile);
    }
    return collections;
  };

  const pick = (candidates: readonly AdrDocument[], fromUri?: string) => {
    if (candidates.length === 0) return undefined;
    if (fromUri && candidates.length > 1) {
      const home = keyOf(fromUri);
      const near = candidates.find((c) => collectionKeyOf(c) === home);
      if (near) return near;
    }
    return candidates[0];
  };

  const index: AdrIndex = {
    all: () => documents,
    resolve(reference, fromUri) {
      const text = String(reference).trim();
      const id = ID.exec(text);
      if (id) {
        const prefix = id[1] && !/^adr$/i.test(id[1]) ? id[1].toUpperCase() : undefined;
        return pick(ids().get(idKey(prefix, Number(id[2]))), fromUri);
      }
      if (fromUri && text !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(text)) {
        const path = text.split('#')[0];
        if (path !== '') {
          const uri = resolveRelative(fromUri, path);
          const map = uris();
          const found = map.get(uri) ?? (/\.(md|markdown)$/i.test(path) ? undefined : (map.get(uri + '.md') ?? map.get(uri.replace(/\/$/, '') + '/README.md')));
          if (found) return found;
        }
      }
      return pick(stems().get(text.replace(/\.(md|markdown)$/i, '').toLowerCase()), fromUri);
    },
    collection: (uri) => folders().get(keyOf(uri)) ?? [],
    collectionOf,
    collectionOmitsStatus(uri) {
      // A folder of one or two ADRs shows no convention: judge by all ADRs then.
      const home = keyOf(uri);
      const collection = folders().get(home) ?? [];
      const key = collection.length >= 3 ? home : '';
      let omitted = omitsStatus.get(key);
      if (omitted === undefined) {
        const list = collection.length >= 3 ? collection : documents;
        const without = list.filter((d) => d.status === undefined && d.statusEmptySpan === undefined).length;
        omitted = list.length > 1 && without * 2 > list.length;
        omitsStatus.set(key, omitted);
      }
      return omitted;
    },
    nextNumber(collectionUri) {
      const list = folders().get(collectionUri.replace(/\/+$/, '')) ?? [];
      return list.reduce((max, d) => Math.max(max, d.number ?? 0), 0) + 1;
    },
    referencesTo(adr) {
      if (!incoming) {
        incoming = new MultiMap();
        for (const from of documents) {
          for (const reference of from.references) {
            const target = index.resolve(reference.target, from.uri);
            if (target && target !== from) incoming.add(target.uri, { from, reference });
          }
        }
      }
      return incoming.list(adr.uri);
    },
    relationsTo(adr) {
      if (!incomingRelations) {
        incomingRelations = new MultiMap();
        for (const from of documents) {
          for (const relation of from.relations) {
            const target = index.resolve(relation.target, from.uri);
            if (target && target !== from) incomingRelations.add(target.uri, { from, relation });
          }
        }
      }
      return incomingRelations.list(adr.uri);
    },
    get: (uri) => uris().get(uri),
    numbered(uri, number, prefix) {
      // The ADRs with this id, those of the document's collection, in the collection's order.
      const home = keyOf(uri);
      const same = ids()
        .get(idKey(prefix, number))
        .filter((d) => collectionKeyOf(d) === home);
      return same.length > 1 ? same.sort(byFile) : same;
    },
  };
  return index;
}

/** An ADR's collection: its folder, or for `dated-folder/README.md` the folder above. */
export function collectionOf(uri: string): string {
  const parts = uri.split('/');
  parts.pop();
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  if (/^(readme|index)\.(md|markdown)$/i.test(name) && /^(?:\d{4}-?\d\d-?\d\d|(?:adr[-_]?)?\d{1,6})[-_]/i.test(parts[parts.length - 1] ?? '')) parts.pop();
  return parts.join('/');
}

/** The key of an id: its number for ADR ids (most of them), `API-12` for other prefixes. */
function idKey(prefix: string | undefined, number: number): number | string {
  return prefix === undefined || prefix === 'ADR' ? number : `${prefix}-${number}`;
}
