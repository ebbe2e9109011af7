import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { askTitle, pickFormat } from './adrQuestions';
import { executeServerCommand, showResult } from './server';
import type { ClientCommand } from './types';

/** Architecture: Supersede ADR… — pick the ADR (the open one first), title its successor; both statuses are set. */
export const supersedeAdr: ClientCommand = {
  id: 'archframe.supersedeAdr',
  async run(client: LanguageClient, _context: ExtensionContext) {
    const adrs = await executeServerCommand(client, 'archframe.server.adrList');
    if (adrs.length === 0) {
      await window.showInformationMessage('No ADRs found in the workspace.');
      return;
    }
    const active = window.activeTextEditor?.document.uri.toString();
    const ordered = [...adrs.filter((a) => a.uri === active), ...adrs.filter((a) => a.uri !== active)];
    const picked = await window.showQuickPick(
      ordered.map((adr) => ({ label: `${adr.name}${adr.title && adr.name !== adr.title ? `: ${adr.title}` : ''}`, description: [adr.status ?? 'no status', adr.date].filter(Boolean).join(' · '), adr })),
      { title: 'Supersede ADR', placeHolder: 'The ADR the new decision replaces', matchOnDescription: true },
    );
    if (!picked) return;
    const title = await askTitle('Supersede ADR: title of the new decision');
    if (title === undefined) return;
    const format = await pickFormat('Supersede ADR');
    if (format === undefined) return;
    await showResult(await executeServerCommand(client, 'archframe.server.supersedeAdr', { adr: picked.adr.uri, title, format }));
  },
};
