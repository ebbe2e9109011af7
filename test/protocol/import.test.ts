import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

const FIXTURES = resolve(__dirname, '../fixtures/import');

interface RecordedEdit {
  edit: { documentChanges: ({ kind: 'create'; uri: string; options: { overwrite: boolean } } | { textDocument: { uri: string }; edits: { newText: string }[] })[] };
}

describe('Import Manifest over the protocol', () => {
  let folder: string;
  let client: TestClient;
  const uri = (path: string) => fileUri(join(folder, path));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-import-'));
    cpSync(FIXTURES, join(folder, 'deploy'), { recursive: true });
    client = new TestClient();
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates architecture.yaml from the chosen folders, never over a file, and the rules read it without a schema problem', async () => {
    const result = await client.request<{ uri: string; path: string }>('workspace/executeCommand', {
      command: 'archframe.server.importManifest',
      arguments: [{ sources: [uri('deploy/compose'), uri('deploy/kubernetes')] }],
    });
    assert.deepEqual(result, { uri: uri('architecture.yaml'), path: 'architecture.yaml' });
    const [create, fill] = (client.appliedEdits[0] as RecordedEdit).edit.documentChanges;
    assert.deepEqual(create, { kind: 'create', uri: uri('architecture.yaml'), options: { overwrite: false, ignoreIfExists: false } });
    const text = 'edits' in fill ? fill.edits[0].newText : '';
    assert.match(text, /# from deploy\/compose\/docker-compose\.yml:45 \(image docker\.io\/library\/postgres:16\)\n {2}db:/, 'paths are workspace-relative');
    assert.match(text, /^system: voting-app$/m);

    writeFileSync(join(folder, 'architecture.yaml'), text);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('architecture.yaml'), type: 1 }] });
    const diagnostics = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => d.length > 0);
    assert.deepEqual(diagnostics.filter((d) => /^(schema|yaml)-|unknown-reference|duplicate-name/.test(String(d.code))), []);
    assert.ok(diagnostics.some((d) => d.code === 'sync-timeout'), 'the to-do list starts with what the sources could not say');

    const second = await client.request<{ path: string }>('workspace/executeCommand', { command: 'archframe.server.importManifest', arguments: [{ sources: [uri('deploy/backstage/catalog-info.yaml')] }] });
    assert.equal(second.path, 'imported.arch.yaml', 'the workspace has a manifest: the import goes beside it');
  });

  it('answers with the file and line of a bad source, and writes nothing', async () => {
    client.appliedEdits.length = 0;
    writeFileSync(join(folder, 'broken-compose.yaml'), 'services:\n  web:\n    image: "nginx\n');
    const result = await client.request<{ message: string }>('workspace/executeCommand', { command: 'archframe.server.importManifest', arguments: [{ sources: [uri('broken-compose.yaml')] }] });
    assert.match(result.message, /^Nothing imported: broken-compose\.yaml:3:\d+: YAML: /);
    assert.equal(client.appliedEdits.length, 0);
    // The server reads nothing outside the workspace folders, even when asked to.
    const outside = await client.request<{ message: string }>('workspace/executeCommand', { command: 'archframe.server.importManifest', arguments: [{ sources: [fileUri(join(FIXTURES, 'compose/docker-compose.yml'))] }] });
    assert.match(outside.message, /^Cannot read .*docker-compose\.yml \(not a file inside the workspace folders\)\.$/);
    assert.equal(client.appliedEdits.length, 0);
  });
});
