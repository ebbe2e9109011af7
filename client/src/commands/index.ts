import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { showDiagram } from '../diagram/panel';
import { importManifest } from './importManifest';
import { insertTemplate } from './insertTemplate';
import { newPostmortem } from './newPostmortem';
import { newRunbook } from './newRunbook';
import { newAdr } from './newAdr';
import { supersedeAdr } from './supersedeAdr';

/**
 * A palette command: asks the user for what it needs (input boxes, quick
 * picks), then asks the server to do the work (workspace/executeCommand).
 */
export interface ClientCommand {
  id: string;
  run(client: LanguageClient, context: ExtensionContext, ...args: unknown[]): Promise<unknown>;
}

export const CLIENT_COMMANDS: ClientCommand[] = [newRunbook, newPostmortem, insertTemplate, showDiagram, newAdr, supersedeAdr, importManifest];
