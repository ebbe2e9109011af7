import * as path from 'node:path';
import { planImport } from '../../engine/commands/importManifest';
import { fileUri, fsPathOf } from '../../engine/text/uri';
import { diskRoots } from '../../node/loadWorkspace';
import { gatherSources } from '../../node/sourceFiles';
import { listCandidateFiles, readWorkspaceFile } from '../../node/workspaceFiles';
import type { Session } from '../session';
import type { CreateResult } from '../../protocol';
import { applyPlan } from './applyPlan';

/** Server side of Import Manifest…: the client asks which files and folders; the server reads them and writes the manifest. */
/** Arguments: `{ sources: string[] }`, file URIs of files or folders. */
export async function importManifestCommand(session: Session, args: unknown[]): Promise<CreateResult> {
  const sources = (args[0] as { sources?: unknown } | undefined)?.sources;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && s.startsWith('file:'))) {
    return { message: 'Import Manifest needs the Compose, Kubernetes or Backstage files (or folders) to read.' };
  }
  const first = sources[0] as string;
  const folder = session.folders.find((f) => first === f || first.startsWith(f + '/')) ?? session.folders[0];
  if (folder === undefined) return { message: 'Import Manifest writes the manifest into a workspace folder: open a folder first.' };
  // Only inside the workspace folders, as every read of the server.
  const roots = diskRoots(session.folders);
  const gathered = gatherSources(sources.map((s) => fsPathOf(s as string)), fsPathOf(folder), {
    list: (fsPath) => {
      const found = listCandidateFiles(fsPath);
      return found.length > 0 ? found.map((f) => f.fsPath) : undefined;
    },
    read: (fsPath) => {
      const read = readWorkspaceFile(fsPath, roots, session.commandEngine().maxFileSize(fileUri(fsPath)));
      if (read === undefined) return { error: 'not a file inside the workspace folders' };
      return read.size === undefined ? { text: read.text } : { error: 'over the size limit (maxFileSize)' };
    },
  });
  if (gathered.unreadable.length > 0) return { message: `Cannot read ${gathered.unreadable.map((u) => `${u.path} (${u.reason})`).join(', ')}.` };
  const system = path.basename(fsPathOf(folder));
  return applyPlan(session, planImport(session.commandEngine().snapshot(), folder, gathered.files, system), 'Import manifest');
}
