import { SnippetString, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { executeServerCommand } from './server';
import type { ClientCommand } from './types';

/**
 * Architecture: Insert Template… — every template that fits the current file
 * (manifest snippets in manifests; ADR, runbook or postmortem templates in
 * those documents, as the server classifies them), inserted at the cursor as
 * a snippet with its tab stops.
 */
export const insertTemplate: ClientCommand = {
  id: 'archframe.insertTemplate',
  async run(client: LanguageClient, _context: ExtensionContext) {
    const editor = window.activeTextEditor;
    if (!editor) {
      await window.showInformationMessage('Insert Template works in an open manifest or Markdown document.');
      return;
    }
    const { uri, languageId } = editor.document;
    const templates = await executeServerCommand(client, 'archframe.server.templatesFor', { uri: uri.toString(), languageId });
    if (templates.length === 0) {
      await window.showInformationMessage('No archframe template fits this file: templates are for architecture manifests and Markdown documents.');
      return;
    }
    const picked = await window.showQuickPick(
      templates.map((t) => ({ label: t.label, description: t.id, detail: t.description, template: t })),
      { title: 'Insert Template', placeHolder: 'Template to insert at the cursor', matchOnDescription: true, matchOnDetail: true },
    );
    if (picked) await editor.insertSnippet(new SnippetString(picked.template.body));
  },
};
