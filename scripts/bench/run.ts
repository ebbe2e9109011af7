// npm run bench [-- --quick] [-- --no-peer] [-- --components=1000,5000] [-- --adrs=10000]
//
// Generates the workspaces (scripts/bench/generate.ts), then measures and
// prints one table: the floor (the `yaml` package parsing the manifest),
// archframe through the real protocol (its production server bundle, as the
// .vsix ships it, built into .bench/dist and spawned over stdio),
// yaml-language-server on the same manifest against archframe's JSON schema,
// the CLI on the ADR workspaces, the bundles and the activation cost. Results
// are also written to .bench/results-<time>.json. Figures only: nothing here
// passes or fails.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { BENCH, generate } from './generate';
import { BenchClient, type Position } from './lsp';
import { SERVER_NODE_OPTIONS, serverEnvironment } from '../../client/src/serverProcess';

const ROOT = resolve(__dirname, '../..');
/** The production bundles (minified, as packaged), built at the start of a run. */
const PRODUCTION = join(BENCH, 'dist');
// BENCH_SERVER / BENCH_CLI: another build's bundles (to compare with an earlier commit built elsewhere).
const SERVER = process.env.BENCH_SERVER ?? join(PRODUCTION, 'server.js');
const CLI = process.env.BENCH_CLI ?? join(PRODUCTION, 'cli.js');
// The peer is a package of its own (scripts/bench/peer), installed on the first run: it needs Node >= 22 and would
// make every user's `npm ci` warn if it were a dev dependency of archframe.
const PEER_PACKAGE = join(__dirname, 'peer');
const PEER_HOME = join(PEER_PACKAGE, 'node_modules/yaml-language-server');
const PEER = join(PEER_HOME, 'bin/yaml-language-server');
const SCHEMA = join(ROOT, 'dist/schemas/manifest.schema.json');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
let withPeer = !args.includes('--no-peer');

/** Installs the peer from its lock file when missing; offline (or failing), the run goes on without it and says so. */
function ensurePeer(): boolean {
  if (existsSync(PEER)) return true;
  log('installing the benchmark peer (yaml-language-server) into scripts/bench/peer …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'], { cwd: PEER_PACKAGE, encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0 && existsSync(PEER)) return true;
  const why = result.error ? result.error.message : (result.stderr || result.stdout).replace(/npm (error|ERR!) /g, '').trim().split('\n')[0];
  console.warn(`bench: could not install yaml-language-server (${why || `exit ${result.status}`}); is the npm registry reachable? The peer's figures are left out of this run (--no-peer skips them on purpose).`);
  return false;
}
const listArg = (name: string, fallback: number[]) => {
  const given = args.find((a) => a.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3).split(',').map(Number).filter((n) => n > 0) : fallback;
};
const sizes = {
  components: listArg('components', quick ? [100] : [100, 1000, 5000]),
  adrs: listArg('adrs', quick ? [1000] : [1000, 10000]),
};
// --shape=findings: a team's first manifest, one careless entry in three (timeouts, runbooks, rpo, replicas…).
const shape = args.find((a) => a.startsWith('--shape='))?.slice('--shape='.length) ?? 'clean';
if (shape !== 'clean' && shape !== 'findings') throw new Error(`--shape takes clean or findings, not '${shape}'`);
/** Requests per latency figure. */
const REQUESTS = 200;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const log = (message: string) => process.stderr.write(message + '\n');

// ── the floor ────────────────────────────────────────────────────────────────

/** The first parse in a fresh Node process, as the server's first open of a manifest is (nothing compiled yet). */
function coldFloor(file: string): number {
  const script = `const { parseDocument } = require(${JSON.stringify(require.resolve('yaml'))}); const text = require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'); const t = performance.now(); parseDocument(text); console.log(performance.now() - t);`;
  const runs = Array.from({ length: 3 }, () => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout));
  return median(runs);
}

/**
 * The warm floors, default options then uniqueKeys: false, each the median of a few parses in one process. A process
 * of its own: parsing an 8 MiB manifest four times here left this process a heap of over 1 GB, whose collection
 * while the next server's diagnostics arrived was counted as that server's time (10,000 components: 541 ms).
 */
function warmFloors(file: string, bytes: number): { byDefault: number; noUnique: number } {
  const runs = bytes > 2_000_000 ? 2 : 5;
  const script = `const { parseDocument } = require(${JSON.stringify(require.resolve('yaml'))}); const text = require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const times = (options) => Array.from({ length: ${runs} }, () => { const t = performance.now(); parseDocument(text, options); return performance.now() - t; });
    console.log(JSON.stringify([times(undefined), times({ uniqueKeys: false })]));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the warm floor failed: ${result.stderr}`);
  const [byDefault, noUnique] = JSON.parse(result.stdout) as [number[], number[]];
  return { byDefault: median(byDefault), noUnique: median(noUnique) };
}

// ── one manifest through a language server ──────────────────────────────────

interface ServerFigures {
  openMs: number;
  /** Closed and opened again: the same work with the code already compiled. */
  reopenMs: number;
  editMs: number[];
  completionMs: number[];
  hoverMs: number[];
  peakRss: number;
  diagnostics: number;
}

/** Where the benchmark hovers and completes: `kind:` values and dependency targets, spread over the file. */
function requestPositions(text: string, count: number): { hover: Position; completion: Position }[] {
  const lines = text.split('\n');
  const candidates: { hover: Position; completion: Position }[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('    kind: ')) candidates.push({ hover: { line: i, character: 5 }, completion: { line: i, character: 10 } });
    const target = line.indexOf('target: ');
    if (target >= 0) candidates.push({ hover: { line: i, character: target + 10 }, completion: { line: i, character: target + 8 } });
  });
  return Array.from({ length: count }, (_, k) => candidates[Math.floor(((k + 0.5) * candidates.length) / count)]);
}

/** A `replicas: N` value in the middle of the file, on a line without diagnostics. */
function editPoint(text: string, diagnostics: Diagnostic[]): { line: number; character: number } {
  const lines = text.split('\n');
  const busy = new Set(diagnostics.map((d) => d.range.start.line));
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    const match = /^    replicas: (\d)$/.exec(lines[i]);
    if (match && !busy.has(i)) return { line: i, character: 14 };
  }
  throw new Error('no replicas line to edit');
}

/** Opens the manifest and waits for its first diagnostics: the milliseconds between. */
async function firstOpen(client: BenchClient, uri: string, text: string, languageId: string): Promise<number> {
  const opened = client.published(uri, () => true, 300_000);
  const clientCpu = process.cpuUsage();
  const openAt = client.open(uri, text, languageId);
  const openMs = (await opened) - openAt;
  // This process's own work (reading the diagnostics, its garbage) is in the figure: say so when it is not small.
  const { user, system } = process.cpuUsage(clientCpu);
  if ((user + system) / 1000 > openMs / 20) log(`  note: the benchmark itself used ${Math.round((user + system) / 1000)} ms of CPU during this first open (${Math.round(openMs)} ms)`);
  const refused = client.diagnostics.get(uri)?.find((d) => d.code === 'file-too-large');
  if (refused) throw new Error(`the server did not analyse the manifest: ${refused.message}`);
  return openMs;
}

async function measureServer(client: BenchClient, rootUri: string, text: string, languageId: string, rounds: number, requests: number): Promise<ServerFigures> {
  const uri = `${rootUri}/architecture.yaml`;
  const openMs = await firstOpen(client, uri, text, languageId);
  await new Promise((r) => setTimeout(r, 300));
  // One character typed inside a component in the middle: 'x' after the digit of `replicas: 2` (a schema error
  // for both servers), then deleted again (the error goes): each edit changes what is published, and each moves
  // everything after it by one character, as typing does.
  const point = editPoint(text, client.diagnostics.get(uri) ?? []);
  const onLine = (d: Diagnostic[]) => d.some((x) => x.range.start.line === point.line);
  const after = { line: point.line, character: point.character + 1 };
  const editMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [typed, expectError] of [['x', true], ['', false]] as const) {
      const published = client.published(uri, (d) => onLine(d) === expectError, 120_000);
      const at = client.edit(uri, after, typed ? after : { line: after.line, character: after.character + 1 }, typed);
      editMs.push((await published) - at);
    }
  }
  await new Promise((r) => setTimeout(r, 300));
  const positions = requestPositions(text, requests);
  const completionMs: number[] = [];
  const hoverMs: number[] = [];
  for (const { hover, completion } of positions) {
    completionMs.push((await client.time('textDocument/completion', { textDocument: { uri }, position: completion })).ms);
    hoverMs.push((await client.time('textDocument/hover', { textDocument: { uri }, position: hover })).ms);
  }
  const diagnostics = client.diagnostics.get(uri)?.length ?? 0;
  client.close(uri);
  await new Promise((r) => setTimeout(r, 500));
  const reopened = client.published(uri, (d) => d.length > 0 || diagnostics === 0, 300_000);
  const reopenAt = client.open(uri, text, languageId);
  const reopenMs = (await reopened) - reopenAt;
  return { openMs, reopenMs, editMs, completionMs, hoverMs, peakRss: client.peakRss(), diagnostics };
}

/** The server as an editor starts it; BENCH_SERVER_ARGS adds Node options (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`). */
// A first manifest of 10,000 components is 8 MiB, over the 5 MB default limit: the team raises archframe.maxFileSize.
function archframeClient(): BenchClient {
  const extra = [...SERVER_NODE_OPTIONS, ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])];
  return new BenchClient([process.execPath, ...extra, SERVER, '--stdio'], { archframe: { maxFileSize: 64 * 1024 * 1024 } }, serverEnvironment());
}

/** Fresh servers per first-open figure: its median, as the fresh-process floor's. */
const FIRST_OPENS = 3;

async function archframeOnManifest(dir: string, text: string, rounds: number): Promise<ServerFigures & { indexMs: number; firstOpens: number[] }> {
  const rootUri = pathToFileURL(dir).href;
  const figures = await withArchframe(rootUri, async (client, indexMs) => ({ ...(await measureServer(client, rootUri, text, 'archframe-manifest', rounds, REQUESTS)), indexMs }));
  const firstOpens = [figures.openMs];
  while (firstOpens.length < FIRST_OPENS) firstOpens.push(await withArchframe(rootUri, (client) => firstOpen(client, `${rootUri}/architecture.yaml`, text, 'archframe-manifest')));
  return { ...figures, openMs: median(firstOpens), firstOpens };
}

/** A fresh server on a folder, once its index is built (indexMs after initialize); shut down afterwards. */
async function withArchframe<T>(rootUri: string, measure: (client: BenchClient, indexMs: number) => Promise<T>): Promise<T> {
  const client = archframeClient();
  try {
    const started = await client.initialize(rootUri);
    await client.progressEnd(120_000);
    return await measure(client, (client.progressEnded ?? NaN) - started);
  } finally {
    await client.shutdown();
  }
}

async function peerOnManifest(dir: string, text: string, rounds: number, requests: number): Promise<ServerFigures> {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(SCHEMA).href]: ['*.arch.yaml', 'architecture.yaml'] },
  };
  const client = new BenchClient([process.execPath, PEER, '--stdio'], { yaml, '[yaml]': {}, editor: {}, files: {}, http: {} });
  try {
    // yaml-language-server matches `yaml.schemas` globs with picomatch without `dot: true`, so no glob matches a file
    // under `.bench/`; it reads nothing from the workspace, so the same text is opened under a folder without a dot.
    const rootUri = pathToFileURL(dir.replace('/.bench/', '/bench/')).href;
    await client.initialize(rootUri, { settings: { yaml } });
    await new Promise((r) => setTimeout(r, 500));
    return await measureServer(client, rootUri, text, 'yaml', rounds, requests);
  } finally {
    await client.shutdown();
  }
}

// ── ADR workspaces ──────────────────────────────────────────────────────────

interface AdrFigures {
  startMs: number;
  indexMs: number;
  firstDiagnosticsMs: number;
  editMs: number[];
  /** Completion in an ADR: a link target after `](`, an id after `ADR-` (REQUESTS / 2 each). */
  linkCompletionMs: number[];
  idCompletionMs: number[];
  peakRss: number;
  cliMs: number;
  cliRss: number;
}

async function archframeOnAdrs(dir: string, count: number): Promise<Omit<AdrFigures, 'cliMs' | 'cliRss'>> {
  const client = archframeClient();
  try {
    const rootUri = pathToFileURL(dir).href;
    const started = await client.initialize(rootUri);
    const startMs = (client.initializedAt ?? NaN) - client.spawnedAt;
    await client.progressEnd(300_000);
    const first = client.firstDiagnostics ?? (await client.published(undefined));
    // An ADR in the middle: its status word gets one character too many, and loses it again.
    const n = Math.floor(count / 2) + 1;
    const file = readdirOne(join(dir, 'docs/adr'), String(n).padStart(4, '0') + '-');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const line = lines.indexOf('Accepted');
    const published = client.published(uri);
    client.open(uri, text, 'markdown');
    await published;
    const editMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const [typed, expectError] of [['x', true], ['', false]] as const) {
        const error = (d: Diagnostic[]) => d.some((x) => x.range.start.line === line && x.severity === 1);
        const done = client.published(uri, (d) => error(d) === expectError);
        const at = client.edit(uri, { line, character: 8 }, { line, character: typed ? 8 : 9 }, typed);
        editMs.push((await done) - at);
      }
    }
    // Completion at the end of the ADR: a link target, then an ADR id, each as the first thing typed there.
    const typed = '\nSee [the other](\nSee ADR-';
    const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
    client.edit(uri, last, last, typed);
    const end = (text + typed).split('\n').length - 2;
    await new Promise((r) => setTimeout(r, 500));
    const completionMs = async (line: number, character: number) => {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS / 2; i++) times.push((await client.time('textDocument/completion', { textDocument: { uri }, position: { line, character } })).ms);
      return times;
    };
    const linkCompletionMs = await completionMs(end, 'See [the other]('.length);
    const idCompletionMs = await completionMs(end + 1, 'See ADR-'.length);
    // Both answered with ADRs (not something else at a wrong position).
    for (const [line, character, pattern] of [[end, 16, /\.md$/], [end + 1, 8, /^ADR-\d+$/]] as const) {
      const list = (await client.time('textDocument/completion', { textDocument: { uri }, position: { line, character } })).result as { items: { label: string }[] };
      if (!list.items.length || !list.items.every((item) => pattern.test(item.label))) throw new Error(`unexpected completion at ${line}:${character}: ${JSON.stringify(list.items.slice(0, 3))}`);
    }
    return { startMs, indexMs: (client.progressEnded ?? NaN) - started, firstDiagnosticsMs: first - started, editMs, linkCompletionMs, idCompletionMs, peakRss: client.peakRss() };
  } finally {
    await client.shutdown();
  }
}

function readdirOne(dir: string, prefix: string): string {
  const name = (require('node:fs') as typeof import('node:fs')).readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no ${prefix}* in ${dir}`);
  return join(dir, name);
}

/** Wall time and peak RSS of `node dist/cli.js check <dir>`. */
function cli(dir: string): { ms: number; rss: number } {
  const command = [process.execPath, CLI, 'check', dir];
  if (existsSync('/usr/bin/time')) {
    const result = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %M', ...command], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const match = /BENCH ([\d.]+) (\d+)/.exec(result.stderr);
    if (match) return { ms: Number(match[1]) * 1000, rss: Number(match[2]) * 1024 };
  }
  const started = performance.now();
  spawnSync(command[0], command.slice(1), { maxBuffer: 1 << 28 });
  return { ms: performance.now() - started, rss: NaN };
}

// ── bundles and activation ──────────────────────────────────────────────────

function buildProduction(): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--production', `--outdir=${PRODUCTION}`], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`production build failed: ${build.stderr}`);
}

function bundles(): { sizes: Record<string, number>; activation: { requireMs: number; toSpawnMs: number | null } } {
  const out = PRODUCTION;
  const sizes: Record<string, number> = {};
  for (const name of ['extension.js', 'server.js', 'layout.js', 'cli.js']) if (existsSync(join(out, name))) sizes[name] = statSync(join(out, name)).size;
  const runs = Array.from({ length: 5 }, () => JSON.parse(spawnSync(process.execPath, [join(__dirname, 'activate-probe.cjs'), join(out, 'extension.js')], { encoding: 'utf8' }).stdout));
  return {
    sizes,
    activation: { requireMs: median(runs.map((r) => r.requireMs)), toSpawnMs: runs.every((r) => r.toSpawnMs !== null) ? median(runs.map((r) => r.toSpawnMs)) : null },
  };
}

// ── the table ───────────────────────────────────────────────────────────────

const ms = (x: number) => (Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const mb = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x / 1024 / 1024)} MB`);
const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? '–' : `${(a / b).toFixed(2)}×`);
const kb = (x: number) => (x >= 1024 * 1024 ? `${(x / 1024 / 1024).toFixed(2)} MiB` : `${Math.round(x / 1024)} KiB`);

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ':--' : '--:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

async function main(): Promise<void> {
  if (withPeer) withPeer = ensurePeer();
  if (!existsSync(SCHEMA)) throw new Error(`${SCHEMA} is missing: run \`npm run build\` first`);
  const began = performance.now();
  log(`production bundles in ${PRODUCTION} …`);
  buildProduction();
  const load = loadavg().map((x) => x.toFixed(2)).join(', ');
  log(`generating workspaces in ${BENCH} …`);
  const workspaces = generate(sizes, { carelessEvery: shape === 'findings' ? 3 : undefined });
  const manifestResults: { components: number; bytes: number; floorCold: number; floorDefault: number; floorNoUnique: number; archframe: ServerFigures & { indexMs: number; firstOpens: number[] }; peer?: ServerFigures }[] = [];
  for (const m of workspaces.manifests) {
    log(`manifest of ${m.components} components: floor …`);
    const floorCold = coldFloor(m.file);
    const { byDefault: floorDefault, noUnique: floorNoUnique } = warmFloors(m.file, Buffer.byteLength(m.text));
    const rounds = m.components >= 5000 ? 3 : m.components >= 1000 ? 5 : 10;
    log('  archframe …');
    const archframe = await archframeOnManifest(m.dir, m.text, rounds);
    let peer: ServerFigures | undefined;
    if (withPeer) {
      log('  yaml-language-server …');
      peer = await peerOnManifest(m.dir, m.text, rounds, m.components >= 5000 ? 10 : 40);
    }
    manifestResults.push({ components: m.components, bytes: Buffer.byteLength(m.text), floorCold, floorDefault, floorNoUnique, archframe, peer });
  }
  const adrResults: (AdrFigures & { count: number })[] = [];
  for (const a of workspaces.adrs) {
    log(`${a.count} ADRs: server …`);
    const server = await archframeOnAdrs(a.dir, a.count);
    log('  CLI …');
    const c = cli(a.dir);
    adrResults.push({ count: a.count, ...server, cliMs: c.ms, cliRss: c.rss });
  }
  log('production bundles and activation …');
  const start = bundles();

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${process.platform}; load average at start ${load}, at end ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  const sizesHeader = ['manifest', ...manifestResults.map((r) => `${r.components.toLocaleString('en')} components (${kb(r.bytes)})`), 'target'];
  const peerOf = (f: (p: ServerFigures) => string) => manifestResults.map((r) => (r.peer ? f(r.peer) : '–'));
  const rows: string[][] = [
    ['floor: `yaml` parseDocument, default options (uniqueKeys: true), first parse in a fresh process (median of 3)', ...manifestResults.map((r) => ms(r.floorCold)), ''],
    ['floor: `yaml` parseDocument, default options (uniqueKeys: true), warm (median)', ...manifestResults.map((r) => ms(r.floorDefault)), ''],
    ['floor: `yaml` parseDocument, uniqueKeys: false, warm (median)', ...manifestResults.map((r) => ms(r.floorNoUnique)), ''],
    [`archframe open → diagnostics (first open in the server; median of ${FIRST_OPENS} servers)`, ...manifestResults.map((r) => `${ms(r.archframe.openMs)} (${r.archframe.firstOpens.map(ms).join(', ')})`), ''],
    ['archframe open → diagnostics (closed and opened again)', ...manifestResults.map((r) => ms(r.archframe.reopenMs)), ''],
    ['yaml-language-server open → diagnostics (first open)', ...peerOf((p) => ms(p.openMs)), ''],
    ['archframe first open / fresh-process floor', ...manifestResults.map((r) => ratio(r.archframe.openMs, r.floorCold)), '≤ 1.15×'],
    ['archframe re-open / warm floor (default)', ...manifestResults.map((r) => ratio(r.archframe.reopenMs, r.floorDefault)), '≤ 1.3×'],
    ['archframe re-open / warm floor (uniqueKeys: false)', ...manifestResults.map((r) => ratio(r.archframe.reopenMs, r.floorNoUnique)), ''],
    ['archframe edit → diagnostics (median, p95)', ...manifestResults.map((r) => `${ms(median(r.archframe.editMs))}, ${ms(quantile(r.archframe.editMs, 0.95))}`), ''],
    ['yaml-language-server edit → diagnostics (median)', ...peerOf((p) => ms(median(p.editMs))), ''],
    ['archframe edit / peer edit', ...manifestResults.map((r) => (r.peer ? ratio(median(r.archframe.editMs), median(r.peer.editMs)) : '–')), '≤ 0.15×'],
    [`archframe completion (median, p95 of ${REQUESTS})`, ...manifestResults.map((r) => `${ms(median(r.archframe.completionMs))}, ${ms(quantile(r.archframe.completionMs, 0.95))}`), 'p95 < 5 ms'],
    [`archframe hover (median, p95 of ${REQUESTS})`, ...manifestResults.map((r) => `${ms(median(r.archframe.hoverMs))}, ${ms(quantile(r.archframe.hoverMs, 0.95))}`), 'p95 < 5 ms'],
    ['yaml-language-server completion, hover (medians)', ...peerOf((p) => `${ms(median(p.completionMs))}, ${ms(median(p.hoverMs))}`), ''],
    ['archframe peak RSS', ...manifestResults.map((r) => mb(r.archframe.peakRss)), ''],
    ['yaml-language-server peak RSS', ...peerOf((p) => mb(p.peakRss)), ''],
    ['archframe RSS / peer RSS', ...manifestResults.map((r) => (r.peer ? ratio(r.archframe.peakRss, r.peer.peakRss) : '–')), '≤ 0.35×'],
    ['diagnostics on the manifest: archframe, peer', ...manifestResults.map((r) => `${r.archframe.diagnostics}, ${r.peer?.diagnostics ?? '–'}`), ''],
  ];
  const adrRows: string[][] = [
    ['server start (spawn → initialize answered)', ...adrResults.map((r) => ms(r.startMs)), ''],
    ['index built (initialize → progress end)', ...adrResults.map((r) => ms(r.indexMs)), '< 3 s (10,000)'],
    ['first diagnostics (initialize → first publish)', ...adrResults.map((r) => ms(r.firstDiagnosticsMs)), ''],
    ['ADR edit → diagnostics (median, p95)', ...adrResults.map((r) => `${ms(median(r.editMs))}, ${ms(quantile(r.editMs, 0.95))}`), ''],
    [`completion of a link target in an ADR (median, p95 of ${REQUESTS / 2})`, ...adrResults.map((r) => `${ms(median(r.linkCompletionMs))}, ${ms(quantile(r.linkCompletionMs, 0.95))}`), 'p95 < 10 ms'],
    [`completion of an ADR id in an ADR (median, p95 of ${REQUESTS / 2})`, ...adrResults.map((r) => `${ms(median(r.idCompletionMs))}, ${ms(quantile(r.idCompletionMs, 0.95))}`), 'p95 < 10 ms'],
    ['server peak RSS', ...adrResults.map((r) => mb(r.peakRss)), '< 200 MB (10,000)'],
    ['CLI `archframe check`: wall time', ...adrResults.map((r) => ms(r.cliMs)), ''],
    ['CLI `archframe check`: peak RSS', ...adrResults.map((r) => mb(r.cliRss)), ''],
  ];
  const bundleTotal = (start.sizes['extension.js'] ?? 0) + (start.sizes['server.js'] ?? 0);
  const startRows: string[][] = [
    ['dist/extension.js (client)', kb(start.sizes['extension.js'] ?? 0), ''],
    ['dist/server.js', kb(start.sizes['server.js'] ?? 0), ''],
    ['client + server', kb(bundleTotal), '< 2 MB'],
    ['dist/layout.js (diagram layout, loaded on the first diagram request)', start.sizes['layout.js'] ? kb(start.sizes['layout.js']) : '–', ''],
    ['activation: require(extension.js) (vscode stubbed)', ms(start.activation.requireMs), ''],
    ['activation: require + activate() until the client spawns the server', start.activation.toSpawnMs === null ? '–' : ms(start.activation.toSpawnMs), '< 100 ms'],
  ];
  const text = [
    `Machine: ${machine}`,
    '',
    table(sizesHeader, rows),
    '',
    table(['ADR workspace', ...adrResults.map((r) => `${r.count.toLocaleString('en')} ADRs`), 'target'], adrRows),
    '',
    table(['start-up (production build)', 'value', 'target'], startRows),
    '',
    `${withPeer ? `yaml-language-server ${JSON.parse(readFileSync(join(PEER_HOME, 'package.json'), 'utf8')).version}` : 'no peer'}; whole run ${ms(performance.now() - began)}.`,
  ].join('\n');
  console.log(text);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(BENCH, `results-${stamp}.json`), JSON.stringify({ machine, sizes, manifestResults, adrResults, start }, null, 2));
  writeFileSync(join(BENCH, `results-${stamp}.md`), text + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
