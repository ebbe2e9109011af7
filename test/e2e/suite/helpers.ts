// What the e2e cases share: the workspace, waiting for the language server,
// reading diagnostics the way the Problems panel shows them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'archframe.archframe';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e runner opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
    await sleep(100);
  }
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The diagnostics archframe published for a file, as VS Code holds them. */
export function archframeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'archframe');
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const list = archframeDiagnostics(uri);
  return list.length === 0 ? 'none' : list.map((d) => `${ruleIdOf(d)}@${d.range.start.line + 1}`).join(', ');
}

/** Waits until archframe's diagnostics on `uri` satisfy `predicate`. */
export async function waitForDiagnostics(uri: vscode.Uri, what: string, predicate: (list: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(what, () => {
      const list = archframeDiagnostics(uri);
      return predicate(list) ? list : undefined;
    }, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; diagnostics on ${vscode.workspace.asRelativePath(uri)}: ${describeDiagnostics(uri)}`);
  }
}

export async function open(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position just after the `occurrence`-th `text` in the document (tests may search text; the engine may not). */
export function positionAfter(document: vscode.TextDocument, text: string, occurrence = 1): vscode.Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = document.getText().indexOf(text, index + 1);
    assert.ok(index >= 0, `'${text}' occurs ${occurrence} time(s) in ${vscode.workspace.asRelativePath(document.uri)}`);
  }
  return document.positionAt(index + text.length);
}

export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 1): vscode.Range {
  const end = positionAfter(document, text, occurrence);
  return new vscode.Range(document.positionAt(document.offsetAt(end) - text.length), end);
}

/** The plain text of hover contents, whatever shape the provider returned. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export async function replaceText(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code applied the edit');
}
