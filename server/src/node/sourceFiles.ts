import * as path from 'node:path';
import { isManifestPath, CONFIG_NAME } from '../engine/workspace/classify';
import type { SourceFile } from '../engine/import';
import { compareText } from '../engine/text/strings';

/** How a host reaches the files: the CLI reads what its user names, the server only inside the workspace. */
export interface SourceReader {
  /** A folder's YAML and Markdown files (file-system paths), or undefined when the path is no folder. */
  list(fsPath: string): string[] | undefined;
  /** A file's text, or why it cannot be read. */
  read(fsPath: string): { text: string } | { error: string };
}

export interface GatheredSources {
  files: SourceFile[];
  /** Paths (as shown) named on their own rather than found in a folder: one that is no source is an error. */
  named: Set<string>;
  /** Paths that could not be read, with why. */
  unreadable: { path: string; reason: string }[];
}

/**
 * The YAML files under each path (a file, or every YAML file of a folder); manifests and `.archframe.yaml` are not
 * sources. Paths are shown relative to `base` (absolute when outside it), with '/' separators.
 */
export function gatherSources(paths: readonly string[], base: string, reader: SourceReader): GatheredSources {
  const gathered: GatheredSources = { files: [], named: new Set(), unreadable: [] };
  const seen = new Set<string>();
  const show = (fsPath: string) => {
    const relative = path.relative(base, fsPath);
    return (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? fsPath : relative).split(path.sep).join('/');
  };
  const add = (fsPath: string) => {
    if (seen.has(fsPath)) return;
    seen.add(fsPath);
    const read = reader.read(fsPath);
    if ('text' in read) gathered.files.push({ path: show(fsPath), text: read.text });
    else gathered.unreadable.push({ path: show(fsPath), reason: read.error });
  };
  for (const given of paths) {
    const target = path.resolve(base, given);
    const listed = reader.list(target);
    if (listed) {
      for (const file of [...listed].sort(compareText)) if (isSourceName(file)) add(file);
    } else {
      gathered.named.add(show(target));
      add(target);
    }
  }
  return gathered;
}

/** YAML files other than manifests and the workspace configuration. */
function isSourceName(file: string): boolean {
  const name = file.split(/[\\/]/).pop() ?? file;
  return /\.ya?ml$/i.test(name) && !isManifestPath(name) && name !== CONFIG_NAME;
}
