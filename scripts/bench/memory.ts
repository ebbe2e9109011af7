// Where the server's memory goes, phase by phase: the production server,
// started as the client starts it, on a generated manifest workspace; after
// each phase, the process's resident memory (now and peak) split into
// anonymous memory (heaps, malloc) and file-backed pages (mostly the node
// binary). For finding what to cut; `npm run bench` is the measure.
// Usage: tsx scripts/bench/memory.ts [components=100] [--edits=20] [--shape=findings]
// (needs `npm run bench` or `node scripts/build.mjs --production --outdir=.bench/dist` once)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_OPTIONS, serverEnvironment } from '../../client/src/serverProcess';
import { BENCH, generate } from './generate';
import { BenchClient } from './lsp';

const components = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
const edits = Number(process.argv.find((a) => a.startsWith('--edits='))?.slice('--edits='.length) ?? 20);
const findings = process.argv.includes('--shape=findings');
const SERVER = process.env.BENCH_SERVER ?? join(BENCH, 'dist/server.js');

/** VmRSS, VmHWM, RssAnon and RssFile of a process, in MB. */
function memory(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024);
  return `RSS ${mb('VmRSS')} MB, peak ${mb('VmHWM')} MB (anonymous ${mb('RssAnon')} MB, file-backed ${mb('RssFile')} MB)`;
}

async function main(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node scripts/build.mjs --production --outdir=.bench/dist\``);
  const [workspace] = generate({ components: [components], adrs: [] }, { carelessEvery: findings ? 3 : undefined }).manifests;
  const extra = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
  const client = new BenchClient([process.execPath, ...SERVER_NODE_OPTIONS, ...extra, SERVER, '--stdio'], { archframe: { maxFileSize: 64 * 1024 * 1024 } }, serverEnvironment());
  const pid = client.process.pid!;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const phase = (name: string) => console.log(`${name.padEnd(34)} ${memory(pid)}`);
  try {
    await settle();
    phase('started');
    const rootUri = pathToFileURL(workspace.dir).href;
    await client.initialize(rootUri);
    await client.progressEnd(120_000);
    await settle();
    phase('workspace indexed');

    const uri = `${rootUri}/architecture.yaml`;
    const text = workspace.text;
    const opened = client.published(uri);
    client.open(uri, text, 'archframe-manifest');
    await opened;
    await settle();
    phase(`manifest opened (${components} components)`);

    // A character typed after a `replicas:` value in the middle, then deleted, as the benchmark edits.
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && /^ {4}replicas: \d$/.test(l));
    for (let i = 0; i < edits; i++) {
      const published = client.published(uri);
      const typed = i % 2 === 0;
      client.edit(uri, { line, character: 15 }, { line, character: typed ? 15 : 16 }, typed ? 'x' : '');
      await published;
    }
    await settle();
    phase(`${edits} edits`);

    const kinds = lines.flatMap((l, i) => (l.startsWith('    kind: ') ? [i] : []));
    for (let k = 0; k < 200; k++) {
      const i = kinds[k % kinds.length];
      await client.time('textDocument/completion', { textDocument: { uri }, position: { line: i, character: 10 } });
      await client.time('textDocument/hover', { textDocument: { uri }, position: { line: i, character: 5 } });
    }
    await settle();
    phase('200 completions and hovers');

    client.close(uri);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const reopened = client.published(uri, (d) => d.length > 0);
    client.open(uri, text, 'archframe-manifest');
    await reopened;
    await settle();
    phase('closed and opened again');
  } finally {
    await client.shutdown();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
