import type { AdrDocument, AdrIndex, AdrReference, AdrSectionName, AdrShape } from '../parse/adr';
import { isTemplateName } from '../parse/adrPlaceholders';
import { resolveRelative } from '../text/uri';
import { compareText } from '../text/strings';

/** `ADR-7`, `ADR 0007`, `adr7`, `7`, `#7`, and prefixed ids of collections that use them (`API-012`). */
const ID = /^(?:(adr|[a-z]{2,6})[-_ ]?#?\s*)?#?0*(\d{1,6})$/i;

/** One string per collection key (a string is its own key here: nothing in it can go stale). */
const sharedKeys = new Map<string, string>();

const shapes = new WeakMap<AdrDocument, AdrShape>();
const sectionLists = new Map<string, readonly AdrSectionName[]>();

/** What conventions read of an ADR (see AdrShape). */
function shapeOf(document: AdrDocument): AdrShape {
  let shape = shapes.get(document);
  if (!shape) {
    const names = [...new Set(document.sections.map((s) => s.name))] as AdrSectionName[];
    // Most ADRs of a collection have the same sections: one list for each distinct one.
    const joined = names.join(',');
    let sections = sectionLists.get(joined);
    if (!sections) {
      if (sectionLists.size >= 1000) sectionLists.clear();
      sectionLists.set(joined, (sections = names));
    }
    const hasStatus = document.status !== undefined || document.statusEmptySpan !== undefined;
    const customStatus = document.statusKnown === false ? document.status : undefined;
    shapes.set(document, (shape = { format: document.format, formatSure: document.formatSure, sections, number: document.number, hasStatus, customStatus }));
  }
  return shape;
}

/**
 * An ADR's whole shape as one string, equal for equal shapes: everything the index's answers about other ADRs
 * depend on. Made only for the ADRs an edit touches (before and after), so it is not kept.
 */
export function shapeKey(document: AdrDocument): string {
  const shape = shapeOf(document);
  return JSON.stringify([
    document.uri,
    document.stem,
    shape.number ?? null,
    document.prefix ?? null,
    shape.format,
    shape.formatSure,
    document.template,
    shape.hasStatus,
    shape.customStatus ?? null,
    shape.sections,
    document.references.map((r) => r.target),
    document.relations.map((r) => [r.relation, r.target, r.stated, r.partial]),
  ]);
}

/** A reference (or relation) by the URI of the ADR that writes it and its place in that ADR's list. */
interface Incoming {
  uri: string;
  at: number;
}

/** A map from keys to one value or several. Most keys hold one ADR: no list is made for them. */
class MultiMap<K, V extends string | Incoming> {
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

}

/**
 * What the index knows of the workspace's ADRs, by URI: their ids, names, collections, and the references and
 * relations between them. It depends on the ADRs' shapes alone (see AdrShape), so that snapshots share one set of
 * tables until a shape changes: an edit that keeps every shape builds nothing again. Each table is built on first
 * use, from the documents of the snapshot that made the tables (any with the same shapes would do).
 */
export class AdrTables {
  private ids?: MultiMap<number | string, string>;
  private stems?: MultiMap<string, string>;
  private collections?: Map<string, string[]>;
  /** Per target URI: the referring ADR's URI and the reference's (or relation's) place in its list. */
  private incoming?: MultiMap<string, Incoming>;
  private incomingRelations?: MultiMap<string, Incoming>;
  private readonly keys = new Map<string, string>();
  readonly omitsStatus = new Map<string, boolean>();
  readonly shapeLists = new Map<string, readonly AdrShape[]>();

  constructor(private readonly documents: readonly AdrDocument[]) {}

  /** The collection key of a URI (computed once per URI: rules ask for it many times). */
  keyOf(uri: string): string {
    let key = this.keys.get(uri);
    if (key === undefined) {
      const computed = collectionOf(uri);
      key = sharedKeys.get(computed);
      if (key === undefined) {
        if (sharedKeys.size >= 1000) sharedKeys.clear();
        sharedKeys.set(computed, (key = computed));
      }
      this.keys.set(uri, key);
    }
    return key;
  }

  byId(key: number | string): readonly string[] {
    if (!this.ids) {
      this.ids = new MultiMap();
      for (const document of this.documents) if (document.number !== undefined) this.ids.add(idKey(document.prefix, document.number), document.uri);
    }
    return this.ids.get(key);
  }

  byStem(stem: string): readonly string[] {
    if (!this.stems) {
      this.stems = new MultiMap();
      for (const document of this.documents) {
        const lower = document.stem.toLowerCase();
        this.stems.add(lower === document.stem ? document.stem : lower, document.uri);
      }
    }
    return this.stems.get(stem);
  }

  /** The URIs of a collection's ADRs, sorted. */
  collection(key: string): readonly string[] | undefined {
    if (!this.collections) {
      this.collections = new Map();
      for (const document of this.documents) {
        const list = this.collections.get(this.keyOf(document.uri));
        if (list) list.push(document.uri);
        else this.collections.set(this.keyOf(document.uri), [document.uri]);
      }
      for (const list of this.collections.values()) list.sort(compareText); // a collection in URI order
    }
    return this.collections.get(key);
  }

  numberOf(uri: string): number | undefined {
    return this.shapeAt(uri)?.number;
  }

  shapeAt(uri: string): AdrShape | undefined {
    const document = this.documentAt(uri);
    return document && shapeOf(document);
  }

  private byUriTable?: Map<string, AdrDocument>;
  /** A document of the same shape as the current one at that URI (this table's own). */
  documentAt(uri: string): AdrDocument | undefined {
    this.byUriTable ??= new Map(this.documents.map((d) => [d.uri, d]));
    return this.byUriTable.get(uri);
  }

  referencesTo(uri: string, resolve: AdrIndex['resolve']): readonly Incoming[] {
    this.incoming ??= this.link((d) => d.references, resolve);
    return this.incoming.get(uri);
  }

  relationsTo(uri: string, resolve: AdrIndex['resolve']): readonly Incoming[] {
    this.incomingRelations ??= this.link((d) => d.relations, resolve);
    return this.incomingRelations.get(uri);
  }

  private link(list: (document: AdrDocument) => readonly AdrReference[], resolve: AdrIndex['resolve']): MultiMap<string, Incoming> {
    const table = new MultiMap<string, Incoming>();
    for (const from of this.documents) {
      list(from).forEach((reference, i) => {
        const target = resolve(reference.target, from.uri);
        if (target && target.uri !== from.uri) table.add(target.uri, { uri: from.uri, at: i });
      });
    }
    return table;
  }
}

/**
 * The workspace's ADRs, for resolving references by number (`ADR-7`,
 * `ADR-0007`, `7`), prefixed id (`API-12`), relative path (with or without
 * `.md`) or log4brains slug (`20201016-use-the-slug`). Numbers are looked up
 * in the referring document's collection first, then anywhere.
 *
 * `tables`: those of an earlier snapshot whose ADRs had the same shapes (they are made afresh otherwise);
 * `lookup`: the snapshot's own table of documents by URI, if it has one.
 */
export function createAdrIndex(documents: readonly AdrDocument[], tables = new AdrTables(documents), lookup?: (uri: string) => AdrDocument | undefined, templates: readonly AdrDocument[] = []): AdrIndex {
  let byUri: Map<string, AdrDocument> | undefined;
  const at = lookup ?? ((uri: string) => (byUri ??= new Map(documents.map((d) => [d.uri, d]))).get(uri));
  const all = (uris: readonly string[]) => uris.map((uri) => at(uri)!);
  const collections = new Map<string, readonly AdrDocument[]>();
  const collection = (key: string) => {
    let list = collections.get(key);
    if (!list) collections.set(key, (list = all(tables.collection(key) ?? [])));
    return list;
  };

  const pick = (candidates: readonly string[], fromUri?: string) => {
    if (candidates.length === 0) return undefined;
    if (fromUri && candidates.length > 1) {
      const home = tables.keyOf(fromUri);
      const near = candidates.find((c) => tables.keyOf(c) === home);
      if (near) return at(near);
    }
    return at(candidates[0]);
  };

  const index: AdrIndex = {
    all: () => documents,
    resolve(reference, fromUri) {
      const text = String(reference).trim();
      const id = ID.exec(text);
      if (id) {
        const prefix = id[1] && !/^adr$/i.test(id[1]) ? id[1].toUpperCase() : undefined;
        return pick(tables.byId(idKey(prefix, Number(id[2]))), fromUri);
      }
      if (fromUri && text !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(text)) {
        const path = text.split('#')[0];
        if (path !== '') {
          const uri = resolveRelative(fromUri, path);
          const found = at(uri) ?? (/\.(md|markdown)$/i.test(path) ? undefined : (at(uri + '.md') ?? at(uri.replace(/\/$/, '') + '/README.md')));
          if (found) return found;
        }
      }
      return pick(tables.byStem(text.replace(/\.(md|markdown)$/i, '').toLowerCase()), fromUri);
    },
    collection: (uri) => collection(tables.keyOf(uri)),
    collectionOf,
    collectionOmitsStatus(uri) {
      // A folder of one or two ADRs shows no convention: judge by all ADRs then.
      const home = tables.keyOf(uri);
      const members = tables.collection(home) ?? [];
      const key = members.length >= 3 ? home : '';
      let omitted = tables.omitsStatus.get(key);
      if (omitted === undefined) {
        const list = members.length >= 3 ? members : documents.map((d) => d.uri);
        const without = list.filter((u) => !tables.shapeAt(u)!.hasStatus).length;
        omitted = list.length > 1 && without * 2 > list.length;
        tables.omitsStatus.set(key, omitted);
      }
      return omitted;
    },
    nextNumber(collectionUri) {
      const list = tables.collection(collectionUri.replace(/\/+$/, '')) ?? [];
      return list.reduce((max, uri) => Math.max(max, tables.numberOf(uri) ?? 0), 0) + 1;
    },
    referencesTo: (adr) => tables.referencesTo(adr.uri, index.resolve).map(({ uri, at: i }) => ({ from: at(uri)!, reference: at(uri)!.references[i] })),
    relationsTo: (adr) => tables.relationsTo(adr.uri, index.resolve).map(({ uri, at: i }) => ({ from: at(uri)!, relation: at(uri)!.relations[i] })),
    get: (uri) => at(uri),
    numbered(uri, number, prefix) {
      // The ADRs with this id, those of the document's collection, in the collection's order.
      const home = tables.keyOf(uri);
      const same = tables.byId(idKey(prefix, number)).filter((u) => tables.keyOf(u) === home);
      return all(same.length > 1 ? same.slice().sort(compareText) : same);
    },
    template(uri) {
      if (templates.length === 0) return undefined;
      const home = tables.keyOf(uri);
      let best: AdrDocument | undefined;
      for (const candidate of templates) {
        if (!TEMPLATE_HOMES.some((folder) => collectionOf(candidate.uri) === home + folder)) continue;
        if (!best || templateRank(candidate) < templateRank(best)) best = candidate;
      }
      return best;
    },
    collectionShapes(uri) {
      const key = tables.keyOf(uri);
      let list = tables.shapeLists.get(key);
      if (!list) tables.shapeLists.set(key, (list = (tables.collection(key) ?? []).map((u) => tables.shapeAt(u)!)));
      return list;
    },
  };
  return index;
}

/** Where a collection keeps its template: beside its ADRs, or in a folder of templates (adr-tools' `templates/`). */
const TEMPLATE_HOMES = ['', '/templates', '/template', '/.templates', '/_templates'];

/** Of several templates, the one named so (`template.md` before `adr-template-bare.md`, both before a look-alike). */
function templateRank(template: AdrDocument): number {
  return (isTemplateName(template.fileName) ? 0 : 1000) + template.fileName.length;
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
