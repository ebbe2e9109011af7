import picomatch from 'picomatch';
import { Engine, type EngineSettings } from '../engine/analysis';
import { fileUri, joinUri } from '../engine/text/uri';
import * as path from 'node:path';
import { isManifestPath, isSourcePath, type DocumentKind } from '../engine/workspace/classify';
import { existsInside, listCandidateFiles, listFolderFiles, readWorkspaceFile } from './workspaceFiles';
import { fsPathOf } from '../engine/text/uri';

/** Only folders on the local disk are read; a virtual folder (vscode-vfs://…) is analysed from its open documents. */
function isDiskUri(uri: string): boolean {
  return uri.startsWith('file:');
}

/**
 * Builds an engine over folders on disk: the workspace configuration and
 * `.adr-dir` first (they decide how the rest is classified), then every file
 * the engine analyses.
 */
export function loadWorkspace(folders: string[], settings: EngineSettings = {}, onProgress?: (done: number, total: number) => void): Engine {
  const roots = diskRoots(folders);
  const engine = new Engine({
    folders,
    settings,
    host: { exists: (uri) => isDiskUri(uri) && existsInside(fsPathOf(uri), roots) },
  });
  const perFolder = folders.filter(isDiskUri).map((folder) => ({ folder, files: listCandidateFiles(fsPathOf(folder)) }));
  const total = perFolder.reduce((sum, f) => sum + f.files.length, 0);
  let done = 0;
  for (const { files } of perFolder) {
    const special = files.filter((f) => f.relative === '.archframe.yaml' || f.relative === '.adr-dir');
    for (const file of special) {
      const uri = fileUri(file.fsPath);
      const read = readWorkspaceFile(file.fsPath, roots, engine.maxFileSize(uri));
      if (read !== undefined) engine.setFile(uri, read.text, read.size, read.invalidUtf8);
    }
  }
  for (const { files } of perFolder) {
    for (const file of files) {
      done++;
      if (onProgress && done % 500 === 0) onProgress(done, total);
      if (file.relative === '.archframe.yaml' || file.relative === '.adr-dir') continue;
      const uri = fileUri(file.fsPath);
      if (isIgnored(engine, uri)) continue;
      if (!engine.wouldAnalyse(uri, undefined) && !/\.(md|markdown)$/i.test(file.relative)) continue;
      const read = readWorkspaceFile(file.fsPath, roots, engine.maxFileSize(uri));
      if (read === undefined) continue;
      if (engine.wouldAnalyse(uri, read.text)) engine.setFile(uri, read.text, read.size, read.invalidUtf8);
    }
  }
  readPolicyFiles(engine, folders);
  onProgress?.(total, total);
  return engine;
}

/**
 * Reads the files `extends:` reaches that the engine does not hold yet (inside the folders only), until none is
 * left: each file read may extend more. A file that cannot be read stays missing, and is reported on its entry.
 */
export function readPolicyFiles(engine: Engine, folders: readonly string[]): void {
  const tried = new Set<string>();
  for (let more = true; more; ) {
    more = false;
    for (const folder of folders.filter(isDiskUri)) {
      for (const path of engine.policySet(folder).files) {
        const uri = joinUri(folder, path);
        if (tried.has(uri) || engine.hasFile(uri)) continue;
        tried.add(uri);
        reloadFile(engine, folders, uri);
        more ||= engine.hasFile(uri);
      }
    }
  }
}

/**
 * An engine that holds only a folder's `.archframe.yaml` and the files it extends: enough to know its team
 * policies (for `archframe rules` and `explain`) without reading the workspace.
 */
export function loadPolicies(folder: string): Engine {
  const engine = new Engine({ folders: [folder], host: { exists: (uri) => isDiskUri(uri) && existsInside(fsPathOf(uri), diskRoots([folder])) } });
  reloadFile(engine, [folder], joinUri(folder, '.archframe.yaml'));
  readPolicyFiles(engine, [folder]);
  return engine;
}

/**
 * Reads the files under `.archframe.yaml` `sources:` that the engine does not hold yet: after the configuration
 * changed, YAML files read earlier as nothing in particular may now be drift sources.
 */
export function readSources(engine: Engine, folders: readonly string[]): void {
  for (const folder of folders.filter(isDiskUri)) {
    const sources = engine.foldersFor(folder).sources;
    if (sources.length === 0) continue;
    for (const file of listCandidateFiles(fsPathOf(folder))) {
      const uri = fileUri(file.fsPath);
      if (!engine.hasFile(uri) && /\.ya?ml$/i.test(file.relative) && isSourcePath(file.relative, sources)) reloadFile(engine, folders, uri);
    }
  }
}

/**
 * Single-file mode: a file opened outside every workspace folder is analysed in a root of its own (its folder, or
 * the folder above the document folder it sits in), by an engine that reads and asks about nothing outside that
 * root. The root's `.archframe.yaml` and `.adr-dir` are read first: they decide how its files are read; then
 * `readSiblings` reads what the opened file's kind needs. Nothing below the root is walked.
 */
export function singleFileEngine(root: string, settings: EngineSettings): Engine {
  const rootPath = fsPathOf(root);
  const engine = new Engine({ folders: [root], settings, host: { exists: (uri) => isDiskUri(uri) && existsInside(fsPathOf(uri), [rootPath]) } });
  for (const name of ['.archframe.yaml', '.adr-dir']) {
    const uri = fileUri(path.join(rootPath, name));
    const read = readWorkspaceFile(fsPathOf(uri), [rootPath], engine.maxFileSize(uri));
    if (read !== undefined) engine.setFile(uri, read.text, read.size, read.invalidUtf8);
  }
  return engine;
}

/**
 * The siblings a file opened on its own needs, read with the same care as a workspace folder (inside the root,
 * no links followed, size limits): an ADR, the other documents of its folder (numbers, links, supersede pairs); a
 * manifest, the manifests beside it (names resolved across files). Other kinds need nothing more.
 */
export function readSiblings(engine: Engine, root: string, uri: string, kind: DocumentKind | undefined): void {
  if (!isDiskUri(uri) || (kind !== 'adr' && kind !== 'manifest')) return;
  const rootPath = fsPathOf(root);
  for (const fsPath of listFolderFiles(path.dirname(fsPathOf(uri)), [rootPath])) {
    const sibling = fileUri(fsPath);
    if (sibling === uri || engine.hasFile(sibling)) continue;
    if (kind === 'adr' ? !/\.(md|markdown)$/i.test(fsPath) : !isManifestPath(fsPath)) continue;
    const read = readWorkspaceFile(fsPath, [rootPath], engine.maxFileSize(sibling));
    if (read !== undefined && engine.wouldAnalyse(sibling, read.text)) engine.setFile(sibling, read.text, read.size, read.invalidUtf8);
  }
}

/** The file-system paths of the folders on the local disk. */
export function diskRoots(folders: readonly string[]): string[] {
  return folders.filter(isDiskUri).map(fsPathOf);
}

/**
 * Reads one file of the workspace into the engine (inside the folders only, not whole when over the size
 * limit); a file that cannot be read is removed. For files changed on disk or closed in the editor.
 */
export function reloadFile(engine: Engine, folders: readonly string[], uri: string): void {
  const read = isDiskUri(uri) ? readWorkspaceFile(fsPathOf(uri), diskRoots(folders), engine.maxFileSize(uri)) : undefined;
  if (read === undefined) engine.deleteFile(uri);
  else if (engine.hasFile(uri) || engine.wouldAnalyse(uri, read.text) || /\/(\.archframe\.yaml|\.adr-dir)$/.test(uri)) engine.setFile(uri, read.text, read.size, read.invalidUtf8);
  // Not analysed, but a manifest may name it (a runbook path): its existence is news.
  else engine.fileNoted();
}

/**
 * True when `.archframe.yaml` `ignore:` globs exclude the file, as the engine
 * judges it (`Engine.wouldAnalyse`); asked before reading, so ignored files are
 * never read.
 */
export function isIgnored(engine: Engine, uri: string): boolean {
  const globs = engine.configFor().ignore;
  const relative = engine.relative(uri);
  if (globs === undefined || globs.length === 0 || relative === undefined) return false;
  let matcher = matchers.get(globs);
  if (!matcher) matchers.set(globs, (matcher = picomatch(globs.filter((glob) => glob !== ''), { dot: true })));
  return matcher(relative);
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();
