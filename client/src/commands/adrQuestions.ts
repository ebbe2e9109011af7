import { window } from 'vscode';
import type { NewAdrFormat } from '../../../server/src/protocol';

/** The questions New ADR and Supersede ADR ask: a title, a format. */

/** The formats New ADR writes; the first entry lets the server choose (configured, else the folder's usual one). */
const ADR_FORMAT_PICKS = [
  { label: 'Folder default', description: 'adr.format of .archframe.yaml, else the format most ADRs of the folder use', format: '' as NewAdrFormat },
  { label: 'Nygard / adr-tools', description: 'N. Title, Date, Status, Context, Decision, Consequences', format: 'nygard' as NewAdrFormat },
  { label: 'Framework (ADR-NNN)', description: 'ADR-NNN: Title, Status, Context, Decision, Consequences with Positive/Negative', format: 'framework' as NewAdrFormat },
  { label: 'MADR', description: 'Front matter, Context and Problem Statement, Considered Options, Decision Outcome', format: 'madr' as NewAdrFormat },
];

export async function pickFormat(title: string): Promise<NewAdrFormat | undefined> {
  const picked = await window.showQuickPick(ADR_FORMAT_PICKS, { title, placeHolder: 'ADR format' });
  return picked?.format;
}

export function askTitle(title: string, value?: string): Thenable<string | undefined> {
  return window.showInputBox({ title, prompt: 'Title of the decision (becomes the file name: NNNN-title.md)', value, validateInput: (text) => (text.trim() === '' ? 'A title is needed.' : undefined) });
}
