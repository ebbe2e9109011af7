import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { Session } from '../session';

/** One protocol concern: what it announces in `initialize`, and its handlers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(connection: Connection, session: Session): void;
}
