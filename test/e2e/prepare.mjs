// Shared by both e2e runners: builds the extension, bundles the suite entries
// (CommonJS, as extension hosts load them) and lays out fresh scratch
// workspaces, so that the cases may change files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const e2eDir = join(root, '.e2e');
export const runDir = join(e2eDir, 'run');
export const resultsDir = join(e2eDir, 'results');

const SUITES = [
  { name: 'workspace', entry: 'test/e2e/suite/workspace.ts', workspace: 'shop' },
  { name: 'adr-only', entry: 'test/e2e/suite/adrOnly.ts', workspace: 'adr-only' },
];

const WORKSPACE_SETTINGS = {
  // Completion cases must see archframe's items, not words picked from open files.
  'editor.wordBasedSuggestions': 'off',
};

/** Settings for the editor's user profile: no welcome page, no trust prompt, no tips. */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
};

export function log(message) {
  console.log(`e2e: ${message}`);
}

/** @returns {{ name: string, testsPath: string, workspace: string }[]} */
export async function prepare() {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    log('building the extension (npm run build)');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  rmSync(runDir, { recursive: true, force: true });
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  const shop = join(runDir, 'workspaces', 'shop');
  cpSync(join(root, 'examples', 'shop'), shop, { recursive: true });
  mkdirSync(join(shop, '.vscode'));
  writeFileSync(join(shop, '.vscode', 'settings.json'), JSON.stringify(WORKSPACE_SETTINGS, null, 2) + '\n');

  // The screen check gets an untouched copy: the cases change theirs.
  cpSync(join(root, 'examples', 'shop'), join(runDir, 'workspaces', 'screen'), { recursive: true });

  const adrOnly = join(runDir, 'workspaces', 'adr-only');
  cpSync(join(root, 'examples', 'shop', 'docs', 'adr'), join(adrOnly, 'docs', 'adr'), { recursive: true });

  await esbuild.build({
    entryPoints: Object.fromEntries(SUITES.map((suite) => [suite.name, join(root, suite.entry)])),
    outdir: join(e2eDir, 'suite'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITES.map((suite) => ({
    name: suite.name,
    testsPath: join(e2eDir, 'suite', `${suite.name}.js`),
    workspace: join(runDir, 'workspaces', suite.workspace),
  }));
}

export const screenWorkspace = join(runDir, 'workspaces', 'screen');

/** Prints the results file a suite wrote; returns [passed, failed] or undefined when it wrote none. */
export function readResults(name) {
  let text;
  try {
    text = readFileSync(join(resultsDir, `${name}.log`), 'utf8');
  } catch {
    return undefined;
  }
  process.stdout.write(text);
  const match = /: (\d+) passed, (\d+) failed\s*$/.exec(text);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}
