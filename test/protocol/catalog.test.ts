import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

const CATALOG = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: orders',
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: team-b',
  '  system: shop',
  '',
].join('\n');
const ORG = ['apiVersion: backstage.io/v1alpha1', 'kind: Group', 'metadata: { name: team-a }', 'spec: { type: team, children: [] }', ''].join('\n');

describe('Backstage catalogs over the protocol', () => {
  let folder: string;
  let client: TestClient;
  const uri = (path: string) => fileUri(join(folder, path));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-catalog-'));
    mkdirSync(join(folder, 'org'));
    mkdirSync(join(folder, '.github/workflows'), { recursive: true });
    // Named like nothing in particular: the content makes it a catalog.
    writeFileSync(join(folder, 'orders.yaml'), CATALOG);
    writeFileSync(join(folder, 'org/groups.yaml'), ORG);
    writeFileSync(join(folder, '.github/workflows/ci.yml'), 'on: push\nkind: Compnent\n');
    client = new TestClient();
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports relations that name no entity, with a did-you-mean quick fix, and leaves ordinary YAML alone', async () => {
    const diagnostics = await client.waitForDiagnostics(uri('orders.yaml'), (d) => d.length === 2);
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`), [
      "7:9 catalog-reference 'team-b' names no Group in the workspace's catalogs. Did you mean 'team-a'?",
      "8:10 catalog-reference 'shop' names no System in the workspace's catalogs.",
    ]);
    assert.equal(client.diagnostics.get(uri('.github/workflows/ci.yml')), undefined, 'a workflow file is not a catalog');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('orders.yaml') }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
    const change = actions.find((a) => a.title === "Change to 'team-a'");
    assert.ok(change, JSON.stringify(actions.map((a) => a.title)));
  });

  it('completes entity references while the catalog is edited, and re-checks when another catalog file changes', async () => {
    const edited = CATALOG.replace('  owner: team-b', '  owner: ');
    client.open(uri('orders.yaml'), edited, 'yaml');
    const completion = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('orders.yaml') }, position: { line: 7, character: 9 } });
    const items = Array.isArray(completion) ? completion : completion.items;
    assert.deepEqual(items.map((i) => i.label), ['team-a']);

    client.replace(uri('orders.yaml'), CATALOG);
    writeFileSync(join(folder, 'org/groups.yaml'), ORG + ['---', 'apiVersion: backstage.io/v1alpha1', 'kind: System', 'metadata: { name: shop }', 'spec: { owner: team-a }', ''].join('\n'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('org/groups.yaml'), type: 2 }] });
    // The system now exists; the owner is still wrong.
    const after = await client.waitForDiagnostics(uri('orders.yaml'), (d) => d.length === 1 && d[0].message.includes('team-b'));
    assert.equal(after[0].message, "'team-b' names no Group in the workspace's catalogs. Did you mean 'team-a'?");
  });
});
