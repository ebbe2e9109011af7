import { CodeActionKind, DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../engine/model/findings';
import { docsHref } from '../node/ruleDocs';
import { toWorkspaceEdit, type EditCapabilities } from './workspaceEdit';

const SOURCE = 'archframe';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};


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

/** A quick fix as a code action; undefined when the client cannot apply its edit (it creates a file, say). */
export function toCodeAction(fix: Fix, diagnostic: Diagnostic | undefined, capabilities: EditCapabilities): CodeAction | undefined {
  // A fix's file may appear before the fix is applied (another fix, a save): then the creation is skipped, not an error.
  const edit = toWorkspaceEdit({ create: fix.createFiles, edits: fix.edits }, { ...capabilities, ignoreIfExists: true });
  if (!edit) return undefined;
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnostic ? [diagnostic] : undefined,
    isPreferred: fix.isPreferred,
    edit,
  };
}
