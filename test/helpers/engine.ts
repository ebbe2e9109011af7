import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine, type EngineSettings } from '../../server/src/engine/analysis';
import type { Finding } from '../../server/src/engine/model/findings';

export const ROOT = 'file:///workspace';

/** An in-memory workspace: file paths (relative to the root) to texts. */
export type Files = Record<string, string>;

export function engineFor(files: Files, settings: EngineSettings = {}, otherFiles: string[] = []): Engine {
  const existing = new Set([...Object.keys(files), ...otherFiles].map((path) => `${ROOT}/${path}`));
  const engine = new Engine({ folders: [ROOT], host: { exists: (uri) => existing.has(uri) }, settings });
  // Configuration first, as the hosts do: it decides how the rest is classified.
  const ordered = Object.entries(files).sort(([a], [b]) => Number(b === '.archframe.yaml' || b === '.adr-dir') - Number(a === '.archframe.yaml' || a === '.adr-dir'));
  for (const [path, text] of ordered) engine.setFile(`${ROOT}/${path}`, text);
  return engine;
}

export function uriOf(path: string): string {
  return `${ROOT}/${path}`;
}

/** Findings of one file, optionally only of some rules. */
export function findingsOf(engine: Engine, path: string, ...ruleIds: string[]): Finding[] {
  const list = engine.findingsFor(uriOf(path));
  return ruleIds.length === 0 ? list : list.filter((f) => ruleIds.includes(f.ruleId));
}

/** The text a finding's span covers. */
export function spanText(files: Files, path: string, finding: Finding): string {
  return files[path].slice(finding.span[0], finding.span[1]);
}

/** Joins lines, so fixtures read like the files they stand for. */
export function lines(...parts: string[]): string {
  return parts.join('\n') + '\n';
}

/** The example workspace (examples/shop), as path → text. */
export function exampleFiles(): Files {
  const root = join(__dirname, '../../examples/shop');
  const out: Files = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}
