import type { AdrDocument } from '../parse/adr';
import type { WorkspaceSnapshot } from './snapshot';

/**
 * Resolves an ADR reference written in a manifest: a number (ADR-7, 7) through
 * the index, a path from the workspace folder (then from the manifest's folder).
 */
export function resolveDecision(workspace: WorkspaceSnapshot, reference: string | number, fromUri: string): AdrDocument | undefined {
  const text = String(reference).trim();
  if (/\.(md|markdown)(#.*)?$/i.test(text)) {
    const uri = workspace.resolveWorkspacePath(fromUri, text.split('#')[0]);
    return workspace.adrs.get(uri) ?? workspace.adrs.resolve(text, fromUri);
  }
  return workspace.adrs.resolve(text, fromUri);
}
