import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/**
 * A palette command: asks the user for what it needs (input boxes, quick
 * picks), then asks the server to do the work (workspace/executeCommand).
 */
export interface ClientCommand {
  id: string;
  run(client: LanguageClient, context: ExtensionContext, ...args: unknown[]): Promise<unknown>;
}
