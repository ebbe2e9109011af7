import { window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClientCommand } from './index';
import { executeServerCommand, showResult, type CreateResult } from './newRunbook';

/** The formats New ADR writes; the first entry lets the server choose (configured, else the folder's usual one). */
export const ADR_FORMAT_PICKS = [
  { label: 'Folder default', description: 'adr.format of .archframe.yaml, else the format most ADRs of the folder use', format: '' },
  { label: 'Nygard / adr-tools', description: 'N. Title, Date, Status, Context, Decision, Consequences', format: 'nygard' },
  { label: 'Framework (ADR-NNN)', description: 'ADR-NNN: Title, Status, Context, Decision, Consequences with Positive/Negative', format: 'framework' },
  { label: 'MADR', description: 'Front matter, Context and Problem Statement, Considered Options, Decision Outcome', format: 'madr' },
];

export async function pickFormat(title: string): Promise<string | undefined> {
  const picked = await window.showQuickPick(ADR_FORMAT_PICKS, { title, placeHolder: 'ADR format' });
  return picked?.format;
}

export function askTitle(title: string, value?: string): Thenable<string | undefined> {
  return window.showInputBox({ title, prompt: 'Title of the decision (becomes the file name: NNNN-title.md)', value, validateInput: (text) => (text.trim() === '' ? 'A title is needed.' : undefined) });
}

/** What a caller (a test, a keybinding's `args`) may pass instead of answering the questions. */
interface NewAdrArgs {
  title: string;
  /** `nygard`, `framework`, `madr`; absent: the folder default. */
  format?: string;
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
    await showResult(await executeServerCommand<CreateResult>(client, 'archframe.server.newAdr', { title, format, folder }));
  },
};
