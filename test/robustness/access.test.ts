import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TestClient, SERVER } from '../helpers/lspClient';

const REPO = path.resolve(__dirname, '../..');
const MANIFEST = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', ''].join('\n');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, f));
}

describe('what the server and the CLI touch', () => {
  it('file-system access lives in node/workspaceFiles.ts behind the inside-the-workspace check, and in CLI code for paths the user names (import sources, its -o file)', () => {
    const usesFs = (file: string) => /from 'node:fs'|from 'fs'|require\(['"](node:)?fs['"]\)|from 'node:fs\/promises'/.test(fs.readFileSync(file, 'utf8'));
    const relative = (file: string) => path.relative(REPO, file).split(path.sep).join('/');
    assert.deepEqual(sourceFiles(path.join(REPO, 'server/src/lsp')).filter(usesFs).map(relative), [], 'the protocol layer reads through node/');
    assert.deepEqual(sourceFiles(path.join(REPO, 'server/src/node')).filter(usesFs).map(relative), ['server/src/node/workspaceFiles.ts']);
    // The CLI reads and writes only what its user names on the command line (targets, --baseline, --output and --write-baseline: outputFile.ts), its own
    // rule docs, and the README index of the ADR folders under the folders named to `adr index` (replaceFile.ts).
    const cli = sourceFiles(path.join(REPO, 'server/src/cli')).filter(usesFs).map(relative).sort();
    const allowed = ['server/src/cli/baseline.ts', 'server/src/cli/commands/adr.ts', 'server/src/cli/commands/explain.ts', 'server/src/cli/formats/sarif.ts', 'server/src/cli/outputFile.ts', 'server/src/cli/replaceFile.ts', 'server/src/cli/sources.ts', 'server/src/cli/workspace.ts', 'server/src/cli/writeNewFile.ts'];
    assert.deepEqual(cli.filter((f) => !allowed.includes(f)), [], 'new file-system access in the CLI: check it reads only user-named paths, then list it here');
    // In workspaceFiles.ts, contents are read only by readWorkspaceFile, which first checks the real path is inside a root.
    const source = fs.readFileSync(path.join(REPO, 'server/src/node/workspaceFiles.ts'), 'utf8');
    const readers = [...source.matchAll(/export function (\w+)[^]*?\n}\n/g)].filter((m) => /readFileSync|openSync|readSync|createReadStream/.test(m[0]));
    assert.deepEqual(readers.map((m) => m[1]), ['readWorkspaceFile']);
    assert.match(readers[0][0], /\{\n\s+if \(!existsInside\(fsPath, roots\)\) return undefined;/);
  });

  it('in a virtual workspace (vscode-vfs://) the server reads nothing from disk and analyses the open documents', async () => {
    // A folder on disk whose path is the virtual folder's path: reading it would be reading the wrong files.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archframe-vfs-'));
    fs.writeFileSync(path.join(dir, 'architecture.yaml'), MANIFEST);
    fs.mkdirSync(path.join(dir, 'docs/adr'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs/adr/0001-x.md'), '# 1. X\n');
    const root = `vscode-vfs://github${dir}`;
    const client = new TestClient();
    try {
      await client.initialize(root);
      const uri = `${root}/architecture.yaml`;
      client.open(uri, MANIFEST + '  web:\n    kind: frontend\n');
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.ok(diagnostics.some((d) => d.code === 'health-check'));
      assert.deepEqual([...client.diagnostics.keys()].filter((u) => u !== uri), [], 'only the open document is analysed');
      // Closing it does not fall back to the disk either.
      client.close(uri);
      await client.waitForDiagnostics(uri, (d) => d.length === 0);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.equal(hover, null);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every byte the server writes to stdout is a framed LSP message; logs arrive as window/logMessage with levels', async () => {
    const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    server.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const send = (message: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
      server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      server.stdin.write(body);
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archframe-stdout-'));
    fs.writeFileSync(path.join(dir, 'architecture.yaml'), MANIFEST);
    fs.writeFileSync(path.join(dir, '.archframe.yaml'), 'rules: [broken\n');
    const root = `file://${dir}`;
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: root, capabilities: {}, trace: 'verbose' } });
    send({ method: 'initialized', params: {} });
    send({ method: '$/setTrace', params: { value: 'verbose' } });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: `${root}/architecture.yaml`, languageId: 'archframe-manifest', version: 1, text: MANIFEST + 'garbage: [\n' } } });
    send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: `${root}/architecture.yaml` }, position: { line: 3, character: 3 } } });
    send({ id: 3, method: 'textDocument/nonsense', params: {} });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    send({ id: 4, method: 'shutdown' });
    send({ method: 'exit' });
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
    const out = Buffer.concat(chunks);
    const messages: { method?: string; id?: number; params?: { type?: number } }[] = [];
    let offset = 0;
    while (offset < out.length) {
      const header = /^Content-Length: (\d+)\r\n(?:[^\r\n]+\r\n)*\r\n/.exec(out.subarray(offset, offset + 200).toString('latin1'));
      assert.ok(header, `not an LSP header at byte ${offset}: ${JSON.stringify(out.subarray(offset, offset + 80).toString())}`);
      const start = offset + header[0].length;
      const body = JSON.parse(out.subarray(start, start + Number(header[1])).toString('utf8'));
      assert.equal(body.jsonrpc, '2.0');
      messages.push(body);
      offset = start + Number(header[1]);
    }
    assert.equal(offset, out.length);
    assert.ok(messages.some((m) => m.id === 2) && messages.some((m) => m.id === 3) && messages.some((m) => m.id === 4));
    const logs = messages.filter((m) => m.method === 'window/logMessage');
    assert.ok(logs.length > 0 && logs.every((m) => [1, 2, 3, 4].includes(m.params!.type!)), JSON.stringify(logs));
    assert.ok(messages.some((m) => m.method === 'textDocument/publishDiagnostics'));
  });
});
