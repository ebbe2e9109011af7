import { importManifest, type SourceFile } from '../import';
import { joinUri } from '../text/uri';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import type { Plan } from './types';

/** Errors shown in the editor's message, at most; the rest are counted. */
const SHOWN = 3;

/**
 * Import Manifest…: the sources (read by the host) as a new manifest in the workspace folder: `architecture.yaml`
 * when the folder has none, else `imported.arch.yaml` (`imported-2.arch.yaml`, …); never over an existing file.
 * A source with an error (file:line) writes nothing.
 */
export function planImport(workspace: WorkspaceSnapshot, folder: string, files: readonly SourceFile[], system?: string): Plan {
  const result = importManifest(files, { system, command: 'Architecture: Import Manifest…' });
  const errors = result.system.problems.filter((p) => p.severity === 'error');
  const named = files.length === 1 ? result.unrecognised : [];
  if (errors.length > 0 || named.length > 0) {
    const lines = [...named.map((path) => `${path}: not a Compose file, Kubernetes manifests or a Backstage catalog.`), ...errors.map((e) => `${e.path}:${e.line}:${e.column}: ${e.message}`)];
    const more = lines.length > SHOWN ? ` (and ${lines.length - SHOWN} more)` : '';
    return { ok: false, message: `Nothing imported: ${lines.slice(0, SHOWN).join(' ')}${more}` };
  }
  if (result.system.elements.every((e) => e.section === 'teams')) {
    return { ok: false, message: 'Nothing imported: no Compose service, Kubernetes workload or Backstage component, resource or group was found in what you chose.' };
  }
  let uri = joinUri(folder, 'architecture.yaml');
  for (let n = 1; workspace.exists(uri); n++) uri = joinUri(folder, n === 1 ? 'imported.arch.yaml' : `imported-${n}.arch.yaml`);
  const path = uri.slice(folder.length + 1);
  return { ok: true, file: { uri, path, text: result.text }, edits: [] };
}
