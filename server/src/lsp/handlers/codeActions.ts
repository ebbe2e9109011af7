import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { featuresFor } from '../../engine/features';
import type { Range, Span } from '../../engine/text/types';
import { toCodeAction, toEditorAction } from '../convert';
import type { Feature } from './types';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Quick fixes: the fixes the engine attached to findings under the cursor. Then the changes the document's features
 * offer there (an ADR's status line: set another status), as refactorings.
 */
export const codeActions: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], resolveProvider: false } },
  register(connection, session) {
    connection.onCodeAction(async (params) => {
      await session.indexed();
      const uri = params.textDocument.uri;
      const actions: CodeAction[] = [];
      const wanted = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
      for (const finding of session.engineFor(uri).findingsFor(uri)) {
        if (!finding.fixes?.length || !overlaps(finding.range, params.range)) continue;
        // Clients may send the code back as a string, a number or VS Code's { value, target }.
        const codeOf = (d: Diagnostic) => String(typeof d.code === 'object' && d.code !== null ? (d.code as { value: unknown }).value : d.code);
        const diagnostic: Diagnostic | undefined =
          params.context.diagnostics.find((d) => codeOf(d) === finding.ruleId && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character) ??
          params.context.diagnostics.find((d) => codeOf(d) === finding.ruleId && d.message === finding.message);
        for (const fix of finding.fixes) {
          const action = wanted(CodeActionKind.QuickFix) ? toCodeAction(fix, diagnostic, session.editCapabilities) : undefined;
          if (action) actions.push(action);
        }
      }
      const found = wanted(CodeActionKind.RefactorRewrite) ? session.whole(uri) : undefined;
      if (found) {
        const span: Span = [found.document.lines.offset(params.range.start), found.document.lines.offset(params.range.end)];
        for (const action of featuresFor(found.document).actions?.(found.workspace, found.document, span) ?? []) {
          const converted = toEditorAction(action, { ...session.editCapabilities, versionOf: (u) => session.documents.get(u)?.version ?? null });
          if (converted) actions.push(converted);
        }
      }
      return actions;
    });
  },
};
