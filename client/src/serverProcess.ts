// How the language server process is started: its Node options and environment. Kept apart from extension.ts (which
// needs `vscode`) so that the benchmark starts the server exactly as the client does, by importing these.

/**
 * A small young generation suits a server that keeps a long-lived model and allocates little per request
 * (npm run bench --quick, 100 components: peak RSS 121 -> 104 MB, edit -> diagnostics no slower). One V8 worker
 * thread: the editor needs the other cores, and each GC helper thread costs memory (100 components: 101-107 -> 98 MB;
 * 5,000: 555 MB, as before).
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4', '--v8-pool-size=1'];

/**
 * glibc malloc settings (ignored by other allocators). Compiling the bundle at start-up peaks at about 10 MB of V8
 * malloc; with glibc's default, self-raising thresholds that memory stays in the process after it is freed. A fixed
 * 128 KiB trim threshold hands it back (100 components: 71 -> 62 MB at start, peak 87 -> 81-84 MB; open and edit
 * times unchanged at 1,000 and 5,000 components).
 */
export const SERVER_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072' };

/** The environment to add for the server: the malloc settings, except those the user has set already. */
export function serverEnvironment(current: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(SERVER_MALLOC_ENV).filter(([name]) => current[name] === undefined));
}
