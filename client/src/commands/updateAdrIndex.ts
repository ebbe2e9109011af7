import { Uri, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { executeServerCommand } from './server';
import type { ClientCommand } from './types';

/**
 * Architecture: Update ADR Index — writes the table and decision graph of an ADR collection between the index
 * markers of its README (a new README when it has none), then opens it. The collection of the open ADR, else the
 * only one, else the one picked.
 */
export const updateAdrIndex: ClientCommand = {
  id: 'archframe.updateAdrIndex',
  async run(client: LanguageClient, _context: ExtensionContext, args?: unknown) {
    const given = typeof args === 'object' && args !== null && typeof (args as { folder?: unknown }).folder === 'string' ? (args as { folder: string }).folder : undefined;
    const collections = await executeServerCommand(client, 'archframe.server.adrCollections');
    if (collections.length === 0) {
      await window.showInformationMessage('No ADRs found in the workspace: nothing to index.');
      return;
    }
    const active = window.activeTextEditor?.document.uri.toString();
    let folder = given ?? (active ? collections.find((c) => active.startsWith(c.uri + '/') && !active.slice(c.uri.length + 1).includes('/'))?.uri : undefined);
    if (!folder && collections.length === 1) folder = collections[0].uri;
    if (!folder) {
      const picked = await window.showQuickPick(
        collections.map((c) => ({ label: c.path, description: `${c.adrs} ADR${c.adrs === 1 ? '' : 's'}`, uri: c.uri })),
        { title: 'Update ADR Index', placeHolder: 'The folder of ADRs to index' },
      );
      if (!picked) return;
      folder = picked.uri;
    }
    const result = await executeServerCommand(client, 'archframe.server.adrIndex', { folder });
    if ('uri' in result) {
      await window.showTextDocument(Uri.parse(result.uri));
      if (result.written === 'unchanged') window.setStatusBarMessage(`${result.path}: the ADR index is up to date`, 5000);
    } else if (result.existing) {
      const open = await window.showWarningMessage(result.message, 'Open');
      if (open) await window.showTextDocument(Uri.parse(result.existing));
    } else await window.showWarningMessage(result.message);
  },
};
