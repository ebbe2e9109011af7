import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../engine/analysis';
import type { Finding } from '../engine/model/findings';
import type { ConfigDocument } from '../engine/parse/config';
import { fileUri, fsPathOf, isInside, joinUri } from '../engine/text/uri';
import { CONFIG_NAME, singleFileRoot } from '../engine/workspace/classify';
import { isIgnored, loadWorkspace } from '../node/loadWorkspace';
import { readWorkspaceFile } from '../node/workspaceFiles';
import { UsageError } from './io';

/**
 * What `archframe check [paths…]` reads and reports.
 *
 * A folder named on the command line is a workspace folder, as if opened in
 * the editor: its own `.archframe.yaml` applies and every finding under it is
 * reported. A file named on the command line is checked as part of the
 * workspace around it (the current folder when the file lies inside it, else
 * the file's own folder), so that its ADR folder, `.archframe.yaml` and
 * cross-file references resolve as in the editor; only its own findings are
 * reported.
 */
export interface Targets {
  /** Workspace folders (file-system paths), deduplicated. */
  folders: string[];
  /** Named folders (URIs): every finding under them is reported. */
  scopeFolders: string[];
  /** Named files (URIs): their findings are reported. */
  scopeFiles: string[];
}

export function resolveTargets(paths: readonly string[], cwd: string): Targets {
  const folders: string[] = [];
  const scopeFolders: string[] = [];
  const scopeFiles: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    const target = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) {
      folders.push(target);
      scopeFolders.push(fileUri(target));
    } else {
      folders.push(workspaceOfFile(target, cwd));
      scopeFiles.push(fileUri(target));
    }
  }
  return { folders: [...new Set(folders)], scopeFolders, scopeFiles };
}

/**
 * The workspace a named file is checked in: the current folder when the file lies inside it (its ADR folder and
 * `.archframe.yaml` resolve as in the editor), else the root the editor gives a file opened on its own: its folder,
 * or the folder above the document folder it sits in. Never the file system's root: `cd / && archframe check
 * /srv/app/architecture.yaml` reads /srv/app, not the disk.
 */
function workspaceOfFile(file: string, cwd: string): string {
  const inside = path.dirname(cwd) !== cwd && file.startsWith(cwd.endsWith(path.sep) ? cwd : cwd + path.sep);
  return inside ? cwd : fsPathOf(singleFileRoot(fileUri(file)));
}

export interface LoadedWorkspace {
  engine: Engine;
  /** Notes for stderr: named files that are not checked, and why. */
  notes: string[];
}

/**
 * Loads the workspace folders through the same loader as the language server,
 * and refuses (exit 2) a `.archframe.yaml` that cannot be read or has errors:
 * in CI a broken configuration must not pass silently as "no findings".
 */
export function load(targets: Targets, cwd: string, onProgress?: (done: number, total: number) => void): LoadedWorkspace {
  for (const folder of targets.folders) {
    const config = path.join(folder, CONFIG_NAME);
    if (!fs.existsSync(config)) continue;
    try {
      // Readable, and a file: opened, not read (the loader reads it under the size limit).
      const fd = fs.openSync(config, 'r');
      const directory = fs.fstatSync(fd).isDirectory();
      fs.closeSync(fd);
      if (directory) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    } catch (error) {
      throw new UsageError(`cannot read ${display(config, cwd)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const engine = loadWorkspace(targets.folders.map(fileUri), {}, onProgress);
  for (const folder of targets.folders) {
    const refused = engine.refusalOf(joinUri(fileUri(folder), CONFIG_NAME));
    if (refused) throw new UsageError(`cannot use ${display(path.join(folder, CONFIG_NAME), cwd)}: ${refused}`);
  }
  const problems = targets.folders.flatMap((folder) => configProblems(engine, fileUri(folder), cwd));
  if (problems.length > 0) {
    throw new UsageError(`invalid configuration; fix it before checking:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const notes: string[] = [];
  for (const uri of targets.scopeFiles) {
    if (engine.hasFile(uri)) continue;
    const file = display(fsPathOf(uri), cwd);
    if (isIgnored(engine, uri)) notes.push(`${file} is not checked: it matches an \`ignore:\` glob of ${CONFIG_NAME}.`);
    else if (!readNamedManifest(engine, uri, targets.folders)) notes.push(`${file} is not checked: ${whyNotChecked(uri)}`);
  }
  return { engine, notes };
}

/**
 * A YAML file named on the command line is checked as a manifest whatever its name (`system.yaml`), when it reads
 * as one: a top-level `archframe:` or `components:` key. A user who names a file means it.
 */
function readNamedManifest(engine: Engine, uri: string, folders: readonly string[]): boolean {
  if (!/\.ya?ml$/i.test(uri)) return false;
  const read = readWorkspaceFile(fsPathOf(uri), folders, engine.maxFileSize(uri));
  if (read === undefined || !/^(?:archframe|components)[ \t]*:/m.test(read.text)) return false;
  engine.setLanguage(uri, 'archframe-manifest');
  engine.setFile(uri, read.text, read.size, read.invalidUtf8);
  return engine.hasFile(uri);
}

function whyNotChecked(uri: string): string {
  if (/\.ya?ml$/i.test(uri)) return 'it is not an architecture manifest (it has no top-level `archframe:` or `components:` key) nor a Backstage catalog file.';
  if (/\.(md|markdown)$/i.test(uri)) return 'it is not an ADR, runbook or postmortem (it sits in no document folder and has neither the sections of an ADR nor a "# … Runbook" title).';
  return 'archframe reads YAML (manifests, catalogs) and Markdown (ADRs, runbooks, postmortems) only.';
}

/** The documents a check reports on: manifests, ADRs, runbooks, postmortems and catalogs in the named folders and files. */
const CHECKED_KINDS = new Set(['manifest', 'adr', 'runbook', 'postmortem', 'catalog']);

/**
 * Refuses (exit 2) a check that would read nothing: a CI job aimed at an empty folder or the wrong file must not
 * pass as "0 findings". The message says what was looked for, and where.
 */
export function assertSomethingChecked(engine: Engine, targets: Targets, given: readonly string[], cwd: string): void {
  const files = new Set(targets.scopeFiles);
  const inScope = (uri: string) => files.has(uri) || targets.scopeFolders.some((folder) => isInside(folder, uri));
  if (engine.entries().some((entry) => entry.kind !== undefined && CHECKED_KINDS.has(entry.kind) && inScope(entry.uri))) return;
  const where = (given.length > 0 ? given : ['.']).map((p) => display(path.resolve(cwd, p), cwd)).join(', ');
  const folders = engine.foldersFor(targets.scopeFolders[0] ?? targets.scopeFiles[0]);
  const list = (names: readonly string[]) => names.map((n) => `${n}/`).join(', ');
  throw new UsageError(
    `no manifest or ADR found under ${where}: looked for architecture.yaml and *.arch.yaml, ADRs in ${list(folders.adr)}, runbooks in ${list(folders.runbooks)}, postmortems in ${list(folders.postmortems)}, and Backstage catalog files. Name the folder or file to check.`,
  );
}


/** The configuration's own problems (YAML, schema, rule ids that no rule has), whatever severities it sets. */
function configProblems(engine: Engine, folder: string, cwd: string): string[] {
  const uri = joinUri(folder, CONFIG_NAME);
  const document = engine.document(uri) as ConfigDocument | undefined;
  if (!document || document.kind !== 'config') return [];
  const file = display(fsPathOf(uri), cwd);
  const problems = document.problems.map((problem) => {
    const start = document.lines.position(problem.span[0]);
    return `${file}:${start.line + 1}:${start.character + 1} ${problem.message} (${problem.ruleId})`;
  });
  return problems;
}

/** The findings to report: those in the named folders and files, sorted by file then position. */
export function findingsInScope(engine: Engine, targets: Targets): Finding[] {
  const files = new Set(targets.scopeFiles);
  const findings: Finding[] = [];
  for (const [uri, list] of engine.findings()) {
    if (files.has(uri) || targets.scopeFolders.some((folder) => isInside(folder, uri))) findings.push(...list);
  }
  return findings.sort(
    (a, b) => compareText(a.uri, b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareText(a.ruleId, b.ruleId),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path as the user reads it: relative to the current folder, '/'-separated; absolute outside it (or from the root). */
export function display(fsPath: string, cwd: string): string {
  // From the file system's root, a path relative to it ('srv/app/x.yaml') reads as if it were relative to the user.
  if (path.dirname(cwd) === cwd) return fsPath;
  const relative = path.relative(cwd, fsPath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return fsPath;
  return relative.split(path.sep).join('/');
}
