import { Uri, window, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { ClientCommand } from './index';

/** The server's answer to a document-creating command (server/src/lsp/commands/newRunbook.ts). */
export type CreateResult = { uri: string; path: string } | { message: string; existing?: string };

interface RunbookCandidate {
  name: string;
  kind: string;
  description?: string;
  owner?: string;
  runbook?: string;
}

export function executeServerCommand<T>(client: LanguageClient, command: string, ...args: unknown[]): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
}

/** Opens the new document, or says why none was written (offering to open the one that exists). */
export async function showResult(result: CreateResult | null | undefined): Promise<void> {
  if (!result) return;
  if ('uri' in result) {
    await window.showTextDocument(Uri.parse(result.uri));
    return;
  }
  if (result.existing) {
    const open = await window.showInformationMessage(result.message, 'Open');
    if (open) await window.showTextDocument(Uri.parse(result.existing));
  } else await window.showWarningMessage(result.message);
}

/** Architecture: New Runbook… — pick a component; the server writes its runbook from the manifest. */
export const newRunbook: ClientCommand = {
  id: 'archframe.newRunbook',
  async run(client: LanguageClient, _context: ExtensionContext) {
    const candidates = await executeServerCommand<RunbookCandidate[]>(client, 'archframe.server.runbookComponents');
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
    await showResult(await executeServerCommand<CreateResult>(client, 'archframe.server.newRunbook', picked.candidate.name));
  },
};
