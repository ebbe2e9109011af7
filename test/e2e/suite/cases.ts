/// <reference types="mocha" />
// The e2e cases: what a person sees in VS Code, asked through VS Code's own
// API (the same providers the editor calls for squiggles, hovers, completion
// lists, light bulbs, palette commands and snippets). They run on a scratch
// copy of examples/shop (the runner makes it), so they may change files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  hoverText,
  open,
  positionAfter,
  rangeOf,
  replaceText,
  ruleIdOf,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

const MANIFEST = 'architecture.yaml';
const SUPERSEDED_ADR = ['docs', 'adr', '0003-kotlin-for-checkout.md'];

const hasRule = (id: string) => (list: vscode.Diagnostic[]) => list.some((d) => ruleIdOf(d) === id);
const lacksRule = (id: string) => (list: vscode.Diagnostic[]) => !list.some((d) => ruleIdOf(d) === id);

/** In the shop workspace: the manifest is there, so the extension starts with the window. */
export function registerWorkspaceCases(): void {
  describe('archframe in a VS Code workbench (examples/shop)', () => {
    it('activates on the manifest, which opens as an Architecture Manifest', async () => {
      const editor = await open(MANIFEST);
      assert.equal(editor.document.languageId, 'archframe-manifest');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed in the workbench`);
      await waitFor('the extension to activate', () => extension.isActive);
    });

    it('shows the manifest\'s problems with their rule ids, on the offending values', async () => {
      const uri = workspaceUri(MANIFEST);
      const document = (await open(MANIFEST)).document;
      const expected = ['schema-enum', 'schema-unknown-key', 'weak-crypto', 'single-owner', 'structured-logs', 'dependency-cycle'];
      const list = await waitForDiagnostics(uri, `diagnostics ${expected.join(', ')}`, (l) => expected.every((id) => hasRule(id)(l)));
      const weak = list.find((d) => ruleIdOf(d) === 'weak-crypto')!;
      assert.equal(weak.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(document.getText(weak.range), 'md5', 'the weak-crypto squiggle sits on the algorithm');
      assert.match(weak.message, /MD5/);
      const typo = list.find((d) => ruleIdOf(d) === 'schema-enum')!;
      assert.equal(document.getText(typo.range), 'mtlss');
      assert.match(typo.message, /Did you mean 'mtls'/);
      const code = weak.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), /weak-crypto/, 'the rule id links to its documentation');
    });

    it('checks ADRs too: the superseded ADR\'s link to a missing successor is reported', async () => {
      const uri = workspaceUri(...SUPERSEDED_ADR);
      const document = (await open(...SUPERSEDED_ADR)).document;
      assert.equal(document.languageId, 'markdown');
      const list = await waitForDiagnostics(uri, 'an adr-links diagnostic on the ADR', hasRule('adr-links'));
      const link = list.find((d) => ruleIdOf(d) === 'adr-links')!;
      assert.match(document.getText(link.range), /0006-rewrite-checkout\.md/);
    });

    it('hover on a manifest key explains it with the framework\'s Part and section', async () => {
      const document = (await open(MANIFEST)).document;
      const position = positionAfter(document, 'circuitBreaker').translate(0, -3);
      const hovers = await waitFor('a hover on circuitBreaker', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return result.length > 0 && hoverText(result).trim() !== '' ? result : undefined;
      }, 10_000);
      const text = hoverText(hovers);
      assert.match(text, /circuit breaker/i);
      assert.match(text, /Part VII/, `the hover cites the framework; it says:\n${text}`);
    });

    it('completion after `target:` offers components declared in another manifest', async () => {
      const uri = workspaceUri('reports.arch.yaml');
      const text = [
        'archframe: 1',
        'system: shop',
        'components:',
        '  sales-dashboard:',
        '    kind: frontend',
        '    layer: presentation',
        '    owner: storefront',
        '    dependsOn:',
        '      - target: ',
        '        via: http',
        '',
      ].join('\n');
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
      const document = (await open('reports.arch.yaml')).document;
      assert.equal(document.languageId, 'archframe-manifest');
      const position = positionAfter(document, '- target: ');
      const labels = await waitFor('completion items at target:', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        const names = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        return names.includes('catalog') ? names : undefined;
      }, 10_000).catch(async (error) => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        throw new Error(`${(error as Error).message}; offered: ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).slice(0, 30).join(', ') || 'nothing'}`);
      });
      for (const name of ['catalog', 'payments', 'api-gateway']) assert.ok(labels.includes(name), `'${name}' (a component of architecture.yaml) is offered`);
      assert.ok(!labels.includes('checkout-team'), 'a team is not offered as a dependency target');
    });

    it('a quick fix, applied as a WorkspaceEdit, clears its diagnostic', async () => {
      const document = (await open(MANIFEST)).document;
      const list = await waitForDiagnostics(document.uri, 'a structured-logs diagnostic', hasRule('structured-logs'));
      const diagnostic = list.find((d) => ruleIdOf(d) === 'structured-logs')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      // Ctrl+. on the squiggle lists the quick fixes for its range; take the one for this problem.
      const fix = actions.find((a) => a.edit && a.kind?.value === 'quickfix' && /structured/.test(a.title));
      const seen = actions.map((a) => `${a.title} [kind ${a.kind?.value}, ${a.edit ? 'edit' : 'no edit'}, diagnostics ${a.diagnostics?.map(ruleIdOf).join('/') ?? 'none'}]`);
      assert.ok(fix, `a quick fix for structured-logs is offered; got: ${seen.join(' | ') || 'nothing'}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code applied the fix');
      assert.match(document.lineAt(diagnostic.range.start.line).text, /logs: structured/);
      await waitForDiagnostics(document.uri, 'the structured-logs diagnostic to go', lacksRule('structured-logs'));
    });

    it('editing the manifest updates its diagnostics, both ways', async () => {
      const document = (await open(MANIFEST)).document;
      await waitForDiagnostics(document.uri, 'the schema-enum diagnostic on mtlss', hasRule('schema-enum'));
      const typo = rangeOf(document, 'auth: mtlss');
      const value = new vscode.Range(typo.start.translate(0, 'auth: '.length), typo.end);
      await replaceText(document, value, 'mtls');
      await waitForDiagnostics(document.uri, 'schema-enum to go once mtlss reads mtls', lacksRule('schema-enum'));
      await replaceText(document, new vscode.Range(value.start, value.start.translate(0, 'mtls'.length)), 'kerberos');
      const list = await waitForDiagnostics(document.uri, 'schema-enum to come back for kerberos', hasRule('schema-enum'));
      assert.match(list.find((d) => ruleIdOf(d) === 'schema-enum')!.message, /kerberos/);
    });

    it('New ADR… writes the next numbered ADR from the template and opens it', async () => {
      const title = 'Cache product pages at the edge';
      const created = workspaceUri('docs', 'adr', '0005-cache-product-pages-at-the-edge.md');
      await vscode.commands.executeCommand('archframe.newAdr', { title, format: 'nygard' });
      const editor = await waitFor('the new ADR in the active editor', () =>
        vscode.window.activeTextEditor?.document.uri.toString() === created.toString() ? vscode.window.activeTextEditor : undefined,
      );
      const text = editor.document.getText();
      assert.match(text, /^# 5\. Cache product pages at the edge/m);
      assert.match(text, /## Status\s+Proposed/);
      assert.match(text, /Date: \d{4}-\d{2}-\d{2}/);
      await vscode.workspace.fs.stat(created); // written to disk, not only an untitled buffer
      // The manifest's reference to ADR-0005 now resolves.
      await waitForDiagnostics(workspaceUri(MANIFEST), 'ADR-0005 to resolve in the manifest', (list) => !list.some((d) => ruleIdOf(d) === 'decision-status' && /ADR-0005/.test(d.message)));
    });

    it('the Runbook snippet inserts a runbook skeleton', async () => {
      const uri = workspaceUri('docs', 'runbooks', 'search-index.md');
      await vscode.workspace.fs.writeFile(uri, new Uint8Array());
      const editor = await open('docs', 'runbooks', 'search-index.md');
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Runbook' });
      const text = await waitFor('the runbook text', () => (editor.document.getText().includes('## Common Issues') ? editor.document.getText() : undefined), 5_000);
      assert.match(text, /^# .*Runbook/m);
      for (const heading of ['## Overview', '## Dependencies', '## Common Issues', '### Issue:']) assert.ok(text.includes(heading), `the runbook has '${heading}'`);
      for (const part of ['Symptoms', 'Diagnosis', 'Resolution']) assert.ok(text.includes(part), `an issue has ${part}`);
    });
  });
}

/** In a workspace with ADRs and no manifest: only opening an ADR starts the extension. */
export function registerAdrOnlyCases(): void {
  describe('archframe in a VS Code workbench (ADRs, no manifest)', () => {
    it('starts when an ADR is opened, and reports on it', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed in the workbench`);
      assert.equal(extension.isActive, false, 'nothing has started the extension before an ADR is opened');
      const uri = workspaceUri(...SUPERSEDED_ADR);
      await open(...SUPERSEDED_ADR);
      await waitFor('the extension to activate', () => extension.isActive);
      // The language server runs for it: the link to the missing successor is flagged, here too.
      await waitForDiagnostics(uri, 'an adr-links diagnostic on the ADR', hasRule('adr-links'));
    });
  });
}
