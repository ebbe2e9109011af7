import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

const MANIFEST = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', '    replicas: 2', '    dependsOn: [db]', 'datastores:', '  db: { engine: postgresql, owner: api }', ''].join('\n');
const compose = (replicas: number) => ['services:', '  api:', '    image: acme/api', `    deploy: { replicas: ${replicas} }`, '    depends_on: [db]', '  db:', '    image: postgres:16', ''].join('\n');
const drift = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('drift-')).map((x) => `${x.code} ${x.message}`);

describe('drift over the protocol', () => {
  let folder: string;
  let client: TestClient;
  const uri = (path: string) => fileUri(join(folder, path));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-drift-'));
    mkdirSync(join(folder, 'deploy'));
    writeFileSync(join(folder, 'architecture.yaml'), MANIFEST);
    writeFileSync(join(folder, 'deploy/compose.yaml'), compose(3));
    client = new TestClient();
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts comparing when .archframe.yaml gets sources, and follows edits of a source in the editor', async () => {
    await client.waitForDiagnostics(uri('architecture.yaml'));
    assert.deepEqual(drift(client.diagnostics.get(uri('architecture.yaml')) ?? []), [], 'no sources, no drift');
    writeFileSync(join(folder, '.archframe.yaml'), 'sources: [deploy]\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.archframe.yaml'), type: 1 }] });
    const found = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => drift(d).length > 0);
    assert.deepEqual(drift(found), ["drift-mismatch 'api' runs 3 replicas in deploy/compose.yaml:2; the manifest says 2."]);

    // Typing in the Compose file, unsaved: the manifest's drift follows.
    client.open(uri('deploy/compose.yaml'), compose(3), 'yaml');
    client.replace(uri('deploy/compose.yaml'), compose(2));
    await client.waitForDiagnostics(uri('architecture.yaml'), (d) => drift(d).length === 0);
    client.replace(uri('deploy/compose.yaml'), compose(2) + ['  worker:', '    image: acme/worker', '    depends_on: [db]', ''].join('\n'));
    const missing = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => drift(d).length > 0);
    assert.deepEqual(drift(missing), ["drift-missing 'worker' is a component in deploy/compose.yaml:8, and not in the manifest."]);
    assert.equal(missing.find((d) => d.code === 'drift-missing')?.relatedInformation?.[0].location.uri, uri('deploy/compose.yaml'));

    // The quick fix adds it to the manifest.
    const diagnostic = missing.find((d) => d.code === 'drift-missing')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('architecture.yaml') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const add = actions.find((a) => a.title === "Add component 'worker' to the manifest");
    assert.ok(add?.edit, JSON.stringify(actions.map((a) => a.title)));
    const edits = add.edit.changes?.[uri('architecture.yaml')] ?? (add.edit.documentChanges?.[0] as { edits: { newText: string }[] }).edits;
    assert.deepEqual(edits.map((e) => e.newText), ['\n  worker: { kind: worker, dependsOn: [ { target: db, via: database } ] }']);
  });
});
