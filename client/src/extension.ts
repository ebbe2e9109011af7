import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { CLIENT_COMMANDS } from './commands';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { SERVER_NODE_OPTIONS, serverEnvironment } from './serverProcess';

let client: LanguageClient | undefined;

/** Starts the language server; everything else lives in the server. */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Node options and malloc settings for memory (serverProcess.ts says why); the benchmark starts the server with the same.
  const env = serverEnvironment();
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: SERVER_NODE_OPTIONS, env } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009', ...SERVER_NODE_OPTIONS], env } },
  };
  const policy = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'archframe-manifest' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      // Virtual workspaces (e.g. a GitHub repository opened remotely): the server analyses the open documents only.
      { language: 'markdown', scheme: 'vscode-vfs' },
      { pattern: '**/.archframe.yaml' },
      // Backstage catalogs (any YAML file whose content says so) and drift sources: the server tells them from
      // ordinary YAML by content and answers nothing for the rest.
      { language: 'yaml', scheme: 'file' },
    ],
    synchronize: {
      configurationSection: 'archframe',
      fileEvents: workspace.createFileSystemWatcher('**/{*.yaml,*.yml,*.md,*.markdown,.adr-dir}'),
    },
    initializationOptions: { settings: workspace.getConfiguration('archframe') },
    // Crashes: restart up to 4 times in 3 minutes, then stop and say so (the editor re-sends open documents on restart).
    errorHandler: {
      error: (_error, _message, count) => ({ action: policy.error(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () => {
        const decision = policy.closed();
        return decision.restart ? { action: CloseAction.Restart, handled: true } : { action: CloseAction.DoNotRestart, message: decision.message };
      },
    },
    // A server that fails to initialize is not retried in a loop: the error shows once, with the output channel.
    initializationFailedHandler: (error) => {
      void window.showErrorMessage(`archframe: the language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
  };
  // The id 'archframe' is what makes the `archframe.trace.server` setting apply to this client.
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
