import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, DocumentLink, Hover, Location } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { applyToDisk, TestClient } from '../helpers/lspClient';

const MANIFEST = ['archframe: 1', 'system: shop', 'decisions: [ADR-0001]', 'components:', '  checkout:', '    kind: service', '    description: Takes orders.', '    decisions: [ADR-0002]', ''].join('\n');
const ADR1 = ['# 1. Use PostgreSQL', '', 'Date: 2024-01-05', '', '## Status', '', 'Accepted', '', '## Context', '', 'Orders need a store.', '', '## Decision', '', 'We will store orders in PostgreSQL.', '', '## Consequences', '', 'One more database to run.', ''].join('\n');
const ADR2 = ['# 2. Publish order events', '', 'Date: 2024-02-01', '', '## Status', '', 'Acepted', '', '## Context', '', 'Builds on ADR-1. Checkout uses eventual consistency towards shipping.', '', '## Decision', '', 'We publish events, see [the first](0001-use-postgresql.md) and [the third](0003-later.md).', '', '## Consequences', '', 'Consumers must be idempotent.', ''].join('\n');

interface ProgressParams {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string };
}

describe('ADRs over the protocol', () => {
  let folder: string;
  let client: TestClient;
  const progress: ProgressParams[] = [];
  const uri = (path: string) => fileUri(join(folder, path));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-adr-'));
    mkdirSync(join(folder, 'docs/adr'), { recursive: true });
    writeFileSync(join(folder, 'architecture.yaml'), MANIFEST);
    writeFileSync(join(folder, 'docs/adr/0001-use-postgresql.md'), ADR1);
    writeFileSync(join(folder, 'docs/adr/0002-publish-order-events.md'), ADR2);
    client = new TestClient();
    client.connection.onNotification('$/progress', (params: ProgressParams) => progress.push(params));
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports the first indexing as work-done progress', async () => {
    await client.waitForDiagnostics(uri('docs/adr/0002-publish-order-events.md'), (d) => d.length > 0);
    const kinds = progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.match(progress[0].value.title ?? '', /indexing/);
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('publishes ADR diagnostics for a file on disk, on the exact words', async () => {
    const diagnostics = await client.waitForDiagnostics(uri('docs/adr/0002-publish-order-events.md'), (d) => d.some((x) => x.code === 'adr-links'));
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    assert.deepEqual(byCode.get('adr-status')?.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 7 } });
    assert.match(byCode.get('adr-status')!.message, /did you mean 'accepted'/);
    assert.equal(byCode.get('adr-links')?.range.start.line, 14);
    assert.match(byCode.get('adr-links')!.message, /'0003-later\.md' does not exist/);
    assert.deepEqual(await client.waitForDiagnostics(uri('docs/adr/0001-use-postgresql.md')), []);
  });

  it('offers the quick fix of the misspelt status', async () => {
    const target = uri('docs/adr/0002-publish-order-events.md');
    const diagnostics = client.diagnostics.get(target)!;
    const actions = await client.request<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: target },
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 7 } },
      context: { diagnostics },
    });
    const fix = actions.find((a) => /Accepted/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
  });

  it('completes an ADR reference after ADR- with its title and status', async () => {
    const target = uri('docs/adr/0003-later.md');
    const text = '# 3. Later\n\n## Context\n\nSee ADR-';
    client.open(target, text);
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: target }, position: { line: 4, character: 8 } });
    const item = result.items.find((i) => i.label === 'ADR-0001');
    assert.ok(item, result.items.map((i) => i.label).join(', '));
    assert.match(item.detail ?? '', /Use PostgreSQL · accepted · 2024-01-05/);
    client.close(target);
  });

  it('hovers a framework term and an ADR reference', async () => {
    const target = uri('docs/adr/0002-publish-order-events.md');
    const term = await client.request<Hover>('textDocument/hover', { textDocument: { uri: target }, position: { line: 10, character: 40 } });
    assert.match(JSON.stringify(term.contents), /[Ee]ventual consistency/);
    assert.deepEqual(term.range, { start: { line: 10, character: 31 }, end: { line: 10, character: 51 } });
    const reference = await client.request<Hover>('textDocument/hover', { textDocument: { uri: target }, position: { line: 10, character: 12 } });
    const value = (reference.contents as { value: string }).value;
    assert.match(value, /ADR-0001: Use PostgreSQL/);
    assert.match(value, /We will store orders in PostgreSQL/);
  });

  it('goes to the definition of an ADR reference', async () => {
    const target = uri('docs/adr/0002-publish-order-events.md');
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: target }, position: { line: 10, character: 12 } });
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[uri('docs/adr/0001-use-postgresql.md'), 0]]);
  });

  it('finds the references of an ADR, from another ADR and from the manifest', async () => {
    const target = uri('docs/adr/0001-use-postgresql.md');
    const locations = await client.request<Location[]>('textDocument/references', { textDocument: { uri: target }, position: { line: 0, character: 3 }, context: { includeDeclaration: false } });
    const described = locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();
    assert.deepEqual(described, ['0002-publish-order-events.md:10:10', '0002-publish-order-events.md:14:23', 'architecture.yaml:2:12']);
  });

  it('links ADR ids to their files', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri('docs/adr/0002-publish-order-events.md') } });
    assert.deepEqual(links.map((l) => [l.range.start.line, l.range.start.character, l.target]), [[10, 10, uri('docs/adr/0001-use-postgresql.md')]]);
  });

  it('updates the index when an ADR file is created, renamed and deleted on disk', async () => {
    const created = join(folder, 'docs/adr/0003-later.md');
    writeFileSync(created, '# 3. Later\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nAfter ADR-1.\n\n## Decision\n\nd\n\n## Consequences\n\nCosts more.\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('docs/adr/0003-later.md'), type: 1 }] });
    // The link to 0003-later.md now resolves.
    await client.waitForDiagnostics(uri('docs/adr/0002-publish-order-events.md'), (d) => !d.some((x) => x.code === 'adr-links'));
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri('docs/adr/0001-use-postgresql.md') }, position: { line: 0, character: 3 }, context: { includeDeclaration: false } });
    assert.ok(references.some((l) => l.uri === uri('docs/adr/0003-later.md')), 'the new ADR refers to ADR-1');

    renameSync(created, join(folder, 'docs/adr/0003-renamed.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('docs/adr/0003-later.md'), type: 3 }, { uri: uri('docs/adr/0003-renamed.md'), type: 1 }] });
    const broken = await client.waitForDiagnostics(uri('docs/adr/0002-publish-order-events.md'), (d) => d.some((x) => x.code === 'adr-links'));
    assert.match(broken.find((d) => d.code === 'adr-links')!.message, /did you mean 0003-renamed\.md/);

    rmSync(join(folder, 'docs/adr/0003-renamed.md'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('docs/adr/0003-renamed.md'), type: 3 }] });
    const after = await client.waitForDiagnostics(uri('docs/adr/0002-publish-order-events.md'), (d) => d.some((x) => x.code === 'adr-links' && !/did you mean/.test(x.message)));
    assert.ok(after.length > 0);
  });

  it('New ADR writes the next number with the template, today, status Proposed, never overwriting', async () => {
    client.appliedEdits.length = 0;
    const result = await client.request<{ uri: string; path: string }>('workspace/executeCommand', { command: 'archframe.server.newAdr', arguments: [{ title: 'Use Redis for sessions', format: 'nygard', date: '2025-02-03' }] });
    assert.equal(result.uri, uri('docs/adr/0003-use-redis-for-sessions.md'));
    assert.equal(client.appliedEdits.length, 1);
    applyToDisk(client.appliedEdits[0]);
    const text = readFileSync(join(folder, 'docs/adr/0003-use-redis-for-sessions.md'), 'utf8');
    assert.match(text, /^# 3\. Use Redis for sessions\n/);
    assert.match(text, /Date: 2025-02-03/);
    assert.match(text, /## Status\n\nProposed\n/);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: result.uri, type: 1 }] });
    const diagnostics = await client.waitForDiagnostics(result.uri);
    assert.ok(!diagnostics.some((d) => ['adr-sections', 'adr-status', 'adr-numbering', 'adr-date'].includes(String(d.code))), JSON.stringify(diagnostics));
    // The same title again gets the next number, not the existing file.
    const again = await client.request<{ uri: string }>('workspace/executeCommand', { command: 'archframe.server.newAdr', arguments: [{ title: 'Use Redis for sessions', date: '2025-02-03' }] });
    assert.equal(again.uri, uri('docs/adr/0004-use-redis-for-sessions.md'));
  });

  it('Supersede ADR writes the successor and sets both statuses with working links', async () => {
    client.appliedEdits.length = 0;
    const result = await client.request<{ uri: string }>('workspace/executeCommand', {
      command: 'archframe.server.supersedeAdr',
      arguments: [{ adr: uri('docs/adr/0001-use-postgresql.md'), title: 'Use CockroachDB', date: '2025-03-04' }],
    });
    assert.equal(result.uri, uri('docs/adr/0004-use-cockroachdb.md'));
    const touched = applyToDisk(client.appliedEdits[0]);
    assert.ok(touched.includes(uri('docs/adr/0001-use-postgresql.md')));
    const successor = readFileSync(join(folder, 'docs/adr/0004-use-cockroachdb.md'), 'utf8');
    assert.match(successor, /## Status\n\nAccepted\n\nSupersedes \[1\. Use PostgreSQL\]\(0001-use-postgresql\.md\)/);
    const old = readFileSync(join(folder, 'docs/adr/0001-use-postgresql.md'), 'utf8');
    assert.match(old, /## Status\n\nSuperseded by \[4\. Use CockroachDB\]\(0004-use-cockroachdb\.md\)\n/);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: result.uri, type: 1 }, { uri: uri('docs/adr/0001-use-postgresql.md'), type: 2 }] });
    const oldDiagnostics = await client.waitForDiagnostics(uri('docs/adr/0001-use-postgresql.md'), (d) => d.length === 0);
    assert.deepEqual(oldDiagnostics, []);
    const newDiagnostics = await client.waitForDiagnostics(result.uri);
    assert.ok(!newDiagnostics.some((d) => ['adr-supersede', 'adr-links', 'adr-numbering'].includes(String(d.code))), JSON.stringify(newDiagnostics));
  });
});
