import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

/**
 * The language server over a hostile workspace on disk: what it reads (only
 * inside the folder, never a file over the limit whole), what it writes
 * (nothing on its own), and how it answers alias bombs, deep nesting, a
 * broken configuration.
 */

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      hash.update(path.relative(root, full));
      if (entry.isSymbolicLink()) hash.update('->' + fs.readlinkSync(full));
      else if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(root);
  return hash.digest('hex');
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

const MANIFEST = ['archframe: 1', 'system: shop', 'teams:', '  core: { type: stream-aligned }', 'components:', '  api:', '    kind: service', '    owner: core', '    runbook: ../../secret.md', ''].join('\n');
const ADR = ['# 1. Use PostgreSQL', '', 'Status: accepted', '', 'Date: 2024-01-05', '', '## Context', '', 'See [passwords](../../../../etc/passwd) and [outside](../../../outside/secret.md).', '', '## Decision', '', 'PostgreSQL.', '', '## Consequences', '', 'Effort.', ''].join('\n');

describe('language server over a hostile workspace', () => {
  let outside: string;
  let root: string;
  let rootUri: string;
  let client: TestClient;
  let hashBefore: string;
  const uri = (relative: string) => `${rootUri}/${relative}`;

  before(async () => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'archframe-hostile-'));
    fs.mkdirSync(path.join(outside, 'outside'));
    fs.writeFileSync(path.join(outside, 'outside/secret.md'), '# Runbook: secret\n\nThe outside secret.\n');
    root = path.join(outside, 'ws');
    fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
    fs.mkdirSync(path.join(root, 'docs/runbooks'), { recursive: true });
    fs.writeFileSync(path.join(root, 'architecture.yaml'), MANIFEST);
    fs.writeFileSync(path.join(root, 'docs/adr/0001-use-postgresql.md'), ADR);
    // A 100 MB manifest: one file-too-large diagnostic, and never read whole.
    const chunk = Buffer.from('# ' + 'x'.repeat(1024 * 1024 - 3) + '\n');
    const fd = fs.openSync(path.join(root, 'huge.arch.yaml'), 'w');
    fs.writeSync(fd, 'archframe: 1\nsystem: huge\n');
    for (let i = 0; i < 100; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(root, 'binary.arch.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    fs.writeFileSync(path.join(root, 'latin1.arch.yaml'), Buffer.concat([Buffer.from('archframe: 1\nsystem: caf'), Buffer.from([0xe9]), Buffer.from('\ncomponents:\n  api:\n    kind: service\n')]));
    // Symbolic links out of the workspace: a runbook and a folder.
    fs.symlinkSync(path.join(outside, 'outside/secret.md'), path.join(root, 'docs/runbooks/leak.md'));
    fs.symlinkSync(path.join(outside, 'outside'), path.join(root, 'docs/runbooks/linked'));
    // A broken configuration: reported, and the defaults apply meanwhile.
    fs.writeFileSync(path.join(root, '.archframe.yaml'), 'rules:\n  single-owner: [oops\n');
    hashBefore = treeHash(outside);
    rootUri = fileUri(root);
    client = new TestClient();
    await client.initialize(rootUri);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a 100 MB manifest on disk gets one file-too-large diagnostic, and the server never holds it whole', async () => {
    const started = Date.now();
    const diagnostics = await client.waitForDiagnostics(uri('huge.arch.yaml'), (d) => d.length > 0, 20_000);
    assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
    assert.match(diagnostics[0].message, /^File too large to analyse: 100 MB > 5\.0 MB limit, configurable with `maxFileSize` in \.archframe\.yaml or the archframe\.maxFileSize setting\.$/);
    const peak = peakRssMb(client.process.pid!);
    console.log(`# 100 MB file: diagnostic ${Date.now() - started} ms after start, server peak RSS ${Math.round(peak)} MB`);
    // Reading it whole would hold 100 MB of text on top of the server's own ~100 MB.
    assert.ok(peak < 190, `peak RSS ${Math.round(peak)} MB`);
  });

  it('the CLI reports the 100 MB manifest as too large, quickly and without reading it whole', () => {
    // A folder of its own (the workspace's broken .archframe.yaml makes the CLI refuse, as it should), holding the same file.
    const alone = path.join(outside, 'alone');
    fs.mkdirSync(alone);
    fs.linkSync(path.join(root, 'huge.arch.yaml'), path.join(alone, 'huge.arch.yaml'));
    const started = Date.now();
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '.'], { cwd: alone, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = Date.now() - started;
    fs.rmSync(alone, { recursive: true, force: true });
    assert.equal(result.status, 0, result.stderr); // file-too-large is a warning
    const findings = JSON.parse(result.stdout) as { ruleId?: string; file?: string; uri?: string; message: string }[] | { findings: { ruleId: string; message: string }[] };
    const list = Array.isArray(findings) ? findings : findings.findings;
    const huge = list.filter((f) => /100 MB > 5\.0 MB limit/.test(f.message));
    assert.equal(huge.length, 1, result.stdout.slice(0, 2000));
    console.log(`# CLI over the workspace with a 100 MB manifest: ${ms} ms`);
    assert.ok(ms < 15_000);
  });

  it('binary and invalid UTF-8 files with manifest names: a diagnostic, no crash', async () => {
    assert.deepEqual((await client.waitForDiagnostics(uri('binary.arch.yaml'), (d) => d.length > 0)).map((d) => d.code), ['file-not-text']);
    const latin1 = await client.waitForDiagnostics(uri('latin1.arch.yaml'), (d) => d.length > 0);
    assert.ok(latin1.length > 0);
  });

  it('a broken .archframe.yaml is reported, and the defaults apply meanwhile', async () => {
    const config = await client.waitForDiagnostics(uri('.archframe.yaml'), (d) => d.length > 0);
    assert.ok(config.some((d) => d.code === 'yaml-syntax'), JSON.stringify(config));
    const manifest = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => d.length > 0);
    assert.ok(manifest.some((d) => d.code === 'health-check'), JSON.stringify(manifest.map((d) => d.code)));
  });

  it('nothing outside the folder is read: symbolic links are not followed, `..` paths and links are not opened', async () => {
    await client.waitForDiagnostics(uri('architecture.yaml'), (d) => d.length > 0);
    const published = [...client.diagnostics.keys()];
    assert.ok(!published.some((u) => u.includes('/runbooks/leak.md') || u.includes('/runbooks/linked/') || u.includes('/outside/')), published.join('\n'));
    // A watcher event for the symlink, and closing an editor on it, must not make the server read through it.
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('docs/runbooks/leak.md'), type: 2 }, { uri: uri('docs/runbooks/../../outside/secret.md'), type: 2 }] });
    client.open(uri('docs/runbooks/linked/secret.md'), '# Runbook: secret\n');
    client.close(uri('docs/runbooks/linked/secret.md'));
    await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('architecture.yaml') } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = [...client.diagnostics.entries()].filter(([u, d]) => (u.includes('leak.md') || u.includes('outside')) && d.length > 0);
    assert.deepEqual(after, []);
    // The ADR's links that climb out of the workspace are reported as links, not followed.
    const links = (await client.request<{ target?: string }[]>('textDocument/documentLink', { textDocument: { uri: uri('docs/adr/0001-use-postgresql.md') } })) ?? [];
    for (const link of links) assert.ok(!link.target || !link.target.startsWith('file:') || !fs.existsSync(new URL(link.target).pathname) || new URL(link.target).pathname.startsWith(root), link.target);
  });

  it('alias bombs and deep nesting typed into the editor: diagnostics, and the server keeps answering', async () => {
    const bomb = ['archframe: 1', 'system: shop', 'x-anchors:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) bomb.push(`  ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    bomb.push('components:', '  api:', '    kind: service', '    tags: *i', '');
    client.open(uri('bomb.arch.yaml'), bomb.join('\n'));
    const bombDiagnostics = await client.waitForDiagnostics(uri('bomb.arch.yaml'), (d) => d.some((x) => /too many alias expansions/.test(x.message)));
    assert.ok(bombDiagnostics.length > 0);
    client.open(uri('deep.arch.yaml'), 'archframe: 1\nsystem: deep\ncomponents: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    await client.waitForDiagnostics(uri('deep.arch.yaml'), (d: Diagnostic[]) => d.some((x) => /nested too deeply/.test(x.message)));
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: uri('deep.arch.yaml') } });
    assert.ok(Array.isArray(symbols));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uri('deep.arch.yaml') }, position: { line: 2, character: 5000 } });
    assert.ok(hover === null || typeof hover === 'object');
    client.close(uri('bomb.arch.yaml'));
    client.close(uri('deep.arch.yaml'));
    assert.equal(client.process.exitCode, null);
  });

  it('a whole session of opens, edits and requests changes nothing on disk; commands and fixes never overwrite', async () => {
    const manifest = uri('architecture.yaml');
    client.open(manifest, MANIFEST);
    client.edit(manifest, { start: { line: 6, character: 10 }, end: { line: 6, character: 17 } }, 'worker');
    client.edit(manifest, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }, '');
    for (const method of ['textDocument/documentSymbol', 'textDocument/codeLens', 'textDocument/documentLink', 'textDocument/foldingRange']) {
      await client.request(method, { textDocument: { uri: manifest } });
    }
    await client.request('textDocument/completion', { textDocument: { uri: manifest }, position: { line: 6, character: 12 } });
    await client.request('textDocument/rename', { textDocument: { uri: manifest }, position: { line: 5, character: 3 }, newName: 'gateway' }).catch(() => undefined);
    const actions = await client.request<{ edit?: { documentChanges?: { kind?: string; options?: { overwrite?: boolean } }[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: manifest },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
      context: { diagnostics: [] },
    });
    const creates = actions.flatMap((a) => a.edit?.documentChanges ?? []).filter((c) => c.kind === 'create');
    for (const create of creates) assert.equal(create.options?.overwrite, false);
    // A command the user invoked writes only through workspace/applyEdit, never over an existing file.
    await client.request('workspace/executeCommand', { command: 'archframe.server.newAdr', arguments: [{ title: 'Use Kafka', date: '2024-02-01' }] });
    await client.request('workspace/executeCommand', { command: 'archframe.server.newRunbook', arguments: ['api'] });
    assert.ok(client.appliedEdits.length >= 1);
    for (const applied of client.appliedEdits as { edit: { documentChanges: { kind?: string; options?: { overwrite?: boolean; ignoreIfExists?: boolean } }[] } }[]) {
      for (const change of applied.edit.documentChanges.filter((c) => c.kind === 'create')) assert.equal(change.options?.overwrite, false);
    }
    client.close(manifest);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: manifest } });
    assert.equal(treeHash(outside), hashBefore, 'the server changed files on disk');
  });
});
