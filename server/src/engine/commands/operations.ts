import { isMap } from 'yaml';
import { addKey } from '../fixes/yamlEdits';
import type { TextEdit } from '../model/findings';
import type { ManifestElement } from '../parse/manifest';
import { templatesFor, type Template, type TemplateTarget } from '../templates';
import { postmortemSnippet, SEVERITIES, runbookSnippet } from '../templates/operations';
import { dateVariables, expandSnippet } from '../templates/snippet';
import { runbookFill } from '../templates/runbookFill';
import { compareText, kebabCase } from '../text/strings';
import { joinUri, relativePath } from '../text/uri';
import type { DocumentKind } from '../workspace/classify';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import type { Plan } from './types';

/**
 * What the New Runbook and New Postmortem commands write, computed without
 * touching anything: the language server asks the user, calls these, and
 * applies the result with `workspace/applyEdit` (never over an existing file).
 */

export interface RunbookCandidate {
  name: string;
  kind: string;
  description?: string;
  owner?: string;
  /** The runbook it already has (a URI), when that file exists. */
  runbook?: string;
}

/** Components of the workspace's manifests, for the quick pick; those without a runbook first. */
export function runbookCandidates(workspace: WorkspaceSnapshot): RunbookCandidate[] {
  const out: RunbookCandidate[] = [];
  for (const element of workspace.manifests.components.values()) {
    const value = element.value;
    if (!value) continue;
    const existing = [declaredRunbook(workspace, element), defaultRunbookUri(workspace, element)].find((uri) => uri !== undefined && workspace.exists(uri));
    out.push({ name: element.name, kind: value.kind, description: value.description, owner: value.owner, runbook: existing });
  }
  return out.sort((a, b) => Number(a.runbook !== undefined) - Number(b.runbook !== undefined) || compareText(a.name, b.name));
}

function workspaceFolder(workspace: WorkspaceSnapshot, uri: string): string {
  return workspace.folderOf(uri) ?? workspace.folders[0] ?? uri.slice(0, uri.lastIndexOf('/'));
}

function declaredRunbook(workspace: WorkspaceSnapshot, element: ManifestElement<'components'>): string | undefined {
  const path = element.value?.runbook;
  return path ? workspace.resolveWorkspacePath(element.manifest.uri, path) : undefined;
}

function defaultRunbookUri(workspace: WorkspaceSnapshot, element: ManifestElement<'components'>): string {
  return joinUri(workspaceFolder(workspace, element.manifest.uri), workspace.documentFolders.runbooks[0] ?? 'docs/runbooks', `${element.name}.md`);
}

function planned(workspace: WorkspaceSnapshot, uri: string, text: string, edits: TextEdit[] = []): Plan {
  return { ok: true, file: { uri, path: relativePath(workspaceFolder(workspace, uri), uri) ?? uri, text }, edits };
}

/**
 * A runbook for a component, filled from the manifest: Overview from its
 * description, owner and on-call; Dependencies from `dependsOn`; one Common
 * Issue per SLO objective. It goes where the component's `runbook:` points, or
 * to `<runbooks folder>/<name>.md` (and the manifest gets the `runbook:` link).
 */
export function planRunbook(workspace: WorkspaceSnapshot, componentName: string): Plan {
  const element = workspace.manifests.components.get(componentName);
  if (!element?.value) return { ok: false, message: `No component named '${componentName}' in the workspace's manifests.` };
  const declared = declaredRunbook(workspace, element);
  const uri = declared ?? defaultRunbookUri(workspace, element);
  if (workspace.exists(uri)) {
    const path = relativePath(workspaceFolder(workspace, uri), uri) ?? uri;
    return { ok: false, message: `${componentName} already has a runbook: ${path}. It was left as it is.`, existing: uri };
  }
  const text = expandSnippet(runbookSnippet(runbookFill(workspace, element)));
  const edits: TextEdit[] = [];
  if (!declared && isMap(element.node)) {
    const path = relativePath(workspaceFolder(workspace, element.manifest.uri), uri);
    if (path) edits.push(addKey(element.manifest, element.node, 'runbook', path));
  }
  return planned(workspace, uri, text, edits);
}

/** A postmortem dated `date` (YYYY-MM-DD), named `<date>-<kebab-title>.md`, never over an existing file. */
export function planPostmortem(workspace: WorkspaceSnapshot, title: string, date: string, severity?: string): Plan {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  if (!trimmed) return { ok: false, message: 'A postmortem needs a title: what happened, in a few words.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, message: `'${date}' is not a date (YYYY-MM-DD).` };
  const folder = joinUri(workspace.folders[0] ?? 'file:///', workspace.documentFolders.postmortems[0] ?? 'docs/postmortems');
  const base = `${date}-${kebabCase(trimmed).slice(0, 60).replace(/-+$/, '') || 'incident'}`;
  let uri = joinUri(folder, `${base}.md`);
  for (let n = 2; workspace.exists(uri); n++) uri = joinUri(folder, `${base}-${n}.md`);
  return planned(workspace, uri, expandSnippet(postmortemSnippet({ title: trimmed, date, severity: severity ?? `${SEVERITIES.join(', ')}: to be decided` }), dateVariables(date)));
}

/**
 * Which templates fit a file, for Insert Template: a manifest gets the
 * manifest snippets; an ADR, runbook or postmortem (as the engine classified
 * it) the Markdown templates of its kind; other Markdown files every Markdown
 * template. Whole-document templates come first in an empty file.
 */
export function templatesForFile(kind: DocumentKind | undefined, languageId: string, text: string): Template[] {
  const target: TemplateTarget | undefined =
    kind === 'manifest' || languageId === 'archframe-manifest' ? 'manifest' : kind === 'adr' || kind === 'runbook' || kind === 'postmortem' ? kind : languageId === 'markdown' ? 'markdown' : undefined;
  return target ? templatesFor(target, { empty: text.trim() === '' }) : [];
}
