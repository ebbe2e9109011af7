import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

describe('workspace folders over the protocol', () => {
  let first: string;
  let second: string;
  let client: TestClient;

  before(async () => {
    first = mkdtempSync(join(tmpdir(), 'archframe-folder-a-'));
    second = mkdtempSync(join(tmpdir(), 'archframe-folder-b-'));
    writeFileSync(join(first, 'architecture.yaml'), 'archframe: 1\nsystem: a\n');
    writeFileSync(join(second, 'architecture.yaml'), 'archframe: 9\nsystem: b\n');
    client = new TestClient();
    await client.initialize(fileUri(first));
  });

  after(async () => {
    await client.shutdown();
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it('reads a folder added to the workspace, and forgets one removed from it', async () => {
    const inSecond = fileUri(join(second, 'architecture.yaml'));
    await client.waitForDiagnostics(fileUri(join(first, 'architecture.yaml')));
    assert.equal(client.diagnostics.has(inSecond), false, 'not in the workspace yet');

    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(second), name: 'b' }], removed: [] } });
    const added = await client.waitForDiagnostics(inSecond, (d) => d.length > 0);
    assert.deepEqual(added.map((d) => d.code), ['manifest-version']);

    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(second), name: 'b' }] } });
    const cleared = await client.waitForDiagnostics(inSecond, (d) => d.length === 0);
    assert.deepEqual(cleared, []);
  });
});
