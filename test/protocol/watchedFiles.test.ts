import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

// A runbook path that points to a Markdown file archframe does not analyse (not under a runbook folder):
// the engine keeps no text for it, yet the manifest's finding depends on whether it exists.
const MANIFEST = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', '    runbook: notes/api.md', ''].join('\n');

describe('files on disk that archframe does not analyse', () => {
  let folder: string;
  let client: TestClient;
  const uri = (path: string) => fileUri(join(folder, path));
  const missing = (d: { code?: unknown; message: string }[]) => d.some((x) => x.code === 'runbook' && /notes\/api\.md, does not exist/.test(x.message));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-watched-'));
    writeFileSync(join(folder, 'architecture.yaml'), MANIFEST);
    client = new TestClient();
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a runbook created, then deleted, on disk clears and brings back "does not exist"', async () => {
    await client.waitForDiagnostics(uri('architecture.yaml'), missing);
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'notes/api.md'), 'Some notes, not a runbook.\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('notes/api.md'), type: 1 }] });
    await client.waitForDiagnostics(uri('architecture.yaml'), (d) => !missing(d));
    rmSync(join(folder, 'notes/api.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('notes/api.md'), type: 3 }] });
    const back = await client.waitForDiagnostics(uri('architecture.yaml'), missing);
    assert.ok(missing(back));
  });
});
