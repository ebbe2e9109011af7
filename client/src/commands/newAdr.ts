import { window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NewAdrFormat } from '../../../server/src/protocol';
import { askTitle, pickFormat } from './adrQuestions';
import { executeServerCommand, showResult } from './server';
import type { ClientCommand } from './types';

/** What a caller (a test, a keybinding's `args`) may pass instead of answering the questions. */
interface NewAdrArgs {
  title: string;
  /** `nygard`, `framework`, `madr`; absent: the folder default. */
  format?: NewAdrFormat;
}

function isNewAdrArgs(value: unknown): value is NewAdrArgs {
  return typeof value === 'object' && value !== null && typeof (value as NewAdrArgs).title === 'string' && (value as NewAdrArgs).title.trim() !== '';
}

/** Architecture: New ADR… — a title and a format; the server writes NNNN-title.md in the ADR folder and it opens. */
export const newAdr: ClientCommand = {
  id: 'archframe.newAdr',
  async run(client: LanguageClient, _context: ExtensionContext, args?: unknown) {
    const given = isNewAdrArgs(args) ? args : undefined;
    const title = given ? given.title : await askTitle('New ADR');
    if (title === undefined) return;
    const format = given ? (given.format ?? '') : await pickFormat('New ADR');
    if (format === undefined) return;
    const folders = workspace.workspaceFolders ?? [];
    let folder = folders[0]?.uri.toString();
    if (folders.length > 1) {
      const picked = await window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder of the new ADR' });
      if (!picked) return;
      folder = picked.uri.toString();
    }
    await showResult(await executeServerCommand(client, 'archframe.server.newAdr', { title, format, folder }));
  },
};
