// The client↔server protocol beyond LSP: every command the server executes
// (workspace/executeCommand), with its arguments and its answer. The client's
// palette commands and the server's command handlers both import this module,
// so an id or a shape is written once. It imports nothing: these are wire
// types (plain JSON), not the engine's.

/** A position and range as LSP writes them (zero-based lines, UTF-16 characters). */
export interface WirePosition {
  line: number;
  character: number;
}
export interface WireRange {
  start: WirePosition;
  end: WirePosition;
}

/** What a document-creating command answers: the new file, or why nothing was written (and the file that is there). */
export type CreateResult = { uri: string; path: string } | { message: string; existing?: string };

/** A component to write a runbook for (New Runbook…). */
export interface RunbookCandidate {
  name: string;
  kind: string;
  description?: string;
  owner?: string;
  /** The runbook it already has (a URI), when that file exists. */
  runbook?: string;
}

/** A template that fits the current document (Insert Template…). */
export interface TemplateChoice {
  id: string;
  label: string;
  description: string;
  /** Snippet syntax, for the editor's insertSnippet. */
  body: string;
}

/** An ADR of the workspace (Supersede ADR…). */
export interface AdrItem {
  uri: string;
  /** `ADR-0007`, `API-012`, or the file name. */
  name: string;
  title?: string;
  status?: string;
  date?: string;
  format: string;
}

/** The formats New ADR writes (`''`: the folder's own). */
export type NewAdrFormat = '' | 'nygard' | 'framework' | 'madr';

export interface NewAdrArguments {
  title: string;
  format?: NewAdrFormat;
  /** The workspace folder (a URI); default: the first. */
  folder?: string;
  /** `YYYY-MM-DD`; default: today, in the server's local time. */
  date?: string;
}

export interface SupersedeAdrArguments {
  /** The URI of the ADR that the new one replaces. */
  adr: string;
  title: string;
  format?: NewAdrFormat;
  date?: string;
}

/** The statuses Change ADR Status… sets. */
export type AdrLifecycleStatus = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded';

export interface SetAdrStatusArguments {
  /** The ADR's URI. */
  adr: string;
  status: AdrLifecycleStatus;
  /** For `superseded`: the URI of the ADR that replaces it (its status then says it supersedes this one). */
  by?: string;
}

/** What an editing command answers: the documents it changed, or why it changed none. */
export type EditResult = { changed: string[] } | { message: string; existing?: string };

/** An ADR collection (a folder of ADRs), for Update ADR Index. */
export interface AdrCollection {
  /** The folder's URI. */
  uri: string;
  /** Workspace-relative. */
  path: string;
  adrs: number;
}

export interface AdrIndexArguments {
  /** The collection's folder (a URI); default: the one the most ADRs are in. */
  folder?: string;
}

/** Update ADR Index: the page written (created or refreshed), or why nothing was. */
export type AdrIndexResult = { uri: string; path: string; written: 'created' | 'updated' | 'unchanged' } | { message: string; existing?: string };

export interface NewPostmortemArguments {
  title: string;
  /** `YYYY-MM-DD`; default: today. */
  date?: string;
  severity?: string;
}

export interface DiagramArguments {
  /** Narrow the picture to one element and its neighbours. */
  focus?: string;
  /** Steps around `focus` (default 1). */
  depth?: number;
  /** Embed the stylesheet (for saving as a file); the webview styles the markup itself. */
  standalone?: boolean;
}

export interface DiagramElement {
  id: string;
  name: string;
  /** 'component', 'datastore', 'channel', 'missing' for nodes; 'edge' for dependencies. */
  kind: string;
  /** Where to jump on click; absent for targets that name nothing. */
  location?: { uri: string; range: WireRange };
  /** Rule ids of the findings drawn on it. */
  ruleIds: string[];
}

export type DiagramResult =
  | {
      svg: string;
      /** The stylesheet the SVG expects when it was rendered without one. */
      css: string;
      system?: string;
      focus?: string;
      elements: DiagramElement[];
      /** Every name that can be focused, sorted. */
      names: string[];
    }
  | { message: string; names: string[] };

/** Every server command: its arguments (the `arguments` array of workspace/executeCommand) and its answer. */
export interface ServerCommands {
  'archframe.server.runbookComponents': { arguments: []; result: RunbookCandidate[] };
  /** The component's name. */
  'archframe.server.newRunbook': { arguments: [component: string]; result: CreateResult };
  'archframe.server.newPostmortem': { arguments: [NewPostmortemArguments]; result: CreateResult };
  'archframe.server.templatesFor': { arguments: [{ uri: string; languageId: string }]; result: TemplateChoice[] };
  'archframe.server.newAdr': { arguments: [NewAdrArguments]; result: CreateResult };
  'archframe.server.adrList': { arguments: []; result: AdrItem[] };
  'archframe.server.supersedeAdr': { arguments: [SupersedeAdrArguments]; result: CreateResult };
  'archframe.server.setAdrStatus': { arguments: [SetAdrStatusArguments]; result: EditResult };
  'archframe.server.adrCollections': { arguments: []; result: AdrCollection[] };
  'archframe.server.adrIndex': { arguments: [AdrIndexArguments?]; result: AdrIndexResult };
  /** File URIs of Compose files, Kubernetes manifests or Backstage catalogs, or of folders holding them. */
  'archframe.server.importManifest': { arguments: [{ sources: string[] }]; result: CreateResult };
  'archframe.server.diagram': { arguments: [DiagramArguments?]; result: DiagramResult };
}

export type ServerCommandId = keyof ServerCommands;
export type CommandArguments<C extends ServerCommandId> = ServerCommands[C]['arguments'];
export type CommandResult<C extends ServerCommandId> = ServerCommands[C]['result'];

/** The ids, for code that needs them as values (the server's capabilities, the client's calls). */
export const SERVER_COMMAND_IDS: readonly ServerCommandId[] = [
  'archframe.server.runbookComponents',
  'archframe.server.newRunbook',
  'archframe.server.newPostmortem',
  'archframe.server.templatesFor',
  'archframe.server.newAdr',
  'archframe.server.adrList',
  'archframe.server.supersedeAdr',
  'archframe.server.setAdrStatus',
  'archframe.server.adrCollections',
  'archframe.server.adrIndex',
  'archframe.server.importManifest',
  'archframe.server.diagram',
];

/** Today as `YYYY-MM-DD` in local time: what the date of a new document defaults to. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
