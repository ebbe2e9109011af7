import * as path from 'node:path';
import { commands, workspace, type ExtensionContext } from 'vscode';
import { CLIENT_COMMANDS } from './commands';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the language server; everything else lives in the server. */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'archframe-manifest' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { pattern: '**/.archframe.yaml' },
    ],
    synchronize: {
      configurationSection: 'archframe',
      fileEvents: workspace.createFileSystemWatcher('**/{*.yaml,*.yml,*.md,*.markdown,.adr-dir}'),
    },
    initializationOptions: { settings: workspace.getConfiguration('archframe') },
  };
  const started = new LanguageClient('archframe', 'archframe', serverOptions, clientOptions);
  client = started;
  for (const command of CLIENT_COMMANDS) {
    context.subscriptions.push(commands.registerCommand(command.id, (...args: unknown[]) => command.run(started, context, ...args)));
  }
  await started.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
