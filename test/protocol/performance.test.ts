import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { Session } from '../../server/src/lsp/session';
import { MAX_COMPLETIONS } from '../../server/src/engine/features/narrow';
import { engineFor, uriOf } from '../helpers/engine';
import { TestClient } from '../helpers/lspClient';

/** A manifest of `count` services in a chain; `insecure` names the one served without TLS. */
function manifest(count: number, insecure?: number): string {
  const out = ['archframe: 1', 'system: big', 'teams:', '  ops: { type: platform, oncall: ops-primary }', 'components:'];
  for (let i = 0; i < count; i++) {
    out.push(`  svc-${i}:`, '    kind: service', '    owner: ops', `    tls: ${i === insecure ? 'false' : 'true'}`);
    if (i + 1 < count) out.push('    dependsOn:', `      - { target: svc-${i + 1}, via: http, timeout: 1s, fallback: cached }`);
  }
  return out.join('\n') + '\n';
}

describe('large workspaces over the protocol', () => {
  let folder: string;
  let client: TestClient;
  const text = manifest(400);
  const lines = text.split('\n');
  let uri: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-performance-'));
    uri = fileUri(join(folder, 'architecture.yaml'));
    client = new TestClient();
    await client.initialize(fileUri(folder));
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it(`answers a completion of 400 names with at most ${MAX_COMPLETIONS}, marked incomplete, and narrows to what was typed`, async () => {
    const line = lines.indexOf('      - { target: svc-201, via: http, timeout: 1s, fallback: cached }');
    const character = lines[line].indexOf('svc-201');
    const all = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    assert.equal(all.isIncomplete, true);
    assert.ok(all.items.length <= MAX_COMPLETIONS && all.items.length > 10, `${all.items.length} items`);
    // Nothing typed yet: the first names in sort order (every name but its own component's), in that order.
    const names = Array.from({ length: 400 }, (_, i) => `svc-${i}`).filter((name) => name !== 'svc-200');
    assert.deepEqual(all.items.map((i) => i.label), names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_COMPLETIONS));
    // With 'svc-20' typed, every name that holds it is there (svc-20, svc-201…svc-209; not svc-200, whose
    // dependency this is), and nothing else.
    const typed = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: character + 'svc-20'.length } });
    const labels = typed.items.map((i) => i.label).sort();
    assert.deepEqual(labels, ['svc-20', ...Array.from({ length: 9 }, (_, k) => `svc-20${k + 1}`)].sort());
  });

  it('hovers a dependency target anywhere in the file', async () => {
    const line = lines.indexOf('      - { target: svc-350, via: http, timeout: 1s, fallback: cached }');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf('svc-350') + 2 } });
    assert.ok(hover, 'a hover');
    assert.match(JSON.stringify(hover.contents), /svc-350/);
  });
});

describe('a newer change cancels a stale analysis', () => {
  it('an analysis overtaken by a change stops at its next slice and publishes nothing; the newer one publishes', async () => {
    const published: { uri: string; diagnostics: Diagnostic[] }[] = [];
    const connection = {
      console: { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined },
      sendDiagnostics: (params: { uri: string; diagnostics: Diagnostic[] }) => published.push(params),
    };
    const session = new Session(connection as never);
    // Big enough that the analysis takes several slices.
    session.engine = engineFor({ 'architecture.yaml': manifest(600, 300) });
    const stale = session.publishInSlices();
    // The user fixes the insecure service while the analysis runs.
    session.engine.setFile(uriOf('architecture.yaml'), manifest(600));
    session.schedule(0);
    await stale;
    assert.equal(published.length, 0, 'the stale analysis published nothing');
    const deadline = Date.now() + 20_000;
    while (published.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(published.length, 1);
    const codes = published.flatMap((p) => p.diagnostics.map((d) => d.code));
    assert.ok(!codes.includes('transport-security'), `the publication is of the newer text: ${codes.join(', ')}`);
  });
});

describe('edits of a large file', () => {
  it('are analysed at once after a pause, and wait for the next change only within a burst', (t) => {
    const session = new Session({ console: { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined } } as never);
    session.engine = engineFor({});
    const delays: number[] = [];
    t.mock.method(session, 'schedule', (delay: number) => void delays.push(delay));
    let now = 1_000_000;
    t.mock.method(Date, 'now', () => now);
    const big = manifest(2000);
    assert.ok(big.length > 200_000, `${big.length} characters`);
    const uri = uriOf('architecture.yaml');
    session.changed(uri, big + '# a');
    now += 30;
    session.changed(uri, big + '# ab');
    now += 20;
    session.changed(uri, big + '# abc');
    now += 400;
    session.changed(uri, big + '# abcd');
    assert.deepEqual(delays, [0, 50, 50, 0], 'the first change and the one after a pause at once; those 30 and 20 ms after another wait');
    delays.length = 0;
    now += 10;
    session.changed(uriOf('small.arch.yaml'), manifest(3));
    assert.deepEqual(delays, [0], 'a small file at once, even in a burst');
  });
});

describe('after a publication', () => {
  it('the session builds the element runs of every engine, a document opened on its own too: its next edit re-runs only what it touches', async (t) => {
    const session = new Session({
      console: { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined },
      sendDiagnostics: async () => undefined,
    } as never);
    const uri = 'untitled:Untitled-1';
    const text = manifest(300, 150);
    t.mock.method(session, 'schedule', () => undefined);
    session.opened(uri, text, 'archframe-manifest');
    await session.publishInSlices();
    session.changed(uri, text.replace('    kind: service\n    owner: ops\n    tls: true\n', '    kind: service\n    owner: ops\n    tls: true\n    replicas: 2\n'));
    const engine = session.engineFor(uri);
    assert.ok(engine.findingsFor(uri).some((f) => f.ruleId === 'transport-security'));
    const { ran, kept } = engine.elementRunStatistics;
    assert.ok(kept > 10 * ran, `element runs kept ${kept}, made again ${ran}`);
  });
});

describe('the heap nudge around a publication', () => {
  const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined };

  it('collects a small heap once the diagnostics are written: a collection started earlier ran before the writer encoded them', async (t) => {
    const events: string[] = [];
    let written!: () => void;
    const session = new Session({
      console: quiet,
      sendDiagnostics: () => (events.push('write'), new Promise<void>((resolve) => (written = resolve))),
    } as never);
    session.nudgeHeap = (_released, beforeWrite) => void events.push(beforeWrite ? 'asked before' : 'nudge');
    t.mock.method(session, 'schedule', () => undefined);
    session.opened(uriOf('architecture.yaml'), manifest(20, 10), 'archframe-manifest');
    const publication = session.publishInSlices();
    while (!events.includes('write')) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(events, ['asked before', 'write'], 'no collection while the diagnostics are being written');
    written();
    await publication;
    assert.deepEqual(events, ['asked before', 'write', 'nudge']);
  });

  it('writes after the collection when the heap is large, and a publication made meanwhile after that one', async (t) => {
    const sent: string[] = [];
    const session = new Session({ console: quiet, sendDiagnostics: async (params: { uri: string; diagnostics: Diagnostic[] }) => void sent.push(`${params.uri.split('/').pop()} ${params.diagnostics.length}`) } as never);
    let collected!: () => void;
    let collections = 0;
    session.nudgeHeap = (_released, beforeWrite) => (beforeWrite && collections++ === 0 ? new Promise<void>((resolve) => (collected = resolve)) : undefined);
    t.mock.method(session, 'schedule', () => undefined);
    const uri = uriOf('architecture.yaml');
    session.opened(uri, manifest(20, 10), 'archframe-manifest');
    const first = session.publishInSlices();
    while (collections === 0) await new Promise((r) => setImmediate(r));
    session.changed(uri, manifest(20));
    const second = session.publishInSlices();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(sent.length, 0, 'nothing written while the collection runs');
    collected();
    await Promise.all([first, second]);
    assert.equal(sent.length, 2, sent.join(', '));
    assert.ok(Number(sent[0].split(' ')[1]) > Number(sent[1].split(' ')[1]), `the insecure manifest's diagnostics, then the fixed one's: ${sent.join(', ')}`);
  });
});
