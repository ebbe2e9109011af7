import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../engine/analysis';
import { fsPathOf } from '../engine/text/uri';
import { UsageError } from './io';
import { writeAtomically } from './replaceFile';
import type { Targets } from './workspace';

/** What a command writes, and what an existing file must already be for the command to replace it. */
export interface Output {
  /** The path as the user gave it, for messages. */
  given: string;
  /** Its absolute path. */
  file: string;
  /** "the baseline", "the diagram": for messages. */
  what: string;
  /** An existing file the command may replace (a baseline over a baseline); undefined: any file the run does not read. */
  replaces?: (existing: string) => boolean;
}

/**
 * Writes a command's output (a baseline, a diagram) atomically, never over a file the run reads: the manifests,
 * ADRs, runbooks, postmortems, catalogs and `.archframe.yaml` it loaded, the files named on the command line, and any
 * Markdown or YAML file in the workspace (the loader reads them to know what they are). Symbolic links are followed
 * before comparing, so a link to the manifest is the manifest. Refusals are usage errors (exit 2).
 */
export function writeOutput(output: Output, text: string, engine: Engine, targets: Targets): void {
  const real = realPath(output.file);
  const reads = readByRun(engine, targets);
  if (reads.has(real) || (fs.existsSync(real) && isWorkspaceDocument(real, targets))) {
    throw new UsageError(`refusing to write ${output.what} to ${output.given}: it is a file this run reads. Write it to a new file.`);
  }
  if (output.replaces && fs.existsSync(real)) {
    let existing: string;
    try {
      existing = fs.readFileSync(real, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot write ${output.given}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (!output.replaces(existing)) throw new UsageError(`refusing to write ${output.what} over ${output.given}: it exists and is not ${output.what}. Write it to a new file.`);
  }
  try {
    writeAtomically(real, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output.given}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readByRun(engine: Engine, targets: Targets): Set<string> {
  const reads = new Set<string>();
  for (const entry of engine.entries()) if (entry.uri.startsWith('file:')) reads.add(realPath(fsPathOf(entry.uri)));
  for (const uri of targets.scopeFiles) reads.add(realPath(fsPathOf(uri)));
  return reads;
}

/** Markdown and YAML under a workspace folder: the loader opens them to classify them. */
function isWorkspaceDocument(real: string, targets: Targets): boolean {
  if (!/\.(md|markdown|ya?ml)$/i.test(real)) return false;
  return targets.folders.some((folder) => {
    const root = realPath(folder);
    return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  });
}

/** The path with symbolic links resolved; for a file not there yet, its folder's real path and its name. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}
