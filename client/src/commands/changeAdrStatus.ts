import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AdrItem, AdrLifecycleStatus } from '../../../server/src/protocol';
import { executeServerCommand } from './server';
import type { ClientCommand } from './types';

/** What the status line's code action (or a keybinding's `args`) passes: the ADR, and maybe the status and successor. */
interface ChangeStatusArgs {
  adr?: string;
  status?: AdrLifecycleStatus;
  by?: string;
}

const STATUS_PICKS: { label: string; description: string; status: AdrLifecycleStatus }[] = [
  { label: 'Accepted', description: 'agreed and in force', status: 'accepted' },
  { label: 'Proposed', description: 'under discussion', status: 'proposed' },
  { label: 'Rejected', description: 'considered and turned down', status: 'rejected' },
  { label: 'Deprecated', description: 'no longer in force, no direct replacement', status: 'deprecated' },
  { label: 'Superseded by…', description: 'replaced by another ADR: both statuses link each other', status: 'superseded' },
];

/**
 * Architecture: Change ADR Status… — the ADR (the open one first), its new status, and for Superseded the ADR that
 * replaces it; the server edits the status, and the successor's back-link, as one undoable edit.
 */
export const changeAdrStatus: ClientCommand = {
  id: 'archframe.changeAdrStatus',
  async run(client: LanguageClient, _context: ExtensionContext, args?: unknown) {
    const given = (typeof args === 'object' && args !== null ? args : {}) as ChangeStatusArgs;
    const adrs = await executeServerCommand(client, 'archframe.server.adrList');
    if (adrs.length === 0) {
      await window.showInformationMessage('No ADRs found in the workspace.');
      return;
    }
    const active = window.activeTextEditor?.document.uri.toString();
    const adr = given.adr ?? adrs.find((a) => a.uri === active)?.uri ?? (await pickAdr(adrs, 'Change ADR Status', 'The ADR whose status changes'))?.uri;
    if (!adr) return;
    const status = given.status ?? (await window.showQuickPick(STATUS_PICKS, { title: 'Change ADR Status', placeHolder: `New status of ${nameOf(adrs, adr)}` }))?.status;
    if (!status) return;
    let by = given.by;
    if (status === 'superseded' && !by) {
      by = (await pickAdr(adrs.filter((a) => a.uri !== adr), 'Change ADR Status', `The ADR that supersedes ${nameOf(adrs, adr)}`))?.uri;
      if (!by) return;
    }
    const result = await executeServerCommand(client, 'archframe.server.setAdrStatus', { adr, status, by });
    if ('message' in result) await window.showWarningMessage(result.message);
    else window.setStatusBarMessage(`${nameOf(adrs, adr)}: status set to ${status} (${result.changed.length} file${result.changed.length === 1 ? '' : 's'} edited)`, 5000);
  },
};

function nameOf(adrs: readonly AdrItem[], uri: string): string {
  return adrs.find((a) => a.uri === uri)?.name ?? uri.slice(uri.lastIndexOf('/') + 1);
}

async function pickAdr(adrs: readonly AdrItem[], title: string, placeHolder: string): Promise<AdrItem | undefined> {
  const picked = await window.showQuickPick(
    adrs.map((adr) => ({ label: `${adr.name}${adr.title && adr.name !== adr.title ? `: ${adr.title}` : ''}`, description: [adr.status ?? 'no status', adr.date].filter(Boolean).join(' · '), adr })),
    { title, placeHolder, matchOnDescription: true },
  );
  return picked?.adr;
}
