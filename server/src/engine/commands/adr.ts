import type { AdrFormat } from '../parse/adr';
import { adrLinkText } from '../parse/adrNames';
import { setSupersededBy } from '../fixes/markdownEdits';
import { adrSnippet, type AdrTemplateFormat } from '../templates/adr';
import { dateVariables, expandSnippet } from '../templates/snippet';
import { compareText, kebabCase } from '../text/strings';
import { joinUri, relativeLink, relativePath } from '../text/uri';
import { collectionOf } from '../workspace/adrIndex';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import type { Plan, PlannedFile } from './types';

/**
 * What the New ADR and Supersede ADR commands write, planned without touching
 * anything (the engine reads no clock: the date comes in). The language server
 * applies the plan with `workspace/applyEdit`, never over an existing file.
 */

/** A new ADR before it is written: its number goes into the links of the ADR it supersedes. */
interface AdrDraft {
  file: PlannedFile;
  number: number;
}

const NEW_ADR_FORMATS: readonly AdrTemplateFormat[] = ['nygard', 'framework', 'madr'];

export interface NewAdrRequest {
  title: string;
  /** `nygard`, `framework` or `madr`; default: the configured format, else the one most ADRs of the folder use, else nygard. */
  format?: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The workspace folder (default: the first). */
  folder?: string;
  /** The ADR folder (default: where the workspace folder's ADRs are). */
  collection?: string;
}

/** The ADR folder of a workspace folder: where its ADRs are (the largest collection), else the first configured/default folder. */
function adrFolder(workspace: WorkspaceSnapshot, folder: string): string {
  const counts = new Map<string, number>();
  for (const adr of workspace.adrs.all()) {
    if (relativePath(folder, adr.uri) === undefined) continue;
    const collection = workspace.adrs.collectionOf(adr.uri);
    counts.set(collection, (counts.get(collection) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
  if (best) return best[0];
  return joinUri(folder, workspace.documentFolders.adr[0] ?? 'docs/adr');
}

/** The format new ADRs of a collection take: configured, else the commonest, else Nygard. */
function preferredFormat(workspace: WorkspaceSnapshot, collection: string): AdrTemplateFormat {
  const configured = workspace.config.adr?.format;
  if (configured === 'nygard' || configured === 'framework' || configured === 'madr') return configured;
  if (configured === 'log4brains') return 'madr';
  const counts = new Map<AdrFormat, number>();
  for (const adr of workspace.adrs.collection(collection + '/x.md')) counts.set(adr.format, (counts.get(adr.format) ?? 0) + 1);
  const best = [...counts].filter(([f]) => f !== 'unknown').sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best === 'log4brains') return 'madr';
  return best === 'nygard' || best === 'framework' || best === 'madr' ? best : 'nygard';
}

export function planNewAdr(workspace: WorkspaceSnapshot, request: NewAdrRequest): Plan {
  const draft = draftAdr(workspace, request);
  return 'message' in draft ? draft : { ok: true, file: draft.file, edits: [] };
}

function draftAdr(workspace: WorkspaceSnapshot, request: NewAdrRequest, status?: string): AdrDraft | { ok: false; message: string } {
  const title = request.title.trim();
  if (title === '') return { ok: false, message: 'An ADR needs a title.' };
  if (!/^\d{4}-\d\d-\d\d$/.test(request.date)) return { ok: false, message: `Not a date: '${request.date}' (expected YYYY-MM-DD).` };
  const folder = request.folder ?? workspace.folders[0];
  if (!folder) return { ok: false, message: 'Open a folder first: ADRs live in the workspace.' };
  const collection = request.collection ?? adrFolder(workspace, folder);
  const format = request.format ?? preferredFormat(workspace, collection);
  if (!NEW_ADR_FORMATS.includes(format as AdrTemplateFormat)) return { ok: false, message: `Unknown ADR format '${format}' (one of ${NEW_ADR_FORMATS.join(', ')}).` };
  const number = workspace.adrs.nextNumber(collection);
  const slug = kebabCase(title) || 'decision';
  const fileName = `${String(number).padStart(4, '0')}-${slug}.md`;
  const uri = joinUri(collection, fileName);
  if (workspace.exists(uri)) return { ok: false, message: `${fileName} already exists.` };
  const text = expandSnippet(adrSnippet(format as AdrTemplateFormat, { number, title, date: request.date, status: status ?? (format === 'madr' ? 'proposed' : 'Proposed') }), dateVariables(request.date));
  return { file: { uri, path: relativePath(folder, uri) ?? fileName, text: text.replace(/\n+$/, '\n') }, number };
}

/**
 * A successor for an ADR: a new ADR whose status says `Supersedes [old](old.md)`,
 * and the old ADR's status set to `Superseded by [new](new.md)`.
 */
export function planSupersede(workspace: WorkspaceSnapshot, oldUri: string, request: Omit<NewAdrRequest, 'folder'>): Plan {
  const old = workspace.adrs.all().find((adr) => adr.uri === oldUri);
  if (!old) return { ok: false, message: 'That file is not an ADR of the workspace.' };
  const folder = workspace.folderOf(old.uri) ?? workspace.folders[0];
  const collection = collectionOf(old.uri);
  const format = request.format ?? (old.format === 'nygard' || old.format === 'framework' || old.format === 'madr' ? old.format : preferredFormat(workspace, collection));
  const status = format === 'madr' ? 'accepted' : 'Accepted';
  const draft = draftAdr(workspace, { ...request, format, folder, collection }, status);
  if ('message' in draft) return draft;
  const { file, number } = draft;
  const backLink = `[${adrLinkText(old)}](${relativeLink(file.uri, old.uri)})`;
  const title = request.title.trim();
  const newLabel = format === 'madr' ? title : `${number}. ${title}`;
  const edit = setSupersededBy(old, `[${newLabel}](${relativeLink(old.uri, file.uri)})`, number);
  return { ok: true, file: { ...file, text: addSupersedesLine(file.text, format, backLink) }, edits: edit ? [edit] : [] };
}

function addSupersedesLine(text: string, format: string, link: string): string {
  if (format === 'madr') return text.replace(/^## Context and Problem Statement/m, `Supersedes ${link}\n\n## Context and Problem Statement`);
  return text.replace(/^## Status\n\n(.*)$/m, (_, status: string) => `## Status\n\n${status}\n\nSupersedes ${link}`);
}

