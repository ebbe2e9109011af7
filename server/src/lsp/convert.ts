import { DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic, CodeActionKind, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../engine/model/findings';
import { docsHref } from '../node/ruleDocs';

export const SOURCE = 'archframe';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export { docsHref };

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsHref(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    relatedInformation: finding.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
    tags: finding.tags?.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
  };
}

export function toWorkspaceEdit(fix: Fix): WorkspaceEdit {
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  for (const file of fix.createFiles ?? []) {
    documentChanges.push({ kind: 'create', uri: file.uri, options: { overwrite: false, ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: file.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text }] });
  }
  const byUri = new Map<string, Fix['edits']>();
  for (const edit of fix.edits) {
    const list = byUri.get(edit.uri) ?? [];
    list.push(edit);
    byUri.set(edit.uri, list);
  }
  for (const [uri, edits] of byUri) {
    documentChanges.push({ textDocument: { uri, version: null }, edits: edits.map((e) => ({ range: e.range, newText: e.newText })) });
  }
  return { documentChanges };
}

export function toCodeAction(fix: Fix, diagnostic: Diagnostic | undefined): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred: fix.isPreferred,
    edit: toWorkspaceEdit(fix),
  };
}
