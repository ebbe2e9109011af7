import type { Session } from '../session';
import { diagram, DIAGRAM_COMMAND } from './diagram';
import { importManifestCommand, IMPORT_MANIFEST_COMMAND } from './importManifest';
import { templatesFor, TEMPLATES_FOR_COMMAND } from './insertTemplate';
import { newPostmortem, NEW_POSTMORTEM_COMMAND } from './newPostmortem';
import { newRunbook, NEW_RUNBOOK_COMMAND, runbookComponents, RUNBOOK_COMPONENTS_COMMAND } from './newRunbook';
import { newAdr, NEW_ADR_COMMAND } from './newAdr';
import { adrList, ADR_LIST_COMMAND, supersedeAdr, SUPERSEDE_ADR_COMMAND } from './supersedeAdr';

/**
 * Server commands (workspace/executeCommand). The client's palette commands
 * ask the user for input, then call these; the server computes the content
 * and applies it with workspace/applyEdit, never overwriting a file.
 */
export type ServerCommand = (session: Session, args: unknown[]) => Promise<unknown> | unknown;

export const COMMANDS: Record<string, ServerCommand> = {
  [RUNBOOK_COMPONENTS_COMMAND]: runbookComponents,
  [NEW_RUNBOOK_COMMAND]: newRunbook,
  [NEW_POSTMORTEM_COMMAND]: newPostmortem,
  [TEMPLATES_FOR_COMMAND]: templatesFor,
  [DIAGRAM_COMMAND]: diagram,
  [NEW_ADR_COMMAND]: newAdr,
  [ADR_LIST_COMMAND]: adrList,
  [SUPERSEDE_ADR_COMMAND]: supersedeAdr,
  [IMPORT_MANIFEST_COMMAND]: importManifestCommand,
};
