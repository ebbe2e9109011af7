import { CodeActionKind, DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../engine/model/findings';
import { docsHref } from '../node/ruleDocs';
import type { EditorAction } from '../engine/features/types';
import { toWorkspaceEdit, type EditCapabilities, type WorkspaceEditOptions } from './workspaceEdit';

const SOURCE = 'archframe';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Kept findings are the same objects from one analysis to the next: each is converted once. */
const converted = new WeakMap<Finding, Diagnostic>();

/** One link to a rule's page for all its diagnostics (45,000 diagnostics: as many objects less). */
const descriptions = new Map<string, { href: string }>();
function codeDescription(ruleId: string): { href: string } {
  let description = descriptions.get(ruleId);
  if (!description) descriptions.set(ruleId, (description = { href: docsHref(ruleId) }));
  return description;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = converted.get(finding);
  if (!diagnostic) converted.set(finding, (diagnostic = convertFinding(finding)));
  return diagnostic;
}

function convertFinding(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: codeDescription(finding.ruleId),
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

/** A change the user may choose (a refactoring): its edits, or the client command that asks for more first. */
export function toEditorAction(action: EditorAction, options: WorkspaceEditOptions): CodeAction | undefined {
  if (action.command) return { title: action.title, kind: CodeActionKind.RefactorRewrite, command: { title: action.title, command: action.command.id, arguments: action.command.arguments } };
  const edit = toWorkspaceEdit({ edits: action.edits ?? [] }, options);
  return edit && { title: action.title, kind: CodeActionKind.RefactorRewrite, isPreferred: action.isPreferred, edit };
}
