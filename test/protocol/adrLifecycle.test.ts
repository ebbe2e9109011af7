import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { applyToDisk, TestClient } from '../helpers/lspClient';

const adr = (title: string, ...status: string[]) => ['# ' + title, '', 'Date: 2024-01-05', '', '## Status', '', ...status, '', '## Context', '', 'Orders need a store.', '', '## Decision', '', 'We choose it.', '', '## Consequences', '', 'It costs a migration.', ''].join('\n');
const START = '<!-- archframe:adr-index:start -->';
const END = '<!-- archframe:adr-index:end -->';
const FILES: Record<string, string> = {
  'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted'),
  'docs/adr/0002-use-redis.md': adr('2. Use Redis', 'Accepted'),
  'docs/adr/0003-use-valkey.md': adr('3. Use Valkey', 'Accepted', '', 'Supersedes [2. Use Redis](0002-use-redis.md)'),
  'docs/adr/0004-sunset-soap.md': adr('4. Sunset SOAP', 'Sunset'),
  'docs/adr/0005-sunset-ftp.md': adr('5. Sunset FTP', 'Sunset'),
  'docs/adr/README.md': ['# Decisions', '', 'How we decide: see the wiki.', '', START, 'stale', END, '', 'Kept as written.', ''].join('\n'),
  'services/billing/adr/0001-use-stripe.md': adr('1. Use Stripe', 'Accepted'),
  'services/ledger/adr/0001-use-kafka.md': adr('1. Use Kafka', 'Accepted'),
  'services/ledger/adr/README.md': ['# Ledger decisions', '', END, START, ''].join('\n'),
};

describe('the ADR lifecycle over the protocol: status changes, code actions, the index', () => {
  let folder: string;
  let client: TestClient;
  const uri = (path: string) => fileUri(join(folder, path));
  const read = (path: string) => readFileSync(join(folder, path), 'utf8');
  const command = <R>(id: string, ...args: unknown[]) => client.request<R>('workspace/executeCommand', { command: id, arguments: args });
  /** Applies the edits the server asked for, as an editor would, and tells the server the files changed. */
  const applyAll = () => {
    const touched = client.appliedEdits.flatMap((edit) => applyToDisk(edit));
    client.appliedEdits.length = 0;
    client.notify('workspace/didChangeWatchedFiles', { changes: [...new Set(touched)].map((u) => ({ uri: u, type: 2 })) });
    return touched;
  };
  const actionsAt = (path: string, line: number, only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(path) }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [], only } });

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-lifecycle-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    client = new TestClient();
    await client.initialize(fileUri(folder));
    await client.waitForDiagnostics(uri('docs/adr/0002-use-redis.md'), (d) => d.some((x) => x.code === 'adr-supersede'));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('offers the status changes on the status line, as refactorings, and none elsewhere or when only quick fixes are asked', async () => {
    const actions = await actionsAt('docs/adr/0002-use-redis.md', 6);
    const refactors = actions.filter((a) => a.kind === 'refactor.rewrite');
    assert.deepEqual(
      refactors.map((a) => a.title),
      ['Set status: Proposed', 'Set status: Rejected', 'Set status: Deprecated', 'Set status: Superseded by ADR-0003 (it says it supersedes this one)', 'Set status: Superseded by…'],
    );
    const pick = refactors.find((a) => a.title === 'Set status: Superseded by…')!;
    assert.deepEqual(pick.command, { title: 'Set status: Superseded by…', command: 'archframe.changeAdrStatus', arguments: [{ adr: uri('docs/adr/0002-use-redis.md'), status: 'superseded' }] });
    assert.deepEqual((await actionsAt('docs/adr/0002-use-redis.md', 10)).filter((a) => a.kind === 'refactor.rewrite'), [], 'not on the Context section');
    assert.deepEqual((await actionsAt('docs/adr/0002-use-redis.md', 6, ['quickfix'])).filter((a) => a.kind === 'refactor.rewrite'), []);
  });

  it('the code action marks an ADR superseded by the one that says it supersedes it: the warning goes', async () => {
    const action = (await actionsAt('docs/adr/0002-use-redis.md', 4)).find((a) => a.title.startsWith('Set status: Superseded by ADR-0003'))!;
    applyToDisk({ edit: action.edit });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('docs/adr/0002-use-redis.md'), type: 2 }] });
    assert.match(read('docs/adr/0002-use-redis.md'), /## Status\n\nSuperseded by \[3\. Use Valkey\]\(0003-use-valkey\.md\)\n\n## Context/);
    await client.waitForDiagnostics(uri('docs/adr/0002-use-redis.md'), (d) => !d.some((x) => x.code === 'adr-supersede'));
  });

  it('Change ADR Status: superseded by another ADR edits both, and back to accepted takes the back-link out again', async () => {
    const before = read('docs/adr/0003-use-valkey.md');
    const superseded = await command<{ changed: string[] }>('archframe.server.setAdrStatus', { adr: uri('docs/adr/0001-use-postgresql.md'), status: 'superseded', by: uri('docs/adr/0003-use-valkey.md') });
    assert.deepEqual([...superseded.changed].sort(), [uri('docs/adr/0001-use-postgresql.md'), uri('docs/adr/0003-use-valkey.md')]);
    assert.equal(client.appliedEdits.length, 1, 'one edit, undone in one step');
    applyAll();
    assert.match(read('docs/adr/0001-use-postgresql.md'), /## Status\n\nSuperseded by \[3\. Use Valkey\]\(0003-use-valkey\.md\)\n/);
    assert.match(read('docs/adr/0003-use-valkey.md'), /## Status\n\nAccepted\n\nSupersedes \[1\. Use PostgreSQL\]\(0001-use-postgresql\.md\)\n\nSupersedes \[2\. Use Redis\]\(0002-use-redis\.md\)\n/);
    await client.waitForDiagnostics(uri('docs/adr/0001-use-postgresql.md'), (d) => !d.some((x) => x.code === 'adr-supersede'));
    assert.deepEqual((await client.waitForDiagnostics(uri('docs/adr/0003-use-valkey.md'))).filter((d) => d.code === 'adr-supersede'), []);

    const reverted = await command<{ changed: string[] }>('archframe.server.setAdrStatus', { adr: uri('docs/adr/0001-use-postgresql.md'), status: 'accepted' });
    assert.equal(reverted.changed.length, 2);
    applyAll();
    assert.match(read('docs/adr/0001-use-postgresql.md'), /## Status\n\nAccepted\n\n## Context/);
    assert.equal(read('docs/adr/0003-use-valkey.md'), before, "the successor's back-link is gone, the rest as it was");
    await client.waitForDiagnostics(uri('docs/adr/0003-use-valkey.md'), (d) => !d.some((x) => x.code === 'adr-supersede'));
  });

  it('Change ADR Status refuses what it cannot do, editing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{ adr: uri('docs/adr/0001-use-postgresql.md'), status: 'superseded' }, /Superseded by which ADR/],
      [{ adr: uri('docs/adr/0001-use-postgresql.md'), status: 'superseded', by: uri('docs/adr/0001-use-postgresql.md') }, /cannot supersede itself/],
      [{ adr: uri('docs/adr/0001-use-postgresql.md'), status: 'obsolete' }, /Not a status to set: 'obsolete'/],
      [{ adr: uri('docs/adr/0001-use-postgresql.md'), status: 'accepted' }, /is accepted already/],
      [{ adr: uri('docs/adr/README.md'), status: 'accepted' }, /not an ADR of the workspace/],
      [{ status: 'accepted' }, /needs the ADR/],
    ];
    for (const [args, message] of cases) {
      const result = await command<{ message: string }>('archframe.server.setAdrStatus', args);
      assert.match(result.message, message);
    }
    assert.equal(client.appliedEdits.length, 0);
  });

  it("a status word two ADRs use is the team's: the fix creates .archframe.yaml, and the infos go", async () => {
    const [info] = (await client.waitForDiagnostics(uri('docs/adr/0004-sunset-soap.md'), (d) => d.some((x) => x.code === 'adr-status'))).filter((d: Diagnostic) => d.code === 'adr-status');
    assert.equal(info.severity, 3);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('docs/adr/0004-sunset-soap.md') }, range: info.range, context: { diagnostics: [info], only: ['quickfix'] } });
    const fix = actions.find((a) => a.title === "Add 'sunset' to adr.statuses in .archframe.yaml")!;
    assert.equal(fix.isPreferred, true);
    applyToDisk({ edit: fix.edit });
    assert.equal(read('.archframe.yaml'), 'adr:\n  statuses: [sunset]\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.archframe.yaml'), type: 1 }] });
    await client.waitForDiagnostics(uri('docs/adr/0005-sunset-ftp.md'), (d) => !d.some((x) => x.code === 'adr-status'));
  });

  it('Update ADR Index: lists the collections, writes between the markers only, and the out-of-date warning goes', async () => {
    const collections = await command<{ path: string; adrs: number }[]>('archframe.server.adrCollections');
    assert.deepEqual(collections.map((c) => `${c.path} ${c.adrs}`), ['docs/adr 5', 'services/billing/adr 1', 'services/ledger/adr 1']);
    const stale = await client.waitForDiagnostics(uri('docs/adr/README.md'), (d) => d.some((x) => x.code === 'adr-index'));
    assert.match(stale.find((d) => d.code === 'adr-index')!.message, /The ADR index is out of date: '0001-use-postgresql\.md', '0002-use-redis\.md', '0003-use-valkey\.md' and 2 more are not in it/);

    const result = await command<{ uri: string; written: string }>('archframe.server.adrIndex', {});
    assert.deepEqual([result.uri, result.written], [uri('docs/adr/README.md'), 'updated']);
    applyAll();
    const readme = read('docs/adr/README.md');
    assert.ok(readme.startsWith(`# Decisions\n\nHow we decide: see the wiki.\n\n${START}\n`));
    assert.ok(readme.endsWith(`${END}\n\nKept as written.\n`));
    assert.match(readme, /^\| 2 \| \[Use Redis\]\(0002-use-redis\.md\) \| Superseded \| 2024-01-05 \| Superseded by \[3\]\(0003-use-valkey\.md\) \|$/m);
    assert.match(readme, / {2}adr3 -->\|supersedes\| adr2\n/);
    await client.waitForDiagnostics(uri('docs/adr/README.md'), (d) => !d.some((x) => x.code === 'adr-index'));
    const again = await command<{ written: string }>('archframe.server.adrIndex', { folder: uri('docs/adr') });
    assert.equal(again.written, 'unchanged');
    assert.equal(client.appliedEdits.length, 0);

    // A status change makes the index stale again; the quick fix refreshes it.
    await command('archframe.server.setAdrStatus', { adr: uri('docs/adr/0001-use-postgresql.md'), status: 'deprecated' });
    applyAll();
    const outdated = (await client.waitForDiagnostics(uri('docs/adr/README.md'), (d) => d.some((x) => x.code === 'adr-index'))).find((d) => d.code === 'adr-index')!;
    assert.match(outdated.message, /the row of '0001-use-postgresql\.md' changed/);
    const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('docs/adr/README.md') }, range: outdated.range, context: { diagnostics: [outdated], only: ['quickfix'] } });
    assert.equal(fix.title, 'Update the ADR index');
    applyToDisk({ edit: fix.edit });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('docs/adr/README.md'), type: 2 }] });
    await client.waitForDiagnostics(uri('docs/adr/README.md'), (d) => !d.some((x) => x.code === 'adr-index'));
    assert.match(read('docs/adr/README.md'), /^\| 1 \| \[Use PostgreSQL\]\(0001-use-postgresql\.md\) \| Deprecated \|/m);
  });

  it('Update ADR Index creates a README where there is none, and refuses malformed markers, writing nothing', async () => {
    const created = await command<{ uri: string; written: string }>('archframe.server.adrIndex', { folder: uri('services/billing/adr') });
    assert.deepEqual([created.uri, created.written], [uri('services/billing/adr/README.md'), 'created']);
    const [edit] = client.appliedEdits as { edit: { documentChanges: { kind?: string; options?: { overwrite?: boolean } }[] } }[];
    assert.deepEqual(edit.edit.documentChanges[0], { kind: 'create', uri: uri('services/billing/adr/README.md'), options: { overwrite: false, ignoreIfExists: false } });
    applyAll();
    assert.match(read('services/billing/adr/README.md'), /^# Architecture Decision Records\n\n<!-- archframe:adr-index:start -->\n[^]*\| 1 \| \[Use Stripe\]\(0001-use-stripe\.md\) \| Accepted \|[^]*<!-- archframe:adr-index:end -->\n$/);

    const before = read('services/ledger/adr/README.md');
    const refused = await command<{ message: string; existing: string }>('archframe.server.adrIndex', { folder: uri('services/ledger/adr') });
    assert.match(refused.message, /^services\/ledger\/adr\/README\.md:3: <!-- archframe:adr-index:end --> comes before <!-- archframe:adr-index:start -->\. Nothing written\.$/);
    assert.equal(refused.existing, uri('services/ledger/adr/README.md'));
    assert.equal(client.appliedEdits.length, 0);
    assert.equal(read('services/ledger/adr/README.md'), before);
    assert.ok(!existsSync(join(folder, 'services/ledger/adr/README.md.tmp')));
  });
});
