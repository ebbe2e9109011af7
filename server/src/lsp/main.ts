import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { FEATURES } from './handlers';
import { Session, type ServerSettings } from './session';
import { heapNudge } from '../node/heapNudge';

/**
 * Wires the protocol to the session. stdout belongs to the protocol: all
 * logging goes through the connection's console.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Session {
  const session = new Session(connection);
  session.nudgeHeap = heapNudge();
  // Anything written with console.* would corrupt the stdio stream: route it to the client's log.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

  connection.onInitialize((params) => session.initialize(params, FEATURES.map((feature) => feature.capabilities)));
  connection.onInitialized(async () => {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    // Registered here: the notification exists only once the client has said it supports workspace folders.
    if (session.supportsWorkspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((event) => session.foldersChanged(event.added, event.removed));
    await session.initialized(progress);
  });
  connection.onDidChangeConfiguration((change) => session.configurationChanged((change.settings as { archframe?: ServerSettings } | undefined)?.archframe));
  connection.onDidChangeWatchedFiles((params) => session.watchedFilesChanged(params.changes));

  session.documents.onDidOpen((event) => session.opened(event.document.uri, event.document.getText(), event.document.languageId));
  session.documents.onDidChangeContent((event) => session.changed(event.document.uri, event.document.getText()));
  session.documents.onDidClose((event) => session.closed(event.document.uri));

  process.on('uncaughtException', (error) => session.log(`uncaught: ${error.stack ?? error}`, 'error'));
  process.on('unhandledRejection', (error) => session.log(`unhandled rejection: ${(error as Error)?.stack ?? error}`, 'error'));

  for (const feature of FEATURES) feature.register(connection, session);
  session.documents.listen(connection);
  connection.listen();
  return session;
}
