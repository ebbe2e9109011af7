import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { compareText } from '../engine/text/strings';

/** Folders never worth walking for manifests or documents. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'coverage', '.e2e', '.bench', '.vscode-test']);

export interface FoundFile {
  fsPath: string;
  /** Path relative to the walked root, with '/' separators. */
  relative: string;
}

/**
 * Lists the files of a folder that archframe may analyse: YAML, Markdown, and
 * the `.archframe.yaml` / `.adr-dir` files. Symbolic links are not followed, so
 * nothing outside the folder is read.
 */
export function listCandidateFiles(root: string, limit = 200_000): FoundFile[] {
  const found: FoundFile[] = [];
  const stack: string[] = [root];
  while (stack.length > 0 && found.length < limit) {
    const directory = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && isCandidate(entry.name)) {
        found.push({ fsPath: full, relative: path.relative(root, full).split(path.sep).join('/') });
      }
    }
  }
  return found.sort((a, b) => compareText(a.relative, b.relative));
}

/**
 * The files of one folder (not below it) that archframe may analyse, when the folder's real path lies inside one
 * of the roots: the siblings a file opened on its own needs (its ADR folder, the manifests beside it). Symbolic
 * links are not followed; at most `limit` files.
 */
export function listFolderFiles(directory: string, roots: readonly string[], limit = 5_000): string[] {
  if (!existsInside(directory, roots)) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && isCandidate(entry.name))
    .map((entry) => path.join(directory, entry.name))
    .sort(compareText)
    .slice(0, limit);
}

function isCandidate(name: string): boolean {
  return name === '.archframe.yaml' || name === '.adr-dir' || /\.(ya?ml|md|markdown)$/i.test(name);
}

/** What the hosts hand the engine: the text, or only its beginning and the file's size when it is over the limit. */
export interface WorkspaceFile {
  text: string;
  /** Set when `text` is only the beginning of the file (enough to classify it): the file's size in bytes. */
  size?: number;
  /** The bytes are not valid UTF-8 (another encoding, or damaged): the text has U+FFFD where they were. */
  invalidUtf8?: true;
}

/** Bytes read of a file over the size limit: enough for its first lines, which classify it. */
const HEAD_BYTES = 4096;

/**
 * Reads a file of the workspace for analysis. Only a regular file whose real
 * path (symbolic links and `..` resolved) lies inside one of the roots is
 * read; a file over `maxSize` bytes is not read whole (its size is stat'ed
 * first), so a 100 MB file costs 4 KB. Invalid UTF-8 decodes to U+FFFD, and says so (`invalidUtf8`).
 */
export function readWorkspaceFile(fsPath: string, roots: readonly string[], maxSize: number): WorkspaceFile | undefined {
  if (!existsInside(fsPath, roots)) return undefined;
  try {
    const stat = fs.statSync(fsPath);
    if (!stat.isFile()) return undefined;
    if (stat.size <= maxSize) {
      // Without the byte order mark, as the editor gives a document: columns of line 1 are the same in both.
      const text = withoutBom(fs.readFileSync(fsPath, 'utf8'));
      // Bytes that are not UTF-8 decode to U+FFFD, so only a text holding one is read again as bytes to tell (a
      // Buffer per file would cost memory on a workspace of 10,000 ADRs).
      return text.includes('\uFFFD') && !isUtf8(fs.readFileSync(fsPath)) ? { text, invalidUtf8: true } : { text };
    }
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    const fd = fs.openSync(fsPath, 'r');
    try {
      const read = fs.readSync(fd, head, 0, head.length, 0);
      return { text: withoutBom(head.subarray(0, read).toString('utf8')), size: stat.size };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** True when a path lies inside one of the roots, exists, and once symbolic links are resolved still lies inside. */
export function existsInside(fsPath: string, roots: readonly string[]): boolean {
  // A path outside every root is not looked at (no stat, no readlink): only paths that name a place inside are.
  if (!roots.some((root) => namesPlaceInside(root, fsPath))) return false;
  // A missing file is the common answer (a runbook not written yet): a failed realpath builds an error, ten times
  // the cost of this check.
  if (!fs.existsSync(fsPath)) return false;
  try {
    // The native realpath: half the time of Node's JS one, which matters with one call per file of 10,000.
    const real = realpath(fsPath);
    return roots.some((root) => {
      const realRoot = realRoots.get(root) ?? realRoots.set(root, safeRealpath(root)).get(root)!;
      return real === realRoot || real.startsWith(realRoot + path.sep);
    });
  } catch {
    return false;
  }
}

function namesPlaceInside(root: string, fsPath: string): boolean {
  const relative = path.relative(root, fsPath);
  return !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

function safeRealpath(p: string): string {
  try {
    return realpath(p);
  } catch {
    return p;
  }
}

/** The workspace roots' real paths, resolved once (they are asked about for every file). */
const realRoots = new Map<string, string>();

function realpath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch (error) {
    // The native call fails on some special paths where the JS one copes; a missing file fails both.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    return fs.realpathSync(p);
  }
}
