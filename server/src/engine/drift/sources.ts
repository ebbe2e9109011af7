import { combineSources, readSource, type ImportedElement, type ImportedSystem, type SourcePart } from '../import';
import type { CatalogDocument } from '../parse/catalog';
import type { SourceDocument } from '../parse/source';
import { relativePath } from '../text/uri';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import { isSourcePath } from '../workspace/classify';
import type { Config } from '../model/config';
import type { ManifestDocument } from '../parse/manifest';
import type { Place } from '../model/findings';

/**
 * What the sources listed in `.archframe.yaml` `sources:` describe, as one system (the same mapping as
 * `archframe import`, ADR 0013), per workspace folder. Each file's part is kept per document object, so an edit to
 * one source re-reads that file only; the combination is redone per snapshot (cheap next to parsing).
 */
export interface SourceSystem {
  system: ImportedSystem;
  byName: Map<string, ImportedElement>;
  /** The files read, workspace-relative (for messages). */
  files: string[];
}

const catalogParts = new WeakMap<CatalogDocument, SourcePart>();
const systems = new WeakMap<readonly SourceDocument[], WeakMap<readonly CatalogDocument[], Map<string, SourceSystem>>>();

/** The sources' system for the folder of a document, or undefined when its folder lists no sources. */
export function sourceSystem(workspace: WorkspaceSnapshot, uri: string, config: Config): SourceSystem | undefined {
  if (config.sources === undefined) return undefined;
  const folder = workspace.folderOf(uri);
  if (folder === undefined) return undefined;
  const sources = workspace.documents('source');
  const catalogs = workspace.documents('catalog');
  let byCatalogs = systems.get(sources);
  if (!byCatalogs) systems.set(sources, (byCatalogs = new WeakMap()));
  let byFolder = byCatalogs.get(catalogs);
  if (!byFolder) byCatalogs.set(catalogs, (byFolder = new Map()));
  let found = byFolder.get(folder);
  if (!found) {
    const parts: SourcePart[] = [];
    for (const document of sources) if (workspace.folderOf(document.uri) === folder) parts.push(document.part);
    for (const document of catalogs) {
      const path = relativePath(folder, document.uri);
      if (path === undefined || !isSourcePath(path, config.sources)) continue;
      let part = catalogParts.get(document);
      if (!part) catalogParts.set(document, (part = readSource({ path, text: document.text })));
      parts.push(part);
    }
    parts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const system = combineSources(parts);
    const byName = new Map<string, ImportedElement>();
    for (const element of system.elements) byName.set(element.section === 'teams' ? `team:${element.name}` : element.name, element);
    found = { system, byName, files: parts.map((part) => part.path) };
    byFolder.set(folder, found);
  }
  return found;
}

/** `compose.yaml:12` (and the other places), for messages. */
export function originText(element: ImportedElement): string {
  if (element.origins.length === 0 && element.namedBy) return `${element.namedBy.origin.path}:${element.namedBy.origin.line} (as the owner of '${element.namedBy.name}')`;
  return element.origins.map((origin) => `${origin.origin.path}:${origin.origin.line}`).join(', ') || 'the sources';
}

/** The manifest that gets the findings about elements it lacks: the folder's root `architecture.yaml`, else its first. */
export function isPrimaryManifest(workspace: WorkspaceSnapshot, document: ManifestDocument): boolean {
  const folder = workspace.folderOf(document.uri);
  const own = workspace.documents('manifest').filter((m) => m.readable && workspace.folderOf(m.uri) === folder);
  const root = own.find((m) => folder !== undefined && /^architecture\.ya?ml$/.test(relativePath(folder, m.uri) ?? ''));
  return (root ?? own[0]) === document;
}

/** Where an element came from, as a place for related information (when the source is in the workspace). */
export function originPlace(workspace: WorkspaceSnapshot, fromUri: string, element: ImportedElement): Place | undefined {
  const origin = element.origins[0] ?? element.namedBy;
  if (!origin) return undefined;
  const document = workspace.document(workspace.resolveWorkspacePath(fromUri, origin.origin.path));
  return document ? { uri: document.uri, lines: document.lines, span: origin.origin.span } : undefined;
}

export const SECTION_NOUN: Record<string, string> = { teams: 'team', components: 'component', datastores: 'datastore', channels: 'channel' };

/** What the three drift rules share: where the framework asks for it, what they check, and that each has a fix. */
export const DRIFT_RULE = {
  category: 'drift',
  severity: 'warning',
  reference: 'Part XI §3, Infrastructure as Code (drift detection)',
  appliesTo: 'manifest',
  fixable: true,
} as const;
