import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

const MANIFEST = ['archframe: 1', 'system: shop', 'components:', '  web: { kind: frontend, dependsOn: [orders-db] }', '  api: { kind: service }', 'datastores:', '  orders-db: { engine: postgresql }', ''].join('\n');
const config = (message: string, extra = '') =>
  [`extends: ${extra || 'shared/policies.yaml'}`, 'policies:', '  - id: frontend-no-datastore', '    severity: error', `    message: ${message}`, '    forbid:', '      from: { kind: frontend }', '      to: { element: datastore }', ''].join('\n');
const shared = (fields: string) => ['policies:', '  - id: services-owned', '    severity: warning', '    message: Every service has an owner.', '    require:', '      of: { kind: service }', `      fields: [${fields}]`, ''].join('\n');
const policies = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('policy')).map((x) => `${x.code} ${x.message}`).sort();

describe('team policies over the protocol', () => {
  let folder: string;
  let client: TestClient;
  const uri = (path: string) => fileUri(join(folder, path));

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-policies-'));
    mkdirSync(join(folder, 'shared'));
    writeFileSync(join(folder, 'architecture.yaml'), MANIFEST);
    writeFileSync(join(folder, '.archframe.yaml'), config('Frontends reach data through a service.'));
    writeFileSync(join(folder, 'shared/policies.yaml'), shared('owner'));
    client = new TestClient();
    await client.initialize(fileUri(folder));
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports policies as diagnostics with their code, a docs link and the place they are declared, and offers to suppress them', async () => {
    const found = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => policies(d).length === 2);
    assert.deepEqual(policies(found), [
      "policy/frontend-no-datastore Frontends reach data through a service. ('web' depends on datastore 'orders-db'.)",
      "policy/services-owned Every service has an owner. ('api' does not set owner.)",
    ]);
    const diagnostic = found.find((d) => d.code === 'policy/frontend-no-datastore')!;
    assert.match(diagnostic.codeDescription!.href, /docs\/policies\.md$/);
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, uri('.archframe.yaml'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri('architecture.yaml') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.ok(actions.some((a) => a.title === 'Suppress policy/frontend-no-datastore on this line'), JSON.stringify(actions.map((a) => a.title)));
  });

  it('editing .archframe.yaml or the file it extends, unsaved, re-checks the manifest', async () => {
    client.open(uri('.archframe.yaml'), config('Frontends reach data through a service.'), 'yaml');
    client.replace(uri('.archframe.yaml'), config('Data is behind a service.'));
    const reworded = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => policies(d).some((p) => p.includes('Data is behind')));
    assert.equal(policies(reworded).length, 2);

    client.open(uri('shared/policies.yaml'), shared('owner'), 'yaml');
    client.replace(uri('shared/policies.yaml'), shared('owner, replicas'));
    const more = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => policies(d).some((p) => p.includes('owner, replicas')));
    assert.ok(policies(more).includes("policy/services-owned Every service has an owner. ('api' does not set owner, replicas.)"));
  });

  it('an extended file that appears on disk is read, and its policies apply', async () => {
    client.replace(uri('.archframe.yaml'), config('Data is behind a service.', '[shared/policies.yaml, later.yaml]'));
    const missing = await client.waitForDiagnostics(uri('.archframe.yaml'), (d) => policies(d).length > 0);
    assert.deepEqual(policies(missing), ["policy-reference 'later.yaml' does not exist: its policies do not apply."]);
    writeFileSync(join(folder, 'later.yaml'), ['policies:', '  - { id: apis-replicated, severity: info, message: Run two., require: { of: { name: api }, fields: [replicas] } }', ''].join('\n'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('later.yaml'), type: 1 }] });
    await client.waitForDiagnostics(uri('.archframe.yaml'), (d) => policies(d).length === 0);
    const applied = await client.waitForDiagnostics(uri('architecture.yaml'), (d) => policies(d).some((p) => p.startsWith('policy/apis-replicated')));
    assert.ok(applied.some((d) => d.code === 'policy/apis-replicated' && d.severity === 3));
  });

  it('.archframe.yaml reports a misspelt selector field with a did-you-mean, and a selector that matches nothing as a warning', async () => {
    const policy = (from: string) => ['policies:', '  - id: x', '    severity: warning', '    message: X.', '    forbid:', `      from: ${from}`, '      to: { element: datastore }', ''].join('\n');
    client.replace(uri('.archframe.yaml'), policy('{ kindd: frontend }'));
    const misspelt = await client.waitForDiagnostics(uri('.archframe.yaml'), (d) => d.some((x) => x.code === 'schema-unknown-key'));
    const unknown = misspelt.find((x) => x.code === 'schema-unknown-key')!;
    assert.match(unknown.message, /Unknown key 'kindd' in forbid\.from\. Did you mean 'kind'\?/);
    assert.deepEqual(unknown.range.start, { line: 5, character: 14 });
    client.replace(uri('.archframe.yaml'), policy('{ name: "nothing-*" }'));
    const empty = await client.waitForDiagnostics(uri('.archframe.yaml'), (d) => d.some((x) => x.code === 'policy-selector'));
    assert.deepEqual(
      empty.filter((x) => x.code === 'policy-selector').map((x) => [x.severity, x.message, x.range.start.line]),
      [[2, "The from selector of policy 'x' matches no element of the manifests: the policy checks nothing there. Check its values against the manifest.", 5]],
    );
  });

  it('completes selector fields and values in .archframe.yaml, and hovers a policy key', async () => {
    const text = ['policies:', '  - id: x', '    severity: warning', '    message: X.', '    forbid:', '      from: { kind:  }', '      to: { element: datastore }', ''].join('\n');
    client.replace(uri('.archframe.yaml'), text);
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('.archframe.yaml') }, position: { line: 5, character: 20 } });
    const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
    assert.ok(labels.includes('frontend') && labels.includes('service'), labels.join(' '));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('.archframe.yaml') }, position: { line: 4, character: 6 } });
    assert.match(JSON.stringify(hover.contents), /forbid/);
  });
});
