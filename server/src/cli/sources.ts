import * as fs from 'node:fs';
import { listCandidateFiles } from '../node/workspaceFiles';
import type { SourceReader } from '../node/sourceFiles';

/** Source files larger than this are refused rather than parsed (a 500-service Compose file is about 150 KB). */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** The CLI reads the files and folders its user names (folders walked like a workspace: no symbolic links, no node_modules). */
export const namedPaths: SourceReader = {
  list(fsPath) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(fsPath);
    } catch {
      return undefined;
    }
    return stat.isDirectory() ? listCandidateFiles(fsPath).map((f) => f.fsPath) : undefined;
  },
  read(fsPath) {
    try {
      const stat = fs.statSync(fsPath);
      if (stat.isDirectory()) return { error: 'a folder' };
      if (stat.size > MAX_SOURCE_BYTES) return { error: `${Math.round(stat.size / 1024 / 1024)} MB, more than a source file holds` };
      return { text: fs.readFileSync(fsPath, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { error: code === 'ENOENT' ? 'no such file or folder' : (code ?? (error as Error).message) };
    }
  },
};
