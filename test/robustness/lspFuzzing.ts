import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { Engine } from '../../server/src/engine/analysis';
import { fileUri } from '../../server/src/engine/text/uri';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { loadWorkspace } from '../../server/src/node/loadWorkspace';
import { TestClient } from '../helpers/lspClient';
import { mutate, mutationArbitrary, seedWorkspaces, type Mutation } from './fuzzing';

/**
 * Random LSP edit sequences against spawned servers. Server A receives the
 * seed document and a sequence of incremental `didChange` ranges with
 * requests in between; server B opens the final text fresh. Both must publish
 * what the engine computes from scratch for that text, answer every request,
 * and stay up.
 */

export type Step = { kind: 'edit'; mutation: Mutation } | { kind: 'request'; method: RequestMethod; at: number };

const REQUESTS = [
  'textDocument/completion',
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/prepareRename',
  'textDocument/rename',
  'textDocument/documentHighlight',
  'textDocument/documentSymbol',
  'textDocument/documentLink',
  'textDocument/codeLens',
  'textDocument/foldingRange',
  'textDocument/codeAction',
  'workspace/symbol',
] as const;
export type RequestMethod = (typeof REQUESTS)[number];

export interface LspCase {
  target: number;
  steps: Step[];
}

export const lspCaseArbitrary: fc.Arbitrary<LspCase> = fc.record({
  target: fc.nat({ max: 1000 }),
  steps: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), mutation: mutationArbitrary }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...REQUESTS), at: fc.nat({ max: 1_000_000 }) }) },
    ),
    { minLength: 1, maxLength: 14 },
  ),
});

/** The same diagnostic, whatever the host's path to the rule docs. */
function normalise(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({ ...d, codeDescription: undefined })));
}

export interface LspFuzzStats {
  cases: number;
  edits: number;
  requests: number;
}

/** Two servers over one temporary copy of the shop, and the engine as the reference. */
export class LspFuzzer {
  readonly root: string;
  readonly rootUri: string;
  readonly a = new TestClient();
  readonly b = new TestClient();
  private reference!: Engine;
  /** What each case edits: its first text, and the text on disk that a server goes back to on close (none: not on disk). */
  private readonly targets: { relative: string; seed: string; disk: string | undefined }[];
  readonly stats: LspFuzzStats = { cases: 0, edits: 0, requests: 0 };

  constructor() {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'archframe-fuzz-'));
    this.rootUri = fileUri(this.root);
    const [shop, , config] = seedWorkspaces();
    for (const [relative, text] of Object.entries(shop.files)) {
      fs.mkdirSync(path.dirname(path.join(this.root, relative)), { recursive: true });
      fs.writeFileSync(path.join(this.root, relative), text);
    }
    this.targets = [
      ...shop.targets.map((relative) => ({ relative, seed: shop.files[relative], disk: shop.files[relative] })),
      // Another configuration of the whole folder, edited in the editor; on close the one on disk (if any) is back.
      { relative: '.archframe.yaml', seed: config.files['.archframe.yaml'], disk: shop.files['.archframe.yaml'] },
    ];
  }

  async start(): Promise<void> {
    await Promise.all([this.a.initialize(this.rootUri), this.b.initialize(this.rootUri)]);
    this.reference = loadWorkspace([this.rootUri]);
    // Both servers have indexed the folder once the manifest's diagnostics are out.
    const manifest = `${this.rootUri}/architecture.yaml`;
    await Promise.all([this.a.waitForDiagnostics(manifest), this.b.waitForDiagnostics(manifest)]);
  }

  private expected(uri: string, text: string, disk: string | undefined): string {
    this.reference.setFile(uri, text);
    const diagnostics = this.reference.findingsFor(uri).map(toDiagnostic);
    if (disk === undefined) this.reference.deleteFile(uri);
    else this.reference.setFile(uri, disk);
    return normalise(diagnostics);
  }

  async run(input: LspCase): Promise<void> {
    const target = this.targets[input.target % this.targets.length];
    const uri = `${this.rootUri}/${target.relative}`;
    let document = TextDocument.create(uri, 'x', 1, target.seed);
    this.a.open(uri, target.seed);
    try {
      await this.sequence(input, uri, target, document);
    } finally {
      // Closed even when the case failed, so that shrinking replays start from the same state.
      this.a.close(uri);
      this.b.close(uri);
    }
    for (const client of [this.a, this.b]) {
      if (client.process.exitCode !== null || client.process.signalCode !== null) throw new Error(`a server exited (${client.process.exitCode ?? client.process.signalCode})\n${client.logs.join('\n')}`);
    }
    this.stats.cases++;
  }

  private async sequence(input: LspCase, uri: string, target: { relative: string; seed: string; disk: string | undefined }, document: TextDocument): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const step of input.steps) {
      if (step.kind === 'edit') {
        const change = toChange(document, step.mutation);
        document = TextDocument.update(document, [change], document.version + 1);
        this.a.edit(uri, change.range, change.text);
        this.stats.edits++;
      } else {
        pending.push(this.request(this.a, document, step.method, step.at));
        this.stats.requests++;
      }
    }
    await Promise.all(pending);
    const final = document.getText();
    const want = this.expected(uri, final, target.disk);
    const describe = () => `\n--- final text of ${target.relative} ---\n${final}\n--- expected ---\n${want}`;
    await this.a.waitForDiagnostics(uri, (d) => normalise(d) === want, 10_000).catch((error: Error) => {
      throw new Error(`after the edit sequence: ${error.message.slice(0, 3000)}${describe()}`);
    });
    this.b.open(uri, final);
    await this.b.waitForDiagnostics(uri, (d) => normalise(d) === want, 10_000).catch((error: Error) => {
      throw new Error(`opened fresh: ${error.message.slice(0, 3000)}${describe()}`);
    });
  }

  /** One request at an offset of the editor's text; the answer must come and be well-formed. */
  private async request(client: TestClient, document: TextDocument, method: RequestMethod, at: number): Promise<void> {
    const text = document.getText();
    const position = document.positionAt(at % (text.length + 1));
    const textDocument = { uri: document.uri };
    const params: Record<RequestMethod, unknown> = {
      'textDocument/completion': { textDocument, position },
      'textDocument/hover': { textDocument, position },
      'textDocument/definition': { textDocument, position },
      'textDocument/references': { textDocument, position, context: { includeDeclaration: true } },
      'textDocument/prepareRename': { textDocument, position },
      'textDocument/rename': { textDocument, position, newName: 'renamed-name' },
      'textDocument/documentHighlight': { textDocument, position },
      'textDocument/documentSymbol': { textDocument },
      'textDocument/documentLink': { textDocument },
      'textDocument/codeLens': { textDocument },
      'textDocument/foldingRange': { textDocument },
      'textDocument/codeAction': { textDocument, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } },
      'workspace/symbol': { query: text.slice(at % (text.length + 1)).slice(0, 2) },
    };
    let result: unknown;
    try {
      result = await withTimeout(client.request(method, params[method]), 10_000, method);
    } catch (error) {
      // A refused rename is an answer (InvalidRequest with a reason); anything else is a failure.
      const code = (error as { code?: number }).code;
      if ((method === 'textDocument/prepareRename' || method === 'textDocument/rename') && code === -32600) return;
      throw new Error(`${method} at ${JSON.stringify(position)} failed: ${(error as Error).message}\n--- text ---\n${text}`);
    }
    checkShape(method, result);
  }

  async stop(): Promise<void> {
    await Promise.all([this.a.shutdown(), this.b.shutdown()]);
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** A mutation of the editor's text as one incremental change (the range the editor would send). */
function toChange(document: TextDocument, mutation: Mutation): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const text = document.getText();
  const after = mutate(text, mutation);
  // The smallest range that turns the text into the mutated one: common prefix and suffix.
  let start = 0;
  while (start < text.length && start < after.length && text[start] === after[start]) start++;
  let end = 0;
  while (end < text.length - start && end < after.length - start && text[text.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: { start: document.positionAt(start), end: document.positionAt(text.length - end) }, text: after.slice(start, after.length - end) };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

function isRange(value: unknown): boolean {
  const r = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  return Number.isInteger(r?.start?.line) && Number.isInteger(r?.start?.character) && Number.isInteger(r?.end?.line) && Number.isInteger(r?.end?.character);
}

/** The answer has the protocol's shape for the method (null where null is allowed). */
function checkShape(method: RequestMethod, result: unknown): void {
  const fail = () => {
    throw new Error(`${method}: malformed answer ${JSON.stringify(result)?.slice(0, 500)}`);
  };
  const list = (check: (item: any) => boolean) => {
    if (!Array.isArray(result) || !result.every(check)) fail();
  };
  switch (method) {
    case 'textDocument/completion': {
      const items = Array.isArray(result) ? result : (result as { items?: unknown[] })?.items;
      if (!Array.isArray(items) || !items.every((i: any) => typeof i.label === 'string' && (i.textEdit === undefined || isRange(i.textEdit.range)))) fail();
      break;
    }
    case 'textDocument/hover':
      if (result !== null && (typeof (result as any).contents?.value !== 'string' || ((result as any).range !== undefined && !isRange((result as any).range)))) fail();
      break;
    case 'textDocument/definition':
    case 'textDocument/references':
      list((l) => typeof l.uri === 'string' && isRange(l.range));
      break;
    case 'textDocument/prepareRename':
      if (result !== null && !isRange((result as any).range ?? result)) fail();
      break;
    case 'textDocument/rename':
      if (result !== null && typeof result !== 'object') fail();
      break;
    case 'textDocument/documentHighlight':
    case 'textDocument/documentLink':
    case 'textDocument/codeLens':
      list((h) => isRange(h.range));
      break;
    case 'textDocument/documentSymbol':
      list((s) => typeof s.name === 'string' && isRange(s.range) && isRange(s.selectionRange));
      break;
    case 'textDocument/foldingRange':
      list((f) => Number.isInteger(f.startLine) && Number.isInteger(f.endLine) && f.startLine <= f.endLine);
      break;
    case 'textDocument/codeAction':
      list((a) => typeof a.title === 'string');
      break;
    case 'workspace/symbol':
      list((s) => typeof s.name === 'string' && typeof s.location?.uri === 'string');
      break;
  }
}
