import type { CommandResult, ServerCommandId } from '../../protocol';
import type { Session } from '../session';
import { diagram } from './diagram';
import { importManifestCommand } from './importManifest';
import { templatesFor } from './insertTemplate';
import { newAdr } from './newAdr';
import { newPostmortem } from './newPostmortem';
import { newRunbook, runbookComponents } from './newRunbook';
import { adrCollectionList, adrIndex, setAdrStatus } from './adrLifecycle';
import { adrList, supersedeAdr } from './supersedeAdr';

/**
 * Server commands (workspace/executeCommand), one per id of the protocol (server/src/protocol.ts). The client's
 * palette commands ask the user for input, then call these; the server computes the content and applies it with
 * workspace/applyEdit, never overwriting a file. Arguments come from the wire: each command checks them.
 */
export type ServerCommand<C extends ServerCommandId> = (session: Session, args: unknown[]) => CommandResult<C> | Promise<CommandResult<C>>;

export const COMMANDS: { readonly [C in ServerCommandId]: ServerCommand<C> } = {
  'archframe.server.runbookComponents': runbookComponents,
  'archframe.server.newRunbook': newRunbook,
  'archframe.server.newPostmortem': newPostmortem,
  'archframe.server.templatesFor': templatesFor,
  'archframe.server.diagram': diagram,
  'archframe.server.newAdr': newAdr,
  'archframe.server.adrList': adrList,
  'archframe.server.supersedeAdr': supersedeAdr,
  'archframe.server.setAdrStatus': setAdrStatus,
  'archframe.server.adrCollections': adrCollectionList,
  'archframe.server.adrIndex': adrIndex,
  'archframe.server.importManifest': importManifestCommand,
};
