import { INDEX_END, INDEX_START, type AdrIndexPage } from '../parse/adrIndexPage';
import { renderAdrIndex } from '../templates/adrIndexPage';
import { compareText, eolOf } from '../text/strings';
import { joinUri, relativePath } from '../text/uri';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import type { Plan } from './types';

/**
 * `archframe adr index` and Update ADR Index: the index of an ADR collection written between the markers of its
 * README (or index.md), and nowhere else. A README without markers is not touched (the plan says which two lines
 * to add); a collection without a README gets a new one.
 */

/** The folders (URIs) that hold ADRs, sorted. */
export function adrCollections(workspace: WorkspaceSnapshot): string[] {
  return [...new Set(workspace.adrs.all().map((adr) => workspace.adrs.collectionOf(adr.uri)))].sort(compareText);
}

/** The page that holds (or will hold) a collection's index: an index page of the folder, else its README.md. */
function pageOf(workspace: WorkspaceSnapshot, folder: string): { uri: string; page?: AdrIndexPage } {
  for (const name of ['README.md', 'readme.md', 'Readme.md', 'index.md', 'README.markdown']) {
    const uri = joinUri(folder, name);
    const document = workspace.document(uri);
    if (document?.kind === 'adr-index') return { uri, page: document };
  }
  return { uri: joinUri(folder, 'README.md') };
}

export function planAdrIndex(workspace: WorkspaceSnapshot, folder: string): Plan {
  const adrs = workspace.adrs.collection(joinUri(folder, 'README.md'));
  const { uri, page } = pageOf(workspace, folder);
  const path = relativePath(workspace.folderOf(uri) ?? folder, uri) ?? 'README.md';
  if (!page) {
    if (workspace.exists(uri)) {
      return { ok: false, existing: uri, message: `${path} has no index markers, and archframe writes only between them: add these two lines where the index should go, then run it again:\n${INDEX_START}\n${INDEX_END}` };
    }
    if (adrs.length === 0) return { ok: false, message: `No ADRs in ${relativePath(workspace.folderOf(folder) ?? folder, folder) || folder}: nothing to index.` };
    const text = `# Architecture Decision Records\n\n${INDEX_START}\n${renderAdrIndex(uri, adrs, workspace.adrs.resolve)}${INDEX_END}\n`;
    return { ok: true, file: { uri, path, text }, edits: [] };
  }
  const markers = page.markers;
  if (!markers) return { ok: false, existing: uri, message: `${path} has no index markers outside code: add ${INDEX_START} and ${INDEX_END}, each on a line of its own.` };
  if (!markers.ok) {
    const { line } = page.lines.position(markers.span[0]);
    return { ok: false, existing: uri, message: `${path}:${line + 1}: ${markers.message} Nothing written.` };
  }
  const content = renderAdrIndex(uri, adrs, workspace.adrs.resolve, eolOf(page.text));
  if (page.text.slice(markers.content[0], markers.content[1]) === content) return { ok: true, edits: [] };
  return { ok: true, edits: [{ uri, range: page.lines.range(markers.content), newText: content }] };
}
