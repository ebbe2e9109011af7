import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { lines } from '../helpers/engine';
import { TestClient } from '../helpers/lspClient';

// Single-file mode: documents opened with no workspace folder (VS Code's "Open File…"), outside every folder, or
// untitled get the analysis a workspace gives them, with what their kind needs from beside them on disk.

const SHOP = lines(
  'archframe: 1',
  'system: shop',
  'components:',
  '  web:',
  '    kind: frontend',
  '    owner: storefront',
  '    dependsOn:',
  '      - { target: payments, via: http, timeout: 2s }',
  '  api:',
  '    kind: servic',
);
/** Beside shop.arch.yaml: declares the team and the component shop's web depends on. */
const PAYMENTS = lines('archframe: 1', 'system: payments', 'teams:', '  storefront: { type: stream-aligned }', 'components:', '  payments:', '    kind: service', '    owner: storefront');
const ADR_1 = lines('# 1. Use PostgreSQL', '', 'Date: 2024-01-01', '', '## Status', '', 'Superseded by [2. Use CockroachDB](0002-use-cockroachdb.md)', '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'Cost: a migration.');
const ADR_2 = lines('# 2. Use CockroachDB', '', 'Date: 2024-02-01', '', '## Status', '', 'Accepted', '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'Risk: a new engine.');

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : '';
}

describe('single-file mode: no workspace folder', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archframe-no-folder-'));
    writeFileSync(join(dir, 'shop.arch.yaml'), SHOP);
    writeFileSync(join(dir, 'payments.arch.yaml'), PAYMENTS);
    mkdirSync(join(dir, 'docs', 'adr'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'adr', '0001-use-postgresql.md'), ADR_1);
    writeFileSync(join(dir, 'docs', 'adr', '0002-use-cockroachdb.md'), ADR_2);
    client = new TestClient();
    // As VS Code's "Open File…" starts it: rootUri null, no workspaceFolders.
    await client.initialize(null);
  });

  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a manifest gets diagnostics, completion and hover, with the manifests beside it read for names', async () => {
    const uri = fileUri(join(dir, 'shop.arch.yaml'));
    client.open(uri, SHOP);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('schema-enum'), `the misspelt kind is reported: ${codes.join(', ')}`);
    // payments and the storefront team are declared in payments.arch.yaml, read from beside it.
    assert.ok(!codes.includes('unknown-reference'), `names resolve across the manifests beside it: ${codes.join(', ')}`);
    const completion = items(await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 10 } }));
    assert.ok(completion.some((item) => item.label === 'service'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } });
    assert.match(hoverText(hover), /Part [IVXLC]+/);
  });

  it('an ADR is read with its folder: a broken supersede pair across two files is found', async () => {
    const uri = fileUri(join(dir, 'docs', 'adr', '0002-use-cockroachdb.md'));
    client.open(uri, ADR_2);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'adr-supersede'));
    const supersede = diagnostics.find((d) => d.code === 'adr-supersede')!;
    assert.match(supersede.message, /ADR-0001 says it is superseded by this ADR/);
  });

  it('closing the documents clears what they showed', async () => {
    const adr = fileUri(join(dir, 'docs', 'adr', '0002-use-cockroachdb.md'));
    client.close(adr);
    await client.waitForDiagnostics(adr, (d) => d.length === 0);
    const shop = fileUri(join(dir, 'shop.arch.yaml'));
    client.close(shop);
    await client.waitForDiagnostics(shop, (d) => d.length === 0);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: shop }, position: { line: 4, character: 5 } });
    assert.equal(hover, null);
  });

  it('an untitled manifest is one because the editor says so; untitled documents do not meet each other', async () => {
    const first = 'untitled:Untitled-1';
    const second = 'untitled:Untitled-2';
    const text = lines('archframe: 1', 'system: x', 'components:', '  api:', '    kind: servic');
    client.open(first, text, 'archframe-manifest');
    client.open(second, text, 'archframe-manifest');
    for (const uri of [first, second]) {
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['schema-enum'],
        'the typo, and no duplicate-name for the other buffer',
      );
    }
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: first }, position: { line: 4, character: 5 } });
    assert.match(hoverText(hover), /service/);
  });

  it('an untitled Markdown buffer with an ADR\'s shape is an ADR', async () => {
    const uri = 'untitled:Untitled-3';
    client.open(uri, lines('# 1. Use X', '', '## Status', '', 'Acepted', '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'Cost: some.'), 'markdown');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'adr-status'), diagnostics.map((d) => d.code).join(', '));
  });
});

describe('single-file mode: a file outside the workspace folder', () => {
  let folder: string;
  let outside: string;
  let client: TestClient;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-folder-'));
    outside = mkdtempSync(join(tmpdir(), 'archframe-outside-'));
    writeFileSync(join(folder, 'architecture.yaml'), lines('archframe: 1', 'system: inside', 'components:', '  api:', '    kind: service'));
    writeFileSync(join(outside, 'architecture.yaml'), SHOP);
    client = new TestClient();
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('is analysed on its own, apart from the workspace (its api is no duplicate of the workspace\'s)', async () => {
    const uri = fileUri(join(outside, 'architecture.yaml'));
    client.open(uri, SHOP);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('schema-enum'), codes.join(', '));
    assert.ok(!codes.includes('duplicate-name'), codes.join(', '));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 5 } });
    assert.match(hoverText(hover), /Part [IVXLC]+/);
  });
});
