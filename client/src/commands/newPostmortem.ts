import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { today } from '../../../server/src/protocol';
import { executeServerCommand, showResult } from './server';
import type { ClientCommand } from './types';

const SEVERITIES = [
  { label: 'SEV1', description: 'Customer-facing outage' },
  { label: 'SEV2', description: 'Major degradation' },
  { label: 'SEV3', description: 'Minor impact' },
  { label: 'SEV4', description: 'No customer impact' },
];

/** Architecture: New Postmortem… — the incident's title (and severity); today's date; the seven sections. */
export const newPostmortem: ClientCommand = {
  id: 'archframe.newPostmortem',
  async run(client: LanguageClient, _context: ExtensionContext) {
    const title = await window.showInputBox({
      title: 'New Postmortem',
      prompt: 'What happened, in a few words (the file is named after today\'s date and this title)',
      placeHolder: 'Checkout outage after deploy',
      validateInput: (value) => (value.trim() === '' ? 'The postmortem needs a title.' : undefined),
    });
    if (title === undefined) return;
    const severity = await window.showQuickPick(SEVERITIES, { title: 'New Postmortem: severity (Escape to decide later)', placeHolder: 'Severity level (Appendix D §2)' });
    await showResult(await executeServerCommand(client, 'archframe.server.newPostmortem', { title, date: today(), severity: severity?.label }));
  },
};
