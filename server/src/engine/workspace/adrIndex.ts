import type { AdrDocument, AdrIndex, AdrReference, AdrRelation } from '../parse/adr';
import { resolveRelative } from '../text/uri';

/** `ADR-7`, `ADR 0007`, `adr7`, `7`, `#7`, and prefixed ids of collections that use them (`API-012`). */
const ID = /^(?:(adr|[a-z]{2,6})[-_ ]?#?\s*)?#?0*(\d{1,6})$/i;

/**
 * The workspace's ADRs, for resolving references by number (`ADR-7`,
 * `ADR-0007`, `7`), prefixed id (`API-12`), relative path (with or without
 * `.md`) or log4brains slug (`20201016-use-the-slug`). Numbers are looked up
 * in the referring document's collection first, then anywhere.
 */
export function createAdrIndex(documents: readonly AdrDocument[]): AdrIndex {
  const byUri = new Map<string, AdrDocument>();
  const byId = new Map<string, AdrDocument[]>();
  const byStem = new Map<string, AdrDocument[]>();
  const collections = new Map<string, AdrDocument[]>();
  // Rules ask for a document's collection many times per analysis; collectionOf() splits the URI each time.
  const collectionKeys = new Map<string, string>();
  const keyOf = (uri: string) => collectionKeys.get(uri) ?? collectionOf(uri);
  for (const document of documents) {
    byUri.set(document.uri, document);
    if (document.number !== undefined) push(byId, idKey(document.prefix, document.number), document);
    push(byStem, document.stem.toLowerCase(), document);
    const key = collectionOf(document.uri);
    collectionKeys.set(document.uri, key);
    push(collections, key, document);
  }
  for (const list of collections.values()) list.sort((a, b) => a.uri.localeCompare(b.uri));
  let incoming: Map<string, { from: AdrDocument; reference: AdrReference }[]> | undefined;
  let incomingRelations: Map<string, { from: AdrDocument; relation: AdrRelation }[]> | undefined;
  const omitsStatus = new Map<string, boolean>();
  let numbers: Map<string, AdrDocument[]> | undefined;

  const pick = (candidates: readonly AdrDocument[] | undefined, fromUri?: string) => {
    if (!candidates || candidates.length === 0) return undefined;
    if (fromUri) {
      const home = keyOf(fromUri);
      const near = candidates.find((c) => keyOf(c.uri) === home);
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
        return pick(byId.get(idKey(prefix, Number(id[2]))), fromUri);
      }
      if (fromUri && text !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(text)) {
        const path = text.split('#')[0];
        if (path !== '') {
          const uri = resolveRelative(fromUri, path);
          const found = byUri.get(uri) ?? (/\.(md|markdown)$/i.test(path) ? undefined : (byUri.get(uri + '.md') ?? byUri.get(uri.replace(/\/$/, '') + '/README.md')));
          if (found) return found;
        }
      }
      return pick(byStem.get(text.replace(/\.(md|markdown)$/i, '').toLowerCase()), fromUri);
    },
    collection: (uri) => collections.get(keyOf(uri)) ?? [],
    collectionOf,
    collectionOmitsStatus(uri) {
      // A folder of one or two ADRs shows no convention: judge by all ADRs then.
      const collection = collections.get(keyOf(uri)) ?? [];
      const key = collection.length >= 3 ? keyOf(uri) : '';
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
      const list = collections.get(collectionUri.replace(/\/+$/, '')) ?? [];
      return list.reduce((max, d) => Math.max(max, d.number ?? 0), 0) + 1;
    },
    referencesTo(adr) {
      if (!incoming) {
        incoming = new Map();
        for (const from of documents) {
          for (const reference of from.references) {
            const target = index.resolve(reference.target, from.uri);
            if (target && target !== from) push(incoming, target.uri, { from, reference });
          }
        }
      }
      return incoming.get(adr.uri) ?? [];
    },
    relationsTo(adr) {
      if (!incomingRelations) {
        incomingRelations = new Map();
        for (const from of documents) {
          for (const relation of from.relations) {
            const target = index.resolve(relation.target, from.uri);
            if (target && target !== from) push(incomingRelations, target.uri, { from, relation });
          }
        }
      }
      return incomingRelations.get(adr.uri) ?? [];
    },
    get: (uri) => byUri.get(uri),
    numbered(uri, number, prefix) {
      if (!numbers) {
        numbers = new Map();
        for (const [collection, list] of collections) for (const d of list) if (d.number !== undefined) push(numbers, `${collection}|${idKey(d.prefix, d.number)}`, d);
      }
      return numbers.get(`${keyOf(uri)}|${idKey(prefix, number)}`) ?? [];
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

function idKey(prefix: string | undefined, number: number): string {
  return `${prefix ?? 'ADR'}-${number}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
