import { adrCollections, planAdrIndex } from '../../engine/commands/adrIndexPage';
import { planStatusChange } from '../../engine/commands/adrStatus';
import { relativePath } from '../../engine/text/uri';
import type { AdrCollection, AdrIndexResult, EditResult } from '../../protocol';
import type { Session } from '../session';
import { applyPlan } from './applyPlan';

/** Server side of Change ADR Status… and Update ADR Index. */

/** Arguments: `{ adr, status, by? }`. Sets the status (and, superseding, the successor's back-link); answers the changed documents. */
export async function setAdrStatus(session: Session, args: unknown[]): Promise<EditResult> {
  const options = (args[0] ?? {}) as { adr?: unknown; status?: unknown; by?: unknown };
  if (typeof options.adr !== 'string') return { message: 'Change ADR Status needs the ADR.' };
  if (typeof options.status !== 'string') return { message: 'Change ADR Status needs the new status.' };
  const plan = planStatusChange(session.engine.snapshot(), { adr: options.adr, status: options.status, by: typeof options.by === 'string' ? options.by : undefined });
  if (plan.ok && plan.edits.length === 0) return { changed: [] };
  const result = await applyPlan(session, plan, `Set the status of ${options.adr.slice(options.adr.lastIndexOf('/') + 1)} to ${options.status}`);
  return 'message' in result ? result : { changed: plan.ok ? [...new Set(plan.edits.map((edit) => edit.uri))] : [] };
}

/** Arguments: none. The folders that hold ADRs, with how many. */
export function adrCollectionList(session: Session): AdrCollection[] {
  const workspace = session.engine.snapshot();
  return adrCollections(workspace).map((uri) => ({
    uri,
    path: relativePath(workspace.folderOf(uri) ?? uri, uri) || '.',
    adrs: workspace.adrs.collection(uri + '/README.md').length,
  }));
}

/** Arguments: `{ folder? }`. Writes the collection's index between the markers of its README (a new README when it has none). */
export async function adrIndex(session: Session, args: unknown[]): Promise<AdrIndexResult> {
  const given = (args[0] ?? {}) as { folder?: unknown };
  const collections = adrCollectionList(session);
  const folder = typeof given.folder === 'string' ? given.folder.replace(/\/+$/, '') : [...collections].sort((a, b) => b.adrs - a.adrs)[0]?.uri;
  if (!folder) return { message: 'No ADRs in the workspace: nothing to index.' };
  const plan = planAdrIndex(session.engine.snapshot(), folder);
  if (!plan.ok) return { message: plan.message, existing: plan.existing };
  const workspace = session.engine.snapshot();
  const uri = plan.file?.uri ?? plan.edits[0]?.uri ?? workspace.documents('adr-index').find((page) => page.uri.slice(0, page.uri.lastIndexOf('/')) === folder)?.uri;
  if (uri === undefined) return { message: 'Nothing to write.' };
  const path = relativePath(workspace.folderOf(uri) ?? folder, uri) ?? uri;
  if (!plan.file && plan.edits.length === 0) return { uri, path, written: 'unchanged' };
  const result = await applyPlan(session, plan, 'Update ADR index');
  if ('message' in result) return result;
  return { uri, path, written: plan.file ? 'created' : 'updated' };
}
