import * as fs from 'node:fs';
import * as path from 'node:path';
import { isManifestPath, CONFIG_NAME } from '../engine/workspace/classify';
import type { SourceFile } from '../engine/import';
import { listCandidateFiles } from './workspaceFiles';

/** Source files larger than this are refused rather than parsed (a 500-service Compose file is about 100 KB). */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export interface GatheredSources {
  files: SourceFile[];
  /** Paths (as shown) named on their own rather than found in a folder: one that is no source is an error. */
  named: Set<string>;
  /** Paths that could not be read, with why. */
  unreadable: { path: string; reason: string }[];
}

/**
 * The YAML files under each path (a file, or a folder walked like a workspace: no symbolic links, no
 * node_modules), read as text; manifests and `.archframe.yaml` are not sources. Paths are shown relative to `base`.
 */
export function gatherSources(paths: readonly string[], base: string): GatheredSources {
  const gathered: GatheredSources = { files: [], named: new Set(), unreadable: [] };
  const seen = new Set<string>();
  const show = (fsPath: string) => {
    const relative = path.relative(base, fsPath);
    return (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? fsPath : relative).split(path.sep).join('/');
  };
  const add = (fsPath: string) => {
    if (seen.has(fsPath)) return;
    seen.add(fsPath);
    const shown = show(fsPath);
    try {
      const size = fs.statSync(fsPath).size;
      if (size > MAX_SOURCE_BYTES) throw new Error(`${Math.round(size / 1024 / 1024)} MB is more than a source file holds`);
      gathered.files.push({ path: shown, text: fs.readFileSync(fsPath, 'utf8') });
    } catch (error) {
      gathered.unreadable.push({ path: shown, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
  };
  for (const given of paths) {
    const target = path.resolve(base, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      gathered.unreadable.push({ path: given, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of listCandidateFiles(target)) if (isSourceName(file.relative)) add(file.fsPath);
    } else {
      gathered.named.add(show(target));
      add(target);
    }
  }
  return gathered;
}

/** YAML files other than manifests and the workspace configuration. */
export function isSourceName(relative: string): boolean {
  return /\.ya?ml$/i.test(relative) && !isManifestPath(relative) && path.posix.basename(relative) !== CONFIG_NAME;
}
