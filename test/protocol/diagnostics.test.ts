import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

// Clean under every rule but for the typo, so the test sees exactly what the typo causes.
const MANIFEST = ['archframe: 1', 'system: shop', 'teams:', '  core: {}', 'components:', '  api:', '    kind: library', '    owner: core', '    replcas: 2', ''].join('\n');

describe('diagnostics over the protocol', () => {
  let folder: string;
  let client: TestClient;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-protocol-'));
    writeFileSync(join(folder, 'on-disk.arch.yaml'), 'archframe: 7\nsystem: x\n');
    client = new TestClient();
    const result = await client.initialize(fileUri(folder));
    assert.equal(result.serverInfo?.name, 'archframe');
  });

  after(async () => {
    const code = await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
    assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
  });

  it('publishes one diagnostic on exactly the misspelt key, with a suggestion, and clears it once fixed', async () => {
    const uri = fileUri(join(folder, 'architecture.yaml'));
    client.open(uri, MANIFEST);
    const [diagnostic, ...rest] = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(rest.length, 0);
    assert.deepEqual(diagnostic.range, { start: { line: 8, character: 4 }, end: { line: 8, character: 11 } });
    assert.equal(diagnostic.code, 'schema-unknown-key');
    assert.equal(diagnostic.source, 'archframe');
    assert.equal(diagnostic.severity, 1);
    assert.match(diagnostic.message, /Did you mean 'replicas'\?/);
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/schema-unknown-key\.md$/);

    // Fix the typo with an incremental edit, as an editor would: insert the missing 'i'.
    client.edit(uri, { start: { line: 8, character: 8 }, end: { line: 8, character: 8 } }, 'i');
    const cleared = await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.deepEqual(cleared, []);
  });

  it('reports files of the workspace that are not open', async () => {
    const uri = fileUri(join(folder, 'on-disk.arch.yaml'));
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['manifest-version', 0]]);
  });

  it('answers a file that is not YAML and an empty file with a diagnostic, and stays up', async () => {
    const garbage = fileUri(join(folder, 'garbage.arch.yaml'));
    client.open(garbage, '\u0000\u0001 {{{ ][ :::: "');
    const garbageDiagnostics = await client.waitForDiagnostics(garbage, (d) => d.length > 0);
    assert.ok(garbageDiagnostics.every((d) => d.code === 'file-not-text'));

    const empty = fileUri(join(folder, 'empty.arch.yaml'));
    client.open(empty, '');
    const emptyDiagnostics = await client.waitForDiagnostics(empty, (d) => d.length > 0);
    assert.deepEqual(emptyDiagnostics.map((d) => d.code), ['manifest-version']);

    const notYaml = fileUri(join(folder, 'prose.arch.yaml'));
    client.open(notYaml, 'key: [unclosed\n  - and: {broken\n');
    const notYamlDiagnostics = await client.waitForDiagnostics(notYaml, (d) => d.length > 0);
    assert.ok(notYamlDiagnostics.some((d) => d.code === 'yaml-syntax'));
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });

  it('answers a 5 MB manifest with its diagnostics', async () => {
    const parts = ['archframe: 1', 'system: big', 'teams:', '  big-team: {}', 'components:'];
    for (let i = 0, size = 0; size < 5_000_000; i++) {
      const entry = `  service-${i}:\n    kind: library\n    owner: big-team\n    description: "${'x'.repeat(80)}"`;
      parts.push(entry);
      size += entry.length + 1;
    }
    parts.push('  broken:', '    kind: libary', '    owner: big-team');
    const uri = fileUri(join(folder, 'big.arch.yaml'));
    client.settings = { maxFileSize: 8 * 1024 * 1024 };
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    client.open(uri, parts.join('\n') + '\n');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 60_000);
    assert.deepEqual(diagnostics.map((d) => d.code), ['schema-enum']);
    assert.equal(diagnostics[0].range.start.line, parts.join('\n').split('\n').length - 2);
  });

  it('writes nothing but protocol messages to stdout', () => {
    // The JSON-RPC reader would have failed on anything else; stderr carries no crash either.
    assert.ok(!client.logs.some((line) => /uncaught|unhandled/i.test(line)), client.logs.join('\n'));
  });
});
