import * as path from 'node:path';
import { planImport } from '../../engine/commands/importManifest';
import { fsPathOf } from '../../engine/text/uri';
import { gatherSources } from '../../node/sourceFiles';
import type { Session } from '../session';
import { applyPlan, type CreateResult } from './newRunbook';

/** Server side of Import Manifest…: the client asks which files and folders; the server reads them and writes the manifest. */
export const IMPORT_MANIFEST_COMMAND = 'archframe.server.importManifest';

/** Arguments: `{ sources: string[] }`, file URIs of files or folders. */
export async function importManifestCommand(session: Session, args: unknown[]): Promise<CreateResult> {
  const sources = (args[0] as { sources?: unknown } | undefined)?.sources;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && s.startsWith('file:'))) {
    return { message: 'Import Manifest needs the Compose, Kubernetes or Backstage files (or folders) to read.' };
  }
  const first = sources[0] as string;
  const folder = session.folders.find((f) => first === f || first.startsWith(f + '/')) ?? session.folders[0];
  if (folder === undefined) return { message: 'Import Manifest writes the manifest into a workspace folder: open a folder first.' };
  const gathered = gatherSources(sources.map((s) => fsPathOf(s as string)), fsPathOf(folder));
  if (gathered.unreadable.length > 0) return { message: `Cannot read ${gathered.unreadable.map((u) => `${u.path} (${u.reason})`).join(', ')}.` };
  const system = path.basename(fsPathOf(folder));
  return applyPlan(session, planImport(session.engine.snapshot(), folder, gathered.files, system), 'Import manifest');
}
