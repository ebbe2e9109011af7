import picomatch from 'picomatch';
import { Engine, type EngineSettings } from '../engine/analysis';
import { fileUri } from '../engine/text/uri';
import { existsInside, listCandidateFiles, readText } from './workspaceFiles';
import { fsPathOf } from '../engine/text/uri';

/**
 * Builds an engine over folders on disk: the workspace configuration and
 * `.adr-dir` first (they decide how the rest is classified), then every file
 * the engine analyses.
 */
export function loadWorkspace(folders: string[], settings: EngineSettings = {}, onProgress?: (done: number, total: number) => void): Engine {
  const roots = folders.map(fsPathOf);
  const engine = new Engine({
    folders,
    settings,
    host: { exists: (uri) => existsInside(fsPathOf(uri), roots) },
  });
  const perFolder = folders.map((folder) => ({ folder, files: listCandidateFiles(fsPathOf(folder)) }));
  const total = perFolder.reduce((sum, f) => sum + f.files.length, 0);
  let done = 0;
  for (const { files } of perFolder) {
    const special = files.filter((f) => f.relative === '.archframe.yaml' || f.relative === '.adr-dir');
    for (const file of special) {
      const text = readText(file.fsPath);
      if (text !== undefined) engine.setFile(fileUri(file.fsPath), text);
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
      const text = readText(file.fsPath);
      if (text === undefined) continue;
      if (engine.wouldAnalyse(uri, text)) engine.setFile(uri, text);
    }
  }
  onProgress?.(total, total);
  return engine;
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
