import type { Session } from '../session';

/**
 * Server commands (workspace/executeCommand). The client's palette commands
 * ask the user for input, then call these; the server computes the content
 * and applies it with workspace/applyEdit, never overwriting a file.
 */
export type ServerCommand = (session: Session, args: unknown[]) => Promise<unknown> | unknown;

export const COMMANDS: Record<string, ServerCommand> = {};
