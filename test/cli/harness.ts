import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../../server/src/cli/main';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a CI job: no colour settings inherited from whoever runs the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('FORCE_COLOR' in extra)) delete env.FORCE_COLOR;
  if (!('NO_COLOR' in extra)) delete env.NO_COLOR;
  return env;
}

/** Runs the bundled CLI (what ships) as a child process; stdout and stderr are pipes, not terminals. */
export function run(args: string[], cwd = ROOT, env: Record<string, string> = {}): RunResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv(env), timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in this process with a pretend terminal, for what only shows on a TTY. */
export async function runOnTerminal(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env,
    stdoutIsTTY: true,
    stderrIsTTY: true,
  });
  return { code, stdout, stderr };
}

export interface TempWorkspace {
  dir: string;
  write(path: string, text: string): void;
  remove(): void;
}

export function tempWorkspace(files: Record<string, string>): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'archframe-cli-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A small workspace with one finding of each severity, and one with a related location:
 * - info     structured-logs      architecture.yaml:12 (indexer logs unstructured)
 * - warning  observability-pillars architecture.yaml:12 (indexer has no traces)
 * - error    schema-unknown-key   architecture.yaml:16 ('timout', no element: matched by message)
 * - error    single-owner         architecture.yaml:17 (orphan has no owner)
 * - error    duplicate-name       b.arch.yaml:4 ('api' defined twice; related: architecture.yaml)
 */
export const MANIFEST = `archframe: 1
system: tiny
teams:
  core: { type: stream-aligned }
components:
  api:
    kind: library
    owner: core
  indexer:
    kind: worker
    owner: core
    observability: { logs: unstructured, metrics: red, traces: false }
    dependsOn:
      - target: api
        via: library
        timout: 2s
  orphan:
    kind: library
`;

export const SECOND_MANIFEST = `archframe: 1
system: tiny
components:
  api:
    kind: library
    owner: core
`;

export function sampleWorkspace(extra: Record<string, string> = {}): TempWorkspace {
  return tempWorkspace({ 'architecture.yaml': MANIFEST, 'b.arch.yaml': SECOND_MANIFEST, ...extra });
}
