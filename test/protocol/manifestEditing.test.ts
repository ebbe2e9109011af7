import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionItem, CompletionList, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { lines } from '../helpers/engine';
import { TestClient } from '../helpers/lspClient';

const SHOP = lines(
  'archframe: 1',
  'system: shop',
  'style: layered',
  'teams:',
  '  web: { type: stream-aligned, oncall: web-primary }',
  'components:',
  '  api:',
  '    kind: service',
  '    layer: application',
  '    owner: web',
  '    decisions: [ADR-0001]',
  '    dependsOn:',
  '      - target: payments',
  '        via: http',
  '        timeout: 2s',
  '      - { target: orders-db, via: database, timeout: 200ms }',
  'datastores:',
  '  orders-db: { engine: postgresql, owner: api, consistency: strong }',
);

const PAYMENTS = lines(
  'archframe: 1',
  'system: payments',
  'teams:',
  '  money: { type: platform }',
  'components:',
  '  payments:',
  '    kind: service',
  '    owner: money',
  '    slo: { availability: 99.9, latencyP99: 300ms }',
);

/** The LSP position of the n-th occurrence of `needle` in a text, moved by `shift` characters. */
function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const offset = text.indexOf(needle) + shift;
  assert.ok(offset >= shift, `'${needle}' is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/** The text edits of a workspace edit per document, whether it came as `changes` or as `documentChanges`. */
function editsByUri(edit: WorkspaceEdit): Record<string, { range: unknown; newText: string }[]> {
  if (edit.changes) return edit.changes;
  const out: Record<string, { range: unknown; newText: string }[]> = {};
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change) (out[change.textDocument.uri] ??= []).push(...change.edits);
  return out;
}

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : '';
}

describe('manifest editing over the protocol', () => {
  let folder: string;
  let client: TestClient;
  let shop: string;
  let payments: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-editing-'));
    writeFileSync(join(folder, 'shop.arch.yaml'), SHOP);
    writeFileSync(join(folder, 'payments.arch.yaml'), PAYMENTS);
    mkdirSync(join(folder, 'docs', 'adr'), { recursive: true });
    writeFileSync(join(folder, 'docs', 'adr', '0001-use-postgresql.md'), lines('# ADR-0001: Use PostgreSQL for orders', '', '## Status', '', 'Accepted'));
    shop = fileUri(join(folder, 'shop.arch.yaml'));
    payments = fileUri(join(folder, 'payments.arch.yaml'));
    client = new TestClient();
    await client.initialize(fileUri(folder));
    client.open(shop, SHOP);
    // Both files are analysed once the file on disk has its diagnostics.
    await client.waitForDiagnostics(payments);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const complete = async (uri: string, position: { line: number; character: number }) =>
    items(await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position }));

  it('completes the keys valid at a key position, with their documentation', async () => {
    const text = SHOP.replace('    kind: service\n', '    kind: service\n    \n');
    client.replace(shop, text);
    const found = await complete(shop, { line: 8, character: 4 });
    const labels = found.map((item) => item.label);
    assert.ok(labels.includes('deployment') && labels.includes('slo'), `keys offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('owner'), 'owner is already written');
    const deployment = found.find((item) => item.label === 'deployment')!;
    assert.equal(deployment.insertTextFormat, 2, 'a snippet');
    assert.match(JSON.stringify(deployment.documentation), /Part X §1, Deployment Strategies/);
  });

  it('completes enum values with the framework explanation', async () => {
    const text = SHOP.replace('consistency: strong', 'consistency: ');
    client.replace(shop, text);
    const found = await complete(shop, positionOf(text, 'consistency: ', 13));
    assert.deepEqual(found.map((item) => item.label), ['strong', 'eventual', 'causal', 'session']);
    assert.match(JSON.stringify(found[1].documentation), /Eventual consistency/);
  });

  it('completes `target:` with the components, datastores and channels of both manifests', async () => {
    const text = SHOP.replace('- target: payments', '- target: ');
    client.replace(shop, text);
    const found = await complete(shop, positionOf(text, '- target: ', 10));
    assert.deepEqual(found.map((item) => item.label).sort(), ['orders-db', 'payments']);
    assert.match(found.find((item) => item.label === 'payments')!.detail ?? '', /payments\.arch\.yaml/);
    client.replace(shop, SHOP);
  });

  it('hovers a key with the framework section it comes from', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: shop }, position: positionOf(SHOP, 'timeout: 2s', 2) });
    const text = hoverText(hover);
    assert.match(text, /\*\*Timeouts\*\*/);
    assert.match(text, /Framework: Part II, Axiom 3: Failure Modes; Part VII §1, Failure Categories/);
    assert.deepEqual(hover?.range, { start: positionOf(SHOP, 'timeout: 2s'), end: positionOf(SHOP, 'timeout: 2s', 7) });
  });

  it('hovers a percent with the downtime it allows', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: payments }, position: positionOf(PAYMENTS, '99.9', 2) });
    assert.match(hoverText(hover), /8 h 46 min of downtime a year, 43 min 50 s a month/);
  });

  it('goes to the definition in the other manifest, and lists references across both', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: shop }, position: positionOf(SHOP, 'target: payments', 10) });
    assert.deepEqual(definition, [{ uri: payments, range: { start: positionOf(PAYMENTS, '  payments:', 2), end: positionOf(PAYMENTS, '  payments:', 10) } }]);
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: payments },
      position: positionOf(PAYMENTS, '  payments:', 4),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(references.map((r) => [r.uri, r.range.start.line]).sort(), [[payments, 5], [shop, 12]].sort());
  });

  it('renames a component in both files', async () => {
    const position = positionOf(PAYMENTS, '  payments:', 3);
    const prepared = await client.request<{ placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: payments }, position });
    assert.equal(prepared?.placeholder, 'payments');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: payments }, position, newName: 'billing' });
    const byUri = editsByUri(edit);
    assert.deepEqual(Object.keys(byUri).sort(), [payments, shop].sort());
    assert.deepEqual(byUri[shop], [{ range: { start: positionOf(SHOP, 'target: payments', 8), end: positionOf(SHOP, 'target: payments', 16) }, newText: 'billing' }]);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: payments }, position, newName: 'orders-db' }), /already taken/);
  });

  it('outlines a manifest as document symbols', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: shop } });
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [['teams', ['web']], ['components', ['api']], ['datastores', ['orders-db']]]);
    assert.deepEqual(symbols[1].children![0].children?.map((d) => d.name), ['payments', 'orders-db']);
  });

  it('shows a code lens above each component with its dependents, dependencies and ADRs', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: payments } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[5, '1 dependent · 0 dependencies']]);
    const own = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: shop } });
    assert.deepEqual(own.map((l) => l.command?.title), ['0 dependents · 2 dependencies · ADR-0001']);
  });
});

describe('workspace edits for a client without documentChanges', () => {
  /** Renames `payments` and asks for the fixes of its runbook finding (it has an SLO and no runbook). */
  async function editsFor(capabilities: Record<string, unknown> | undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'archframe-plain-edits-'));
    writeFileSync(join(folder, 'shop.arch.yaml'), SHOP);
    writeFileSync(join(folder, 'payments.arch.yaml'), PAYMENTS);
    const payments = fileUri(join(folder, 'payments.arch.yaml'));
    const client = new TestClient(capabilities ? { capabilities } : {});
    try {
      await client.initialize(fileUri(folder));
      client.open(payments, PAYMENTS);
      const diagnostics = await client.waitForDiagnostics(payments, (d) => d.some((x) => x.code === 'runbook'));
      const position = positionOf(PAYMENTS, '  payments:', 3);
      const rename = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: payments }, position, newName: 'billing' });
      const runbook = diagnostics.find((d) => d.code === 'runbook')!;
      const actions = await client.request<{ title: string; edit?: WorkspaceEdit }[]>('textDocument/codeAction', { textDocument: { uri: payments }, range: runbook.range, context: { diagnostics: [runbook] } });
      return { rename, actions, uris: [payments, fileUri(join(folder, 'shop.arch.yaml'))] };
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('renames with plain changes, and leaves out the fixes that would have to create a file', async () => {
    const capable = await editsFor(undefined);
    assert.ok(capable.actions.some((a) => /^Create .* from the runbook template$/.test(a.title)), 'a client that can create files is offered the runbook');
    const plain = await editsFor({ workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: false } } });
    assert.equal(plain.rename.documentChanges, undefined);
    assert.deepEqual(Object.keys(plain.rename.changes ?? {}).sort(), [...plain.uris].sort());
    assert.ok(!plain.actions.some((a) => /from the runbook template$/.test(a.title)), JSON.stringify(plain.actions.map((a) => a.title)));
    assert.ok(plain.actions.every((a) => a.edit?.changes !== undefined));
  });
});

describe('requests sent before the workspace is read', () => {
  it('are answered from the whole workspace, not from the documents opened so far', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'archframe-early-'));
    writeFileSync(join(folder, 'shop.arch.yaml'), SHOP);
    writeFileSync(join(folder, 'payments.arch.yaml'), PAYMENTS);
    const payments = fileUri(join(folder, 'payments.arch.yaml'));
    const shop = fileUri(join(folder, 'shop.arch.yaml'));
    const client = new TestClient();
    try {
      await client.initialize(fileUri(folder));
      // No wait for diagnostics: the editor restores open tabs and asks about them at once.
      client.open(payments, PAYMENTS);
      const position = positionOf(PAYMENTS, '  payments:', 3);
      const [rename, references] = await Promise.all([
        client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: payments }, position, newName: 'billing' }),
        client.request<Location[]>('textDocument/references', { textDocument: { uri: payments }, position, context: { includeDeclaration: false } }),
      ]);
      assert.deepEqual(Object.keys(editsByUri(rename)).sort(), [payments, shop].sort());
      assert.deepEqual(references.map((l) => l.uri), [shop]);
    } finally {
      await client.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
