import { Uri, window } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { CommandArguments, CommandResult, CreateResult, ServerCommandId } from '../../../server/src/protocol';

/** Runs a server command of the protocol, typed by its id. */
export function executeServerCommand<C extends ServerCommandId>(client: LanguageClient, command: C, ...args: CommandArguments<C>): Promise<CommandResult<C>> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<CommandResult<C>>;
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
