import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/fixes/yamlEdits';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

const MANIFEST = [
  'archframe: 1',
  'system: shop',
  'teams:',
  '  checkout: { oncall: checkout-primary }',
  'components:',
  '  cart:',
  '    kind: service   # the basket',
  '    observability: { logs: structured, metrics: red, traces: true }',
  '    dependsOn:',
  '      - { target: carts-db, via: database }',
  'datastores:',
  '  carts-db: { engine: postgresql, rpo: 5m, rto: 1h, backup: { copies: 3, media: 2, offsite: 1 } }',
  '',
].join('\n');

/** Applies the text edits a code action makes to one document. */
function applyAction(action: CodeAction, uri: string, text: string): string {
  const changes = (action.edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  const edits = changes.flatMap((c) => c.edits.map((e) => ({ uri, range: e.range, newText: 'newText' in e ? e.newText : '' })));
  assert.ok(edits.length > 0, `the action "${action.title}" edits the document`);
  return applyEdits(text, new LineIndex(text), edits);
}

describe('code actions over the protocol', () => {
  let folder: string;
  let client: TestClient;
  let uri: string;
  let text = MANIFEST;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-actions-'));
    client = new TestClient();
    await client.initialize(fileUri(folder));
    uri = fileUri(join(folder, 'architecture.yaml'));
    client.open(uri, text);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const actionsFor = async (diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  async function fixWith(code: string, title: RegExp): Promise<void> {
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === code));
    const diagnostic = diagnostics.find((d) => d.code === code)!;
    const actions = await actionsFor(diagnostic);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `a quick fix matching ${title} for ${code}; got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics?.map((d) => d.code), [code]);
    text = applyAction(action, uri, text);
    client.replace(uri, text);
    const after = await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === code && x.range.start.line === diagnostic.range.start.line));
    assert.ok(!after.some((d) => d.code === 'yaml-syntax' || String(d.code).startsWith('schema-')), `the fix leaves a valid manifest: ${JSON.stringify(after.map((d) => d.message))}`);
  }

  it('adds the missing owner, offering the workspace\'s team, and the diagnostic goes away', async () => {
    await fixWith('single-owner', /^Set owner: checkout$/);
    assert.match(text, /    kind: service   # the basket\n/, 'the comment is kept');
    assert.match(text, /\n    owner: checkout\n/);
  });

  it('adds the missing timeout to a synchronous dependency', async () => {
    await fixWith('sync-timeout', /^Add timeout/);
    assert.match(text, /- \{ target: carts-db, via: database, timeout: \d+m?s \}/);
  });

  it('adds the health check into the existing observability map', async () => {
    await fixWith('health-check', /healthCheck/);
    assert.match(text, /observability: \{ logs: structured, metrics: red, traces: true, healthCheck: \/healthz \}/);
  });

  it('offers "Suppress <id> on this line" for a finding without a fix of its own, and the comment silences it', async () => {
    // slo-defined fires for services that others call: expose the cart.
    text = text.replace('    kind: service   # the basket\n', '    kind: service   # the basket\n    exposure: internal\n');
    client.replace(uri, text);
    await fixWith('slo-defined', /^Suppress slo-defined on this line$/);
    assert.match(text, /\n  # archframe-disable-next-line slo-defined -- TODO: why this is acceptable\n  cart:\n/);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'slo-defined'));
    assert.ok(!diagnostics.some((d) => d.code === 'unused-suppression'), 'the suppression is used');
  });

  it('turns a did-you-mean into the preferred quick fix, replacing exactly the misspelt key', async () => {
    text = text.replace('- { target: carts-db, via: database, timeout:', '- { target: carts-db, via: database, timout:');
    client.replace(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'schema-unknown-key'));
    const typo = diagnostics.find((d) => d.code === 'schema-unknown-key')!;
    const actions = await actionsFor(typo);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [["Change to 'timeout'", true]], 'the fix, and no "Suppress" beside it');
    const edits = (actions[0].edit?.documentChanges as TextDocumentEdit[]).flatMap((c) => c.edits);
    assert.deepEqual(edits.map((e) => [e.range, 'newText' in e ? e.newText : undefined]), [[typo.range, 'timeout']]);
    await fixWith('schema-unknown-key', /^Change to 'timeout'$/);
    assert.match(text, /- \{ target: carts-db, via: database, timeout: \d+m?s \}/);
  });

  it('applies a severity from .archframe.yaml written on disk, live, and turns a rule off', async () => {
    const config = fileUri(join(folder, '.archframe.yaml'));
    const before = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'decision-record'));
    assert.equal(before.find((d) => d.code === 'decision-record')!.severity, 2, 'a warning by default');

    writeFileSync(join(folder, '.archframe.yaml'), 'rules:\n  decision-record: error\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 1 }] });
    const raised = await client.waitForDiagnostics(uri, (d) => d.find((x) => x.code === 'decision-record')?.severity === 1);
    assert.equal(raised.find((d) => d.code === 'decision-record')!.severity, 1);

    writeFileSync(join(folder, '.archframe.yaml'), 'rules:\n  decision-record: off\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'decision-record'));
  });
});
