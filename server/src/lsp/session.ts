import {
  type Diagnostic,
  type PublishDiagnosticsParams,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
  FileChangeType,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine, type EngineSettings } from '../engine/analysis';
import type { Finding, SeveritySetting } from '../engine/model/findings';
import { isInside } from '../engine/text/uri';
import { loadWorkspace, readPolicyFiles, readSiblings, readSources, reloadFile, singleFileEngine } from '../node/loadWorkspace';
import { singleFileRoot } from '../engine/workspace/classify';
import { toDiagnostic } from './convert';
import type { EditCapabilities } from './workspaceEdit';
import type { AnalysedDocument, WorkspaceSnapshot } from '../engine/workspace/snapshot';

/**
 * Files this small are analysed at once. Larger ones too, unless their changes come faster than DEBOUNCE_MS apart
 * (a key held down, a burst): then the analysis waits that long for the next one. Waiting on every change added
 * 50 ms to each edit of a 1.7 MB manifest (a fifth of its 250 ms); a change overtaking an analysis stops it anyway.
 */
const IMMEDIATE_SIZE = 200_000;
const DEBOUNCE_MS = 50;
/** The analysis runs in slices of about this long; requests (completion, hover) and newer changes get in between. */
const SLICE_MS = 15;

export interface ServerSettings {
  rules?: Record<string, SeveritySetting>;
  maxFileSize?: number;
}

/**
 * The language server's state: the open documents, the engine over the
 * workspace, and what has been published. Handlers look things up here and
 * delegate to the engine.
 */
export class Session {
  readonly documents = new TextDocuments(TextDocument);
  engine: Engine;
  folders: string[] = [];
  /** Per document: the findings last published, and their diagnostics (to skip sending what did not change). */
  private published = new Map<string, { findings: readonly Finding[]; diagnostics: readonly Diagnostic[] }>();
  /** The document edited or opened last: its diagnostics are sent first. */
  private lastEdited: string | undefined;
  /** Rule failures already written to the log ("rule uri message"): each is logged once, not on every keystroke. */
  private loggedFailures = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Counts changes: an analysis started before the latest one is stale and stops at its next slice. */
  private changes = 0;
  private supportsConfiguration = false;
  supportsWorkspaceFolders = false;
  /** What the client's workspace edits can hold (file creation, versioned edits): every edit is built for it. */
  editCapabilities: EditCapabilities = { documentChanges: false, createFiles: false };
  private settings: EngineSettings = {};
  /**
   * Single-file mode: documents opened outside every workspace folder each get an engine of their own, so that
   * unrelated files never meet: per root for files on disk (their folder, or the folder above the document folder
   * they sit in; shared by the documents opened there), per document for untitled ones. An engine goes when the
   * last of its documents closes.
   */
  private loose = new Map<string, { engine: Engine; open: Set<string>; readFolders: Set<string> }>();
  /** Settles when the workspace is indexed: requests wait for it, so none is answered from a half-read workspace. */
  private ready: Promise<void> = Promise.resolve();
  private markIndexed?: () => void;
  /** Around each publication: a full collection when the heap calls for one (node/heapNudge); answers when it ends. */
  nudgeHeap: (released: boolean, beforeWrite: boolean) => Promise<void> | undefined = () => undefined;
  /** The publication waiting for a collection before it is written: the next goes after it, so they arrive in order. */
  private pendingWrite: Promise<void> | undefined;
  /** When the last change to any open document arrived (Date.now()): closer together than DEBOUNCE_MS, a burst. */
  private lastChangeAt = -Infinity;
  /** A document was closed or deleted since the last publication: what it held is garbage now. */
  private released = false;

  constructor(readonly connection: Connection) {
    this.engine = new Engine({ folders: [], host: { exists: () => false } });
  }

  /** `capabilities`: what the protocol features announce (lsp/handlers; the session knows none of them). */
  initialize(params: InitializeParams, capabilities: readonly ServerCapabilities[] = []): InitializeResult {
    this.folders = (params.workspaceFolders ?? []).map((f) => f.uri.replace(/\/$/, ''));
    if (this.folders.length === 0 && params.rootUri) this.folders = [params.rootUri.replace(/\/$/, '')];
    this.supportsConfiguration = Boolean(params.capabilities.workspace?.configuration);
    this.supportsWorkspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    this.editCapabilities = { documentChanges: workspaceEdit?.documentChanges === true, createFiles: workspaceEdit?.resourceOperations?.includes('create') === true };
    const options = params.initializationOptions as { settings?: ServerSettings } | undefined;
    if (options?.settings) this.settings = toEngineSettings(options.settings);
    // Pending from here: the client may open a document and ask about it before `initialized` has read the folders.
    this.ready = new Promise((resolve) => (this.markIndexed = resolve));
    return {
      capabilities: Object.assign(
        {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        ...capabilities,
      ),
      serverInfo: { name: 'archframe', version: '0.1.0' },
    };
  }

  /** Reads the workspace from disk (with progress in the editor) and publishes its findings. */
  async initialized(progress?: WorkDoneProgressReporter): Promise<void> {
    const indexing = (async () => {
      if (this.supportsConfiguration) await this.pullSettings();
      progress?.begin('archframe: indexing workspace', 0, undefined, true);
      const started = Date.now();
      this.loose = new Map();
      this.engine = loadWorkspace(this.folders, this.settings, (done, total) => progress?.report(Math.round((done / Math.max(total, 1)) * 100), `${done}/${total} files`));
      for (const document of this.documents.all()) this.track(document.uri, document.getText(), document.languageId);
      // The index: every document parsed, names and ADRs resolvable (what editor features need); the rules come after.
      this.engine.snapshot();
      progress?.done();
      this.log(`indexed ${this.folders.length} folder(s) in ${Date.now() - started} ms`);
    })().finally(() => {
      this.markIndexed?.();
      this.markIndexed = undefined;
    });
    this.ready = indexing;
    await indexing;
    // Let the end of the progress reach the editor before the rules run.
    await new Promise((resolve) => setImmediate(resolve));
    await this.publishInSlices();
  }

  /** Resolves once the workspace has been read (at once, after the first indexing, unless folders change). */
  async indexed(): Promise<void> {
    await this.ready.catch(() => undefined);
  }

  /** Workspace folders added or removed: the index is rebuilt over the new set (a rare event). */
  async foldersChanged(added: readonly { uri: string }[], removed: readonly { uri: string }[]): Promise<void> {
    const gone = new Set(removed.map((f) => f.uri.replace(/\/$/, '')));
    this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.map((f) => f.uri.replace(/\/$/, ''))];
    this.changes++;
    await this.initialized();
  }

  async pullSettings(): Promise<void> {
    try {
      const [settings] = (await this.connection.workspace.getConfiguration([{ section: 'archframe' }])) as [ServerSettings | null];
      this.settings = toEngineSettings(settings ?? {});
      for (const engine of this.engines()) engine.setSettings(this.settings);
    } catch (error) {
      this.log(`could not read settings: ${(error as Error).message}`);
    }
  }

  async configurationChanged(settings: ServerSettings | undefined): Promise<void> {
    if (this.supportsConfiguration) await this.pullSettings();
    else if (settings) {
      this.settings = toEngineSettings(settings);
      for (const engine of this.engines()) engine.setSettings(this.settings);
    }
    this.schedule(0);
  }

  opened(uri: string, text: string, languageId?: string): void {
    this.lastEdited = uri;
    this.track(uri, text, languageId);
    // No burst of keystrokes to wait for: an opened document is analysed at once, whatever its size.
    this.schedule(0);
  }

  /**
   * Hands an open document to its engine. One outside every workspace folder gets single-file analysis in an engine
   * of its own: a file on disk with its root's configuration and the siblings its kind needs, read from disk; an
   * untitled (or other non-file) document as the editor's language says it is.
   */
  private track(uri: string, text: string, languageId: string | undefined): void {
    if (this.inWorkspace(uri)) {
      this.engine.setLanguage(uri, languageId);
      this.engine.setFile(uri, text);
      return;
    }
    const onDisk = uri.startsWith('file:');
    const key = onDisk ? singleFileRoot(uri) : uri;
    let loose = this.loose.get(key);
    if (!loose) {
      loose = { engine: onDisk ? singleFileEngine(key, this.settings) : new Engine({ folders: [], host: { exists: () => false }, settings: this.settings }), open: new Set(), readFolders: new Set() };
      this.loose.set(key, loose);
    }
    loose.open.add(uri);
    loose.engine.setLanguage(uri, languageId);
    loose.engine.setFile(uri, text);
    const folder = uri.slice(0, uri.lastIndexOf('/'));
    if (onDisk && !loose.readFolders.has(folder)) {
      loose.readFolders.add(folder);
      readSiblings(loose.engine, key, uri, loose.engine.kindOf(uri));
    }
  }

  /** A document outside the workspace folders closed: its engine forgets it, and goes with its last document. */
  private untrack(uri: string): void {
    for (const [key, loose] of this.loose) {
      if (!loose.open.delete(uri)) continue;
      if (loose.open.size === 0) this.loose.delete(key);
      else loose.engine.deleteFile(uri);
    }
  }

  /** The engine that analyses a document: the workspace's, or the one of a document opened on its own. */
  engineFor(uri: string): Engine {
    if (!this.inWorkspace(uri)) for (const loose of this.loose.values()) if (loose.open.has(uri) || loose.engine.hasFile(uri)) return loose.engine;
    return this.engine;
  }

  /**
   * The engine commands work in (New ADR…, the diagram): the workspace's; with no folder open, that of the
   * document opened on its own most recently.
   */
  commandEngine(): Engine {
    if (this.folders.length > 0) return this.engine;
    return [...this.loose.values()].pop()?.engine ?? this.engine;
  }

  private engines(): Engine[] {
    return [this.engine, ...[...this.loose.values()].map((loose) => loose.engine)];
  }

  changed(uri: string, text: string): void {
    this.lastEdited = uri;
    this.engineFor(uri).setFile(uri, text);
    if (isConfig(uri)) readSources(this.engine, this.folders);
    // Only an edit of the configuration or of a policy file can name another file to extend: not every keystroke.
    if (isConfig(uri) || this.engine.kindOf(uri) === 'policies') readPolicyFiles(this.engine, this.folders);
    const now = Date.now();
    const burst = now - this.lastChangeAt < DEBOUNCE_MS;
    this.lastChangeAt = now;
    this.schedule(text.length < IMMEDIATE_SIZE || !burst ? 0 : DEBOUNCE_MS);
  }

  /** A closed document falls back to what is on disk (it may have been closed without saving). */
  closed(uri: string): void {
    this.released = true;
    if (this.inWorkspace(uri)) {
      this.engine.setLanguage(uri, undefined);
      reloadFile(this.engine, this.folders, uri);
    } else this.untrack(uri);
    this.schedule(0);
  }

  /** Files changed on disk (watched by the client). Open documents keep their editor text. */
  watchedFilesChanged(changes: { uri: string; type: FileChangeType }[]): void {
    for (const change of changes) {
      if (this.documents.get(change.uri) || !this.inWorkspace(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.released = true;
        this.engine.deleteFile(change.uri);
        continue;
      }
      reloadFile(this.engine, this.folders, change.uri);
    }
    // A new `sources:` list may name files read earlier as nothing in particular.
    if (changes.some((change) => isConfig(change.uri))) readSources(this.engine, this.folders);
    readPolicyFiles(this.engine, this.folders);
    this.schedule(0);
  }

  /** The analysed document at a URI and an offset into it, for position-based requests. */
  at(uri: string, position: { line: number; character: number }): { document: AnalysedDocument; workspace: WorkspaceSnapshot; offset: number } | undefined {
    const found = this.whole(uri);
    return found && { ...found, offset: found.document.lines.offset(position) };
  }

  whole(uri: string): { document: AnalysedDocument; workspace: WorkspaceSnapshot } | undefined {
    const workspace = this.engineFor(uri).snapshot();
    const document = workspace.document(uri);
    return document && { document, workspace };
  }

  inWorkspace(uri: string): boolean {
    return this.folders.some((folder) => isInside(folder, uri));
  }

  /** Publishes once the burst of changes is over; a newer change cancels the pending run. */
  schedule(delay: number): void {
    this.changes++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.ready.then(() => this.publishInSlices());
    }, delay);
  }

  /** Analyses and publishes at once. */
  publish(): void {
    let findings;
    try {
      findings = this.engine.findings();
    } catch (error) {
      this.log(`analysis failed: ${(error as Error).stack ?? error}`, 'error');
      return;
    }
    void this.send([findings, ...this.looseFindings()]);
  }

  /** The findings of the documents opened on their own (each engine holds a few files: analysed at once). */
  private looseFindings(): ReadonlyMap<string, Finding[]>[] {
    const all: ReadonlyMap<string, Finding[]>[] = [];
    for (const loose of this.loose.values()) {
      try {
        all.push(loose.engine.findings());
      } catch (error) {
        this.log(`analysis failed: ${(error as Error).stack ?? error}`, 'error');
      }
    }
    return all;
  }

  /**
   * Analyses in slices of about SLICE_MS, yielding to the event loop in between, so that completion and hover are
   * answered during a long analysis; a change that arrives meanwhile makes this run stale: it stops, and the run
   * that change scheduled publishes instead. Once the diagnostics are written, the engines prepare the next analysis
   * the same way (elementRunSteps), until the next change.
   */
  async publishInSlices(): Promise<void> {
    const generation = this.changes;
    const analysed = await this.inSlices(this.engine.analysisSteps(), generation, 'analysis');
    if (!analysed) return;
    const sent = this.send([analysed.value, ...this.looseFindings()]);
    // Not before the diagnostics are out: a busy loop hands a large message to the editor a pipe's worth per turn
    // (2,000 components: 4.4 MB, written under preparation, reached the editor 0.2-0.4 s later).
    await sent;
    if (this.changes !== generation) return;
    await this.inSlices(this.preparation(), generation, 'preparing the next analysis');
  }

  /** What each engine can do for the next analysis now (documents opened on their own too). */
  private *preparation(): Generator<void, void> {
    for (const engine of this.engines()) yield* engine.elementRunSteps();
  }

  /**
   * Runs engine steps in slices of about SLICE_MS, yielding to the event loop in between. Undefined when a change
   * arrived meanwhile (the run is stale: it stops) or a step threw (logged).
   */
  private async inSlices<T>(steps: Generator<void, T>, generation: number, what: string): Promise<{ value: T } | undefined> {
    try {
      let sliceStart = Date.now();
      for (;;) {
        const step = steps.next();
        if (step.done) return { value: step.value };
        if (Date.now() - sliceStart < SLICE_MS) continue;
        await new Promise((resolve) => setImmediate(resolve));
        if (this.changes !== generation) return undefined;
        sliceStart = Date.now();
      }
    } catch (error) {
      this.log(`${what} failed: ${(error as Error).stack ?? error}`, 'error');
      return undefined;
    }
  }

  /**
   * Sends what changed since the last publication, the document edited last first; resolves once it is written and
   * the collection that follows, if any, has ended.
   */
  private send(maps: readonly ReadonlyMap<string, Finding[]>[]): Promise<unknown> {
    const messages: PublishDiagnosticsParams[] = [];
    this.logRuleFailures();
    const seen = new Set<string>();
    const publish = (uri: string, list: readonly Finding[]) => {
      seen.add(uri);
      const last = this.published.get(uri);
      // Reused rule runs hand back the very same findings: nothing to convert or compare for most documents.
      if (last && sameItems(last.findings, list)) return;
      const diagnostics = list.map(toDiagnostic);
      this.published.set(uri, { findings: list, diagnostics });
      if (last && sameDiagnostics(last.diagnostics, diagnostics)) return;
      messages.push({ uri, diagnostics });
    };
    const first = this.lastEdited;
    for (const findings of maps) {
      const list = first === undefined ? undefined : findings.get(first);
      if (list) publish(first!, list);
    }
    for (const findings of maps) for (const [uri, list] of findings) if (uri !== first) publish(uri, list);
    for (const uri of [...this.published.keys()]) {
      if (seen.has(uri)) continue;
      this.published.delete(uri);
      messages.push({ uri, diagnostics: [] });
    }
    const released = this.released;
    this.released = false;
    // A write that fails (the editor went away) is the connection's to report; the calls are made when write() is.
    const write = async () => {
      try {
        await Promise.all(messages.map((message) => this.connection.sendDiagnostics(message)));
      } catch {
        // The connection reports it.
      }
    };
    // A large heap is collected first (heapNudge's LARGE_HEAP); otherwise the collection waits for the write: started
    // in the same turn, it ran before the writer encoded anything (2,000 components: 0.13 s before the first byte).
    const before = this.pendingWrite ?? this.nudgeHeap(released, true);
    let written: Promise<void>;
    if (before) {
      const queued = (written = before.then(write));
      this.pendingWrite = queued;
      void queued.then(() => {
        if (this.pendingWrite === queued) this.pendingWrite = undefined;
      });
    } else {
      written = write();
    }
    // Resolves once the collection after the write ends too: the preparation does not allocate while it runs.
    return written.then(() => this.nudgeHeap(released, false));
  }

  /** Rules that threw show as `internal-error` diagnostics; the log gets the stack, once per rule, file and error. */
  private logRuleFailures(): void {
    for (const failure of this.engines().flatMap((engine) => engine.ruleFailures())) {
      // The message, not the whole stack: the same failure is reached from different call sites.
      const key = `${failure.ruleId} ${failure.uri} ${failure.error.split('\n')[0]}`;
      if (this.loggedFailures.has(key)) continue;
      this.loggedFailures.add(key);
      this.log(`rule '${failure.ruleId}' failed on ${failure.uri} and was skipped: ${failure.error}`, 'error');
    }
  }

  log(message: string, level: 'info' | 'error' | 'warn' = 'info'): void {
    if (level === 'error') this.connection.console.error(message);
    else if (level === 'warn') this.connection.console.warn(message);
    else this.connection.console.info(message);
  }
}

function isConfig(uri: string): boolean {
  return uri.endsWith('/.archframe.yaml');
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Would the client show the same? (Findings made again are new objects with the same content.) */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i] || JSON.stringify(item) === JSON.stringify(b[i]));
}

function toEngineSettings(settings: ServerSettings): EngineSettings {
  return { rules: settings.rules, maxFileSize: settings.maxFileSize };
}
