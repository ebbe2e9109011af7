import { Uri, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { executeServerCommand, showResult } from './server';
import type { ClientCommand } from './types';

/** Architecture: New Runbook… — pick a component; the server writes its runbook from the manifest. */
export const newRunbook: ClientCommand = {
  id: 'archframe.newRunbook',
  async run(client: LanguageClient, _context: ExtensionContext) {
    const candidates = await executeServerCommand(client, 'archframe.server.runbookComponents');
    if (candidates.length === 0) {
      await window.showInformationMessage('No components found: New Runbook reads the components of the workspace\'s architecture manifests.');
      return;
    }
    const picked = await window.showQuickPick(
      candidates.map((c) => ({
        label: c.name,
        description: [c.kind, c.owner && `owner: ${c.owner}`].filter(Boolean).join(' · '),
        detail: c.runbook ? `Has a runbook: ${Uri.parse(c.runbook).path.split('/').slice(-3).join('/')}` : c.description,
        candidate: c,
      })),
      { title: 'New Runbook', placeHolder: 'The component the runbook is for', matchOnDescription: true },
    );
    if (!picked) return;
    if (picked.candidate.runbook) {
      await window.showTextDocument(Uri.parse(picked.candidate.runbook));
      return;
    }
    await showResult(await executeServerCommand(client, 'archframe.server.newRunbook', picked.candidate.name));
  },
};
