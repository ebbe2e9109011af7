import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Range } from '../../engine/text/types';
import { toCodeAction } from '../convert';
import type { Feature } from './types';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Quick fixes: the fixes the engine attached to findings under the cursor. */
export const codeActions: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false } },
  register(connection, session) {
    connection.onCodeAction((params) => {
      const uri = params.textDocument.uri;
      const actions: CodeAction[] = [];
      for (const finding of session.engine.findingsFor(uri)) {
        if (!finding.fixes?.length || !overlaps(finding.range, params.range)) continue;
        // Clients may send the code back as a string, a number or VS Code's { value, target }.
        const codeOf = (d: Diagnostic) => String(typeof d.code === 'object' && d.code !== null ? (d.code as { value: unknown }).value : d.code);
        const diagnostic: Diagnostic | undefined =
          params.context.diagnostics.find((d) => codeOf(d) === finding.ruleId && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character) ??
          params.context.diagnostics.find((d) => codeOf(d) === finding.ruleId && d.message === finding.message);
        for (const fix of finding.fixes) {
          const action = toCodeAction(fix, diagnostic, session.editCapabilities);
          if (action) actions.push(action);
        }
      }
      return actions;
    });
  },
};
