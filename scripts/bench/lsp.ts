// A language client for the benchmarks: spawns any stdio language server,
// answers its requests (configuration by section, progress tokens), and
// timestamps what it publishes, so that latencies are measured exactly as an
// editor would see them. (test/helpers/lspClient.ts is the tests' client; this
// one adds timing, any server command and memory readings.)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface Position {
  line: number;
  character: number;
}

type Waiter = { uri: string | undefined; predicate: (d: Diagnostic[]) => boolean; resolve: (at: number) => void };

export class BenchClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly spawnedAt = performance.now();
  /** When the server's work-done progress (indexing) ended. */
  progressEnded?: number;
  firstDiagnostics?: number;
  /** When the answer to `initialize` arrived. */
  initializedAt?: number;
  private progressWaiters: (() => void)[] = [];
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  readonly logs: string[] = [];

  /** `env`: variables added to this process's environment for the server. */
  constructor(command: string[], private readonly settings: Record<string, unknown>, env: Record<string, string> = {}) {
    this.process = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.process.stderr!.on('data', (chunk) => this.logs.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const at = performance.now();
      this.firstDiagnostics ??= at;
      this.diagnostics.set(params.uri, params.diagnostics);
      this.waiters = this.waiters.filter((w) => {
        if ((w.uri === undefined || w.uri === params.uri) && w.predicate(params.diagnostics)) {
          w.resolve(at);
          return false;
        }
        return true;
      });
    });
    this.connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
      if (params.value?.kind !== 'end') return;
      this.progressEnded = performance.now();
      for (const resolve of this.progressWaiters.splice(0)) resolve();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? (this.settings[item.section] ?? null) : this.settings)),
    );
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(rootUri: string, initializationOptions?: unknown): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: true },
      },
      initializationOptions,
    });
    this.initializedAt = performance.now();
    void this.connection.sendNotification('initialized', {});
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
    return started;
  }

  /** Resolves when the server reports the end of a work-done progress (or after `timeoutMs`, false). */
  progressEnd(timeoutMs: number): Promise<boolean> {
    if (this.progressEnded !== undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.progressWaiters.push(() => (clearTimeout(timer), resolve(true)));
    });
  }

  /** The time of the next publication for `uri` (any document when undefined) that satisfies the predicate. */
  published(uri: string | undefined, predicate: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 120_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms\n${this.logs.slice(-5).join('\n')}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  open(uri: string, text: string, languageId: string): number {
    this.versions.set(uri, 1);
    const at = performance.now();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return at;
  }

  /** An incremental change of one range, as an editor sends it while typing. */
  edit(uri: string, start: Position, end: Position, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const at = performance.now();
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text }] });
    return at;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Milliseconds for one request, measured at the client. */
  async time(method: string, params: unknown, timeoutMs = 60_000): Promise<{ ms: number; result: unknown }> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} ${JSON.stringify(params)} within ${timeoutMs} ms\n${this.logs.slice(-5).join('\n')}`)), timeoutMs);
    });
    const result = await Promise.race([this.connection.sendRequest(method, params), late]).finally(() => clearTimeout(timer));
    return { ms: performance.now() - started, result };
  }

  /** Peak resident memory of the server process (VmHWM), in bytes. */
  peakRss(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : NaN;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => (this.process.kill(), resolve()), 3000);
      this.process.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.connection.dispose();
  }
}
