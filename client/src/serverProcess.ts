// How the language server process is started: its Node options and environment. Kept apart from extension.ts (which
// needs `vscode`) so that the benchmark starts the server exactly as the client does, by importing these.

/**
 * A small young generation suits a server that keeps a long-lived model and allocates little per request
 * (npm run bench --quick, 100 components: peak RSS 121 -> 104 MB, edit -> diagnostics no slower). One V8 worker
 * thread: the editor needs the other cores, and each GC helper thread costs memory (100 components: 101-107 -> 98 MB;
 * 5,000: 555 MB, as before). The `gc` extension lets the server start a concurrent full collection when its heap has
 * doubled (server/src/node/heapNudge.ts; 5,000 components: peak 1,000 -> 545 MB, 690 -> 290 MB after the edits).
 * An old generation first allowed 256 MB: V8 starts it far smaller and collects it whole each time it outgrows
 * that, several times while a large manifest is first read (2,000 components, first open, eight runs each: median
 * 1.51 -> 1.41 s, server CPU 2.25 -> 2.10 s; peak RSS 235 -> 237 MB; 100 components 86 -> 89 MB; 10,000 ADRs
 * and 10,000 components unchanged). Past that first size the nudge keeps the heap in check, as before.
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4', '--initial-old-space-size=256', '--v8-pool-size=1', '--expose-gc'];

/**
 * glibc malloc settings (ignored by other allocators). Compiling the bundle at start-up peaks at about 10 MB of V8
 * malloc; with glibc's default, self-raising thresholds that memory stays in the process after it is freed. A fixed
 * 1 MiB trim threshold hands it back. 100 components, 12 runs each: 69 -> 61 MB at start, peak 84-87 -> 81-84 MB,
 * first open 148 -> 154 ms (median). 128 KiB saved no more memory and cost more time (163 ms): memory handed back
 * during the first open has to be faulted in again.
 */
export const SERVER_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: String(1024 * 1024) };

/** The environment to add for the server: the malloc settings, except those the user has set already. */
export function serverEnvironment(current: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(SERVER_MALLOC_ENV).filter(([name]) => current[name] === undefined));
}
