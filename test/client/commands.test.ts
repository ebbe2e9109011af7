import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { beforeEach, describe, it } from 'node:test';

/**
 * The palette commands of the ADR lifecycle, run against a stub `vscode` (the answers a user gives) and a fake
 * language client (what the server answers): the server commands they send, and what they show.
 */

interface Shown {
  picks: { items: { label: string }[]; placeHolder?: string }[];
  warnings: string[];
  opened: string[];
  status: string[];
}
const shown: Shown = { picks: [], warnings: [], opened: [], status: [] };
/** The labels the stub user picks, in order. */
let answers: string[] = [];
let activeUri: string | undefined;

const vscode = {
  window: {
    get activeTextEditor() {
      return activeUri ? { document: { uri: { toString: () => activeUri } } } : undefined;
    },
    showQuickPick: async (items: { label: string }[], options: { placeHolder?: string }) => {
      shown.picks.push({ items, placeHolder: options?.placeHolder });
      const label = answers.shift();
      return items.find((item) => item.label.startsWith(label ?? '\u0000'));
    },
    showWarningMessage: async (message: string) => {
      shown.warnings.push(message);
      return undefined;
    },
    showInformationMessage: async (message: string) => {
      shown.warnings.push(message);
      return undefined;
    },
    setStatusBarMessage: (message: string) => shown.status.push(message),
    showTextDocument: async (uri: { toString(): string }) => shown.opened.push(uri.toString()),
  },
  Uri: { parse: (value: string) => ({ toString: () => value }) },
  workspace: { workspaceFolders: [] },
};
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (this: unknown, request: string, ...rest: unknown[]) {
  if (request === 'vscode') return vscode;
  // The language client library builds on vscode's classes when loaded: the commands need only the request type.
  if (request === 'vscode-languageclient/node') return { ExecuteCommandRequest: { type: { method: 'workspace/executeCommand' } } };
  return load.call(this, request, ...rest);
};
const { changeAdrStatus } = require('../../client/src/commands/changeAdrStatus') as typeof import('../../client/src/commands/changeAdrStatus');
const { updateAdrIndex } = require('../../client/src/commands/updateAdrIndex') as typeof import('../../client/src/commands/updateAdrIndex');

const A = 'file:///w/docs/adr/0001-a.md';
const B = 'file:///w/docs/adr/0002-b.md';
const ADRS = [
  { uri: A, name: 'ADR-0001', title: 'Use A', status: 'accepted', format: 'nygard' },
  { uri: B, name: 'ADR-0002', title: 'Use B', status: 'accepted', format: 'nygard' },
];

/** A language client whose server answers from a table, recording the commands it was sent. */
function fakeClient(answer: Record<string, unknown>) {
  const sent: { command: string; arguments: unknown[] }[] = [];
  const client = {
    sendRequest: async (_type: unknown, params: { command: string; arguments: unknown[] }) => {
      sent.push(params);
      return answer[params.command];
    },
  };
  return { client: client as never, sent };
}

describe('Change ADR Status… and Update ADR Index in the editor', () => {
  beforeEach(() => {
    shown.picks = [];
    shown.warnings = [];
    shown.opened = [];
    shown.status = [];
    answers = [];
    activeUri = undefined;
  });

  it("from the status line's code action: asks only which ADR supersedes it, then sets both", async () => {
    const { client, sent } = fakeClient({ 'archframe.server.adrList': ADRS, 'archframe.server.setAdrStatus': { changed: [A, B] } });
    answers = ['ADR-0002'];
    await changeAdrStatus.run(client, {} as never, { adr: A, status: 'superseded' });
    assert.deepEqual(shown.picks.map((p) => [p.placeHolder, p.items.map((i) => i.label)]), [['The ADR that supersedes ADR-0001', ['ADR-0002: Use B']]]);
    assert.deepEqual(sent.map((s) => s.command), ['archframe.server.adrList', 'archframe.server.setAdrStatus']);
    assert.deepEqual(sent[1].arguments, [{ adr: A, status: 'superseded', by: B }]);
    assert.match(shown.status[0], /ADR-0001: status set to superseded \(2 files edited\)/);
  });

  it('from the palette: the open ADR, a status picked; a refusal is shown, not swallowed', async () => {
    const { client, sent } = fakeClient({ 'archframe.server.adrList': ADRS, 'archframe.server.setAdrStatus': { message: 'ADR-0002 is deprecated already.' } });
    activeUri = B;
    answers = ['Deprecated'];
    await changeAdrStatus.run(client, {} as never);
    assert.deepEqual(shown.picks[0].items.map((i) => i.label), ['Accepted', 'Proposed', 'Rejected', 'Deprecated', 'Superseded by…']);
    assert.deepEqual(sent[1].arguments, [{ adr: B, status: 'deprecated', by: undefined }]);
    assert.deepEqual(shown.warnings, ['ADR-0002 is deprecated already.']);
  });

  it('Escape at any question sends nothing', async () => {
    const { client, sent } = fakeClient({ 'archframe.server.adrList': ADRS });
    await changeAdrStatus.run(client, {} as never);
    assert.deepEqual(sent.map((s) => s.command), ['archframe.server.adrList']);
  });

  it('Update ADR Index: the open ADR\'s collection is indexed and its README opened; a refusal says why', async () => {
    const collections = [
      { uri: 'file:///w/docs/adr', path: 'docs/adr', adrs: 2 },
      { uri: 'file:///w/services/adr', path: 'services/adr', adrs: 1 },
    ];
    activeUri = A;
    const written = fakeClient({ 'archframe.server.adrCollections': collections, 'archframe.server.adrIndex': { uri: 'file:///w/docs/adr/README.md', path: 'docs/adr/README.md', written: 'updated' } });
    await updateAdrIndex.run(written.client, {} as never);
    assert.deepEqual(shown.picks, [], 'no question: the open ADR says which collection');
    assert.deepEqual(written.sent[1].arguments, [{ folder: 'file:///w/docs/adr' }]);
    assert.deepEqual(shown.opened, ['file:///w/docs/adr/README.md']);

    activeUri = undefined;
    answers = ['services/adr'];
    const refused = fakeClient({ 'archframe.server.adrCollections': collections, 'archframe.server.adrIndex': { message: 'services/adr/README.md has no index markers…', existing: 'file:///w/services/adr/README.md' } });
    await updateAdrIndex.run(refused.client, {} as never);
    assert.deepEqual(refused.sent[1].arguments, [{ folder: 'file:///w/services/adr' }]);
    assert.deepEqual(shown.warnings, ['services/adr/README.md has no index markers…']);
  });

  it('every palette command of package.json is registered, and every registered command is declared', () => {
    const manifest = JSON.parse(readFileSync(join(resolve(__dirname, '../..'), 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const { CLIENT_COMMANDS } = require('../../client/src/commands') as typeof import('../../client/src/commands');
    assert.deepEqual(CLIENT_COMMANDS.map((c) => c.id).sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });
});
