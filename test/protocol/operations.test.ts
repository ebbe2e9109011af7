import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

const MANIFEST = [
  'archframe: 1',
  'system: shop',
  'teams:',
  '  platform: { oncall: platform-primary }',
  'components:',
  '  api-gateway:',
  '    kind: gateway',
  '    owner: platform',
  '    description: Public entry point',
  '    slo: { availability: 99.9, latencyP99: 200ms }',
  '    dependsOn:',
  '      - { target: catalog, via: http, timeout: 300ms }',
  '  catalog:',
  '    kind: service',
  '    owner: platform',
  '',
].join('\n');

const RUNBOOK = [
  '# Catalog: Runbook',
  '',
  '## Overview',
  '',
  'Product catalogue.',
  '',
  '## Dependencies',
  '',
  '- search (http)',
  '',
  '## Common Issues',
  '',
  '### Issue: Slow search',
  '',
  '**Symptoms:** P99 above 1 s.',
  '',
  '**Diagnosis:** Check the index size.',
  '',
].join('\n');

const POSTMORTEM = [
  '# Search outage',
  '',
  '## Summary',
  '',
  'Search failed.',
  '',
  '## Impact',
  '',
  'Nobody could search.',
  '',
  '## Timeline',
  '',
  '- 10:05 Alert fires.',
  '- 10:01 Deploy starts.',
  '',
  '## Root Cause',
  '',
  'It was human error.',
  '',
  '## What Went Well',
  '',
  '- Alerting.',
  '',
  '## What Went Poorly',
  '',
  '- Rollback.',
  '',
  '## Action Items',
  '',
  '- Add a canary stage',
  '',
].join('\n');

interface CreateResult {
  uri?: string;
  path?: string;
  message?: string;
  existing?: string;
}

describe('the example workspace over the protocol', () => {
  it('shows each runbook and postmortem rule in examples/shop', async () => {
    const root = join(__dirname, '../../examples/shop');
    const client = new TestClient();
    try {
      await client.initialize(fileUri(root));
      const runbook = await client.waitForDiagnostics(fileUri(join(root, 'docs/runbooks/api-gateway.md')), (d) => d.length > 0);
      const postmortem = await client.waitForDiagnostics(fileUri(join(root, 'docs/postmortems/2025-06-12-checkout-outage.md')), (d) => d.length > 0);
      const codes = new Set([...runbook, ...postmortem].map((d) => String(d.code)));
      for (const id of ['runbook-sections', 'runbook-drift', 'postmortem-sections', 'action-item-owner', 'timeline-order', 'blameless-language']) assert.ok(codes.has(id), `${id} shows in the example`);
    } finally {
      await client.shutdown();
    }
  });
});

describe('runbooks and postmortems over the protocol', () => {
  let folder: string;
  let client: TestClient;
  let commands: string[] = [];
  const uri = (path: string) => fileUri(join(folder, path));
  const execute = <T>(command: string, ...args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });
  const lastEdit = () => (client.appliedEdits.at(-1) as { label?: string; edit: WorkspaceEdit }).edit;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-operations-'));
    writeFileSync(join(folder, 'architecture.yaml'), MANIFEST);
    mkdirSync(join(folder, 'docs/runbooks'), { recursive: true });
    mkdirSync(join(folder, 'docs/postmortems'), { recursive: true });
    writeFileSync(join(folder, 'docs/runbooks/catalog.md'), RUNBOOK);
    writeFileSync(join(folder, 'docs/postmortems/2025-06-01-search-outage.md'), POSTMORTEM);
    client = new TestClient();
    const result = await client.initialize(fileUri(folder));
    commands = result.capabilities.executeCommandProvider?.commands ?? [];
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('announces its server commands under ids distinct from the palette commands', () => {
    for (const id of ['archframe.server.runbookComponents', 'archframe.server.newRunbook', 'archframe.server.newPostmortem', 'archframe.server.templatesFor']) assert.ok(commands.includes(id), id);
    assert.ok(!commands.includes('archframe.newRunbook'), 'the client registers the palette id itself');
  });

  it('lists components for New Runbook, those without a runbook first', async () => {
    // The runbook on disk is indexed once the server has read the workspace.
    await client.waitForDiagnostics(uri('docs/runbooks/catalog.md'));
    const candidates = await execute<{ name: string; runbook?: string }[]>('archframe.server.runbookComponents');
    assert.deepEqual(candidates.map((c) => [c.name, c.runbook]), [['api-gateway', undefined], ['catalog', uri('docs/runbooks/catalog.md')]]);
  });

  it('New Runbook creates the file without overwriting, filled from the manifest, and links it from the manifest', async () => {
    const before = client.appliedEdits.length;
    const result = await execute<CreateResult>('archframe.server.newRunbook', 'api-gateway');
    assert.deepEqual(result, { uri: uri('docs/runbooks/api-gateway.md'), path: 'docs/runbooks/api-gateway.md' });
    assert.equal(client.appliedEdits.length, before + 1);
    const [create, fill, manifest] = lastEdit().documentChanges as [CreateFile, TextDocumentEdit, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: result.uri, options: { overwrite: false, ignoreIfExists: false } });
    assert.equal(fill.textDocument.uri, result.uri);
    const text = fill.edits[0].newText;
    assert.match(text, /^# API Gateway: Runbook\n\n## Overview\n\nPublic entry point\. .*Owned by the platform team; on-call rotation: platform-primary\./);
    assert.match(text, /## Dependencies\n\n- catalog \(http, 300ms timeout\)\n/);
    assert.deepEqual([...text.matchAll(/^### Issue: (.+)$/gm)].map((m) => m[1]), ['High latency', 'Availability below 99.9 %']);
    assert.match(text, /P99 above 200 ms/);
    assert.equal(manifest.textDocument.uri, uri('architecture.yaml'));
    assert.deepEqual(manifest.edits.map((e) => e.newText), ['\n    runbook: docs/runbooks/api-gateway.md']);
  });

  it('New Runbook refuses a component that already has its runbook, and applies nothing', async () => {
    const before = client.appliedEdits.length;
    const result = await execute<CreateResult>('archframe.server.newRunbook', { component: 'catalog' });
    assert.deepEqual(result, { message: 'catalog already has a runbook: docs/runbooks/catalog.md. It was left as it is.', existing: uri('docs/runbooks/catalog.md') });
    assert.equal(client.appliedEdits.length, before);
  });

  it('New Postmortem writes YYYY-MM-DD-title.md with the seven sections and an owner/due action table, next to an existing one of the same name', async () => {
    const result = await execute<CreateResult>('archframe.server.newPostmortem', { title: 'Search outage', date: '2025-06-01', severity: 'SEV2' });
    assert.equal(result.path, 'docs/postmortems/2025-06-01-search-outage-2.md');
    const [create, fill] = lastEdit().documentChanges as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create.options, { overwrite: false, ignoreIfExists: false });
    const text = fill.edits[0].newText;
    assert.match(text, /^# Search outage\n\n- Date: 2025-06-01\n- Severity: SEV2\n/);
    assert.deepEqual([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]), ['Summary', 'Impact', 'Timeline', 'Root Cause', 'What Went Well', 'What Went Poorly', 'Action Items']);
    assert.match(text, /\| Action \| Owner \| Due \|/);
  });

  it('reports runbook and postmortem diagnostics on exactly the text concerned', async () => {
    const runbook = await client.waitForDiagnostics(uri('docs/runbooks/catalog.md'), (d) => d.length >= 2);
    const text = (range: { start: { line: number; character: number }; end: { line: number; character: number } }, source: string) => {
      const lines = source.split('\n');
      assert.equal(range.start.line, range.end.line);
      return lines[range.start.line].slice(range.start.character, range.end.character);
    };
    assert.deepEqual(runbook.map((d) => [d.code, text(d.range, RUNBOOK), d.severity]), [
      ['runbook-drift', 'search', 3],
      ['runbook-sections', 'Issue: Slow search', 2],
    ]);
    const postmortem = await client.waitForDiagnostics(uri('docs/postmortems/2025-06-01-search-outage.md'), (d) => d.length >= 3);
    assert.deepEqual(postmortem.map((d) => [d.code, text(d.range, POSTMORTEM), d.severity]), [
      ['timeline-order', '10:01', 2],
      ['blameless-language', 'human error', 3],
      ['action-item-owner', 'Add a canary stage', 2],
    ]);
    assert.match(postmortem[1].message, /What allowed this to happen\?/);
  });

  it('offers the owner/due placeholders as a quick fix', async () => {
    const target = uri('docs/postmortems/2025-06-01-search-outage.md');
    const diagnostics = await client.waitForDiagnostics(target, (d) => d.some((x) => x.code === 'action-item-owner'));
    const diagnostic = diagnostics.find((d) => d.code === 'action-item-owner')!;
    const actions = await client.request<{ title: string; edit?: WorkspaceEdit }[]>('textDocument/codeAction', { textDocument: { uri: target }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => /placeholders/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const edits = fix.edit?.changes?.[target] ?? (fix.edit?.documentChanges as TextDocumentEdit[] | undefined)?.flatMap((c) => c.edits) ?? [];
    assert.deepEqual(edits.map((e) => e.newText), [' (owner: @owner, due: YYYY-MM-DD)']);
  });

  it('hovers explain sections and flagged phrases; completion offers manifest names in Dependencies', async () => {
    const postmortem = uri('docs/postmortems/2025-06-01-search-outage.md');
    const blame = await client.request<{ contents: { value: string }; range: { start: { line: number; character: number } } } | null>('textDocument/hover', { textDocument: { uri: postmortem }, position: { line: 17, character: 10 } });
    assert.ok(blame);
    assert.match(blame.contents.value, /Blameless language.*\n\n'human error'.*"What allowed this to happen\?"/s);
    assert.deepEqual(blame.range.start, { line: 17, character: 7 });
    const runbook = uri('docs/runbooks/catalog.md');
    const section = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: runbook }, position: { line: 6, character: 5 } });
    assert.match(section?.contents.value ?? '', /^\*\*Dependencies\*\* · Part XXIV §3/);
    const edited = RUNBOOK.replace('- search (http)\n', '- search (http)\n- \n');
    client.open(runbook, edited);
    const completion = await client.request<{ items: { label: string; textEdit?: { newText: string } }[] }>('textDocument/completion', { textDocument: { uri: runbook }, position: { line: 9, character: 2 } });
    assert.ok(completion.items.some((i) => i.label === 'api-gateway'), completion.items.map((i) => i.label).join(', '));
    client.close(runbook);
  });

  it('Insert Template offers the templates of the document\'s kind, as snippets', async () => {
    const runbook = await execute<{ id: string; body: string }[]>('archframe.server.templatesFor', { uri: uri('docs/runbooks/catalog.md'), languageId: 'markdown' });
    assert.deepEqual(runbook.map((t) => t.id), ['runbook-issue', 'incident-update', 'runbook']);
    assert.match(runbook[0].body, /^### Issue: \$\{1:/);
    const manifest = await execute<{ id: string }[]>('archframe.server.templatesFor', { uri: uri('architecture.yaml'), languageId: 'archframe-manifest' });
    assert.deepEqual(manifest.map((t) => t.id), ['component', 'dependency', 'datastore', 'channel', 'slo']);
  });
});
