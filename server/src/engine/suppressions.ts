import { Parser } from 'yaml';
import type { Finding, Fix, Severity } from './model/findings';
import { parseMarkdown, type MarkdownDocument } from './parse/markdown';
import type { LineIndex } from './text/lineIndex';
import { closestMatch } from './text/strings';
import type { Span } from './text/types';
import type { AnalysedDocument, WorkspaceSnapshot } from './workspace/snapshot';

/**
 * Suppression comments (spec "Rules"):
 *   # archframe-disable-next-line <id>[, <id>] -- <reason>   silences the next line
 *   # archframe-disable <id>[, <id>] -- <reason>             before the first key: the whole file
 * and the same inside `<!-- … -->` in Markdown. Comments are found through
 * the parsers (the YAML CST, the Markdown tree), never by searching the text,
 * so a `#` inside a string is not a comment.
 */

export interface SuppressionHost {
  workspace: WorkspaceSnapshot;
  /** The severity a finding of this rule gets in this document (undefined: the rule is off); `preferred` applies where the user configured nothing. */
  severity(uri: string, ruleId: string, preferred?: Severity): Severity | undefined;
  /** Does the workspace of this document require a reason? */
  requireReason(uri: string): boolean;
  isRule(id: string): boolean;
  ruleIds(): Iterable<string>;
}

interface Comment {
  /** The whole comment, markers included. */
  span: Span;
  /** Offset in the text where `content` starts. */
  contentStart: number;
  content: string;
}

interface Suppression {
  comment: Comment;
  scope: 'next-line' | 'file';
  ids: { id: string; span: Span; used: boolean }[];
  reason?: string;
  reasonStart: number;
  /** 0-based line silenced (next-line), or the first line of the file's content (file). */
  line: number;
  /** Why the suppression silences nothing whatever the findings, when it cannot work. */
  invalid?: string;
}

const DIRECTIVE = /^archframe-disable(-next-line)?(?=\s|$)/;
const SUPPRESSION_SOURCE = 'unused-suppression';

/** Filters the findings of every document through its suppression comments and adds "Suppress" quick fixes. */
export function applySuppressions(findings: Map<string, Finding[]>, host: SuppressionHost): void {
  for (const [uri, list] of findings) {
    const document = host.workspace.document(uri);
    if (!document) continue;
    const syntax = syntaxOf(document);
    if (!syntax) continue;
    let kept = list;
    if (document.text.includes('archframe-disable')) {
      const comments = syntax === 'yaml' ? yamlComments(document.text) : markdownComments(markdownOf(document));
      const suppressions = readSuppressions(document, comments, syntax, host);
      kept = list.filter((finding) => !suppressions.some((s) => silences(s, finding)));
      kept.push(...reportSuppressions(document, suppressions, host));
    }
    for (const finding of kept) {
      if (finding.fixes?.length || finding.ruleId === SUPPRESSION_SOURCE) continue;
      const fix = suppressFix(document, finding, syntax);
      if (fix) finding.fixes = [fix];
    }
    findings.set(uri, kept);
  }
}

function syntaxOf(document: AnalysedDocument): 'yaml' | 'markdown' | undefined {
  if (document.kind === 'manifest' || document.kind === 'config' || document.kind === 'catalog' || document.kind === 'source' || document.kind === 'policies') return 'yaml';
  if (document.kind === 'adr' || document.kind === 'runbook' || document.kind === 'postmortem') return 'markdown';
  return undefined;
}

function markdownOf(document: AnalysedDocument): MarkdownDocument {
  return (document as { markdown?: MarkdownDocument }).markdown ?? parseMarkdown(document.text);
}

/** Every comment of a YAML text, from the yaml package's concrete syntax tree. */
function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const token = value as { type?: string; offset?: number; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      const body = token.source.slice(1);
      const lead = body.length - body.trimStart().length;
      comments.push({ span: [token.offset, token.offset + token.source.length], contentStart: token.offset + 1 + lead, content: body.trim() });
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'source') walk(child);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return comments.sort((a, b) => a.span[0] - b.span[0]);
}

function markdownComments(markdown: MarkdownDocument): Comment[] {
  return markdown.comments.map((comment) => {
    const inner = markdown.text.slice(comment.span[0] + 4, Math.max(comment.span[0] + 4, comment.span[1] - 3));
    const lead = inner.length - inner.trimStart().length;
    return { span: comment.span, contentStart: comment.span[0] + 4 + lead, content: comment.text };
  });
}

function readSuppressions(document: AnalysedDocument, comments: Comment[], syntax: 'yaml' | 'markdown', host: SuppressionHost): Suppression[] {
  const lines = document.lines;
  const skippable = (line: number) => isBlankOrComment(document.text, lines, line, comments) || inFrontMatter(document, syntax, lines.lineStart(line));
  let firstContentLine = 0;
  while (firstContentLine < lines.lineCount && skippable(firstContentLine)) firstContentLine++;
  const suppressions: Suppression[] = [];
  for (const comment of comments) {
    const directive = DIRECTIVE.exec(comment.content);
    if (!directive) continue;
    const rest = comment.content.slice(directive[0].length);
    const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const idsText = separator ? rest.slice(0, separator.index) : rest;
    const afterSeparator = separator ? rest.slice(separator.index + separator[0].length) : '';
    const reason = afterSeparator.trim();
    const idsStart = comment.contentStart + directive[0].length;
    const ids: Suppression['ids'] = [];
    for (const match of idsText.matchAll(/[^\s,]+/g)) ids.push({ id: match[0], span: [idsStart + match.index, idsStart + match.index + match[0].length], used: false });
    const scope = directive[1] ? 'next-line' : 'file';
    const commentEndLine = lines.position(comment.span[1]).line;
    let line = commentEndLine + 1;
    if (scope === 'next-line') while (line < lines.lineCount && skippable(line)) line++;
    const suppression: Suppression = {
      comment,
      scope,
      ids,
      reason: reason || undefined,
      reasonStart: separator ? idsStart + separator.index + separator[0].length + (afterSeparator.length - afterSeparator.trimStart().length) : comment.span[1],
      line: scope === 'file' ? firstContentLine : line,
    };
    if (ids.length === 0) suppression.invalid = 'names no rule: write the rule id after the directive';
    else if (scope === 'file' && lines.position(comment.span[0]).line > firstContentLine) suppression.invalid = `\`archframe-disable\` silences a file only at its top, before the first ${syntax === 'yaml' ? 'key' : 'content'}; use \`archframe-disable-next-line\` here`;
    else if (scope === 'next-line' && line >= lines.lineCount) suppression.invalid = 'there is no line after it to silence';
    else if (!suppression.reason && host.requireReason(document.uri)) suppression.invalid = 'gives no reason, and this workspace requires one (`-- <why>`, .archframe.yaml suppressions.requireReason)';
    suppressions.push(suppression);
  }
  return suppressions;
}

function silences(suppression: Suppression, finding: Finding): boolean {
  if (suppression.invalid || finding.ruleId === SUPPRESSION_SOURCE) return false;
  if (suppression.scope === 'next-line' && finding.range.start.line !== suppression.line) return false;
  const entry = suppression.ids.find((i) => i.id === finding.ruleId);
  if (!entry) return false;
  entry.used = true;
  return true;
}

function reportSuppressions(document: AnalysedDocument, suppressions: Suppression[], host: SuppressionHost): Finding[] {
  const out: Finding[] = [];
  const add = (ruleId: string, span: Span, message: string, preferred?: Severity, tags?: Finding['tags']) => {
    const severity = host.severity(document.uri, ruleId, preferred);
    if (severity) out.push({ ruleId, severity, message, uri: document.uri, range: document.lines.range(span), span, tags, element: `suppression.${document.lines.position(span[0]).line + 1}` });
  };
  for (const suppression of suppressions) {
    const where = suppression.scope === 'file' ? 'in this file' : `on line ${suppression.line + 1}`;
    if (suppression.invalid) {
      const missingReason = suppression.invalid.startsWith('gives no reason');
      add(SUPPRESSION_SOURCE, suppression.comment.span, `This suppression ${suppression.invalid}; it silences nothing.`, missingReason ? 'warning' : undefined, missingReason ? undefined : ['unnecessary']);
    } else {
      for (const entry of suppression.ids) {
        if (entry.used) continue;
        if (!host.isRule(entry.id)) {
          const guess = closestMatch(entry.id, host.ruleIds());
          add(SUPPRESSION_SOURCE, entry.span, `'${entry.id}' is not a rule id${guess ? ` (did you mean '${guess}'?)` : ''}: it silences nothing.`, undefined, ['unnecessary']);
        } else {
          add(SUPPRESSION_SOURCE, entry.span, `Nothing to silence: '${entry.id}' reports nothing ${where}. Remove the suppression.`, undefined, ['unnecessary']);
        }
      }
    }
    // A reason that cites an ADR must cite one that exists.
    for (const match of (suppression.reason ?? '').matchAll(/\bADR[-\s]?\d+\b/gi)) {
      if (host.workspace.adrs.resolve(match[0])) continue;
      const start = suppression.reasonStart + match.index;
      add('decision-status', [start, start + match[0].length], `${match[0]}, cited as the reason for this suppression, resolves to no ADR in the workspace.`, 'error');
    }
  }
  return out;
}

/** Is every non-blank character of a line inside a comment? */
function isBlankOrComment(text: string, lines: LineIndex, line: number, comments: readonly Comment[]): boolean {
  let start = lines.lineStart(line);
  let end = lines.lineEnd(line);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return true;
  return comments.some((c) => c.span[0] <= start && c.span[1] >= end);
}

function inFrontMatter(document: AnalysedDocument, syntax: 'yaml' | 'markdown', offset: number): boolean {
  if (syntax !== 'markdown') return false;
  const span = markdownOf(document).frontMatter?.span;
  return span !== undefined && offset >= span[0] && offset < span[1];
}

/** "Suppress <id> on this line": a directive comment above the finding's line, indented like it. */
function suppressFix(document: AnalysedDocument, finding: Finding, syntax: 'yaml' | 'markdown'): Fix | undefined {
  const line = finding.range.start.line;
  const start = document.lines.lineStart(line);
  const end = document.lines.lineEnd(line);
  // A line that starts after a bare CR is a line to the line index but not to the YAML parser: no place is sure.
  if (start > 0 && document.text[start - 1] === '\r') return undefined;
  let indentEnd = start;
  while (indentEnd < end && (document.text[indentEnd] === ' ' || document.text[indentEnd] === '\t')) indentEnd++;
  const indent = document.text.slice(start, indentEnd);
  const eol = document.text[end] === '\r' ? '\r\n' : '\n';
  const directive = `archframe-disable-next-line ${finding.ruleId} -- TODO: why this is acceptable`;
  const comment = syntax === 'yaml' ? `# ${directive}` : `<!-- ${directive} -->`;
  const at = document.lines.range([start, start]);
  return { title: `Suppress ${finding.ruleId} on this line`, edits: [{ uri: document.uri, range: at, newText: `${indent}${comment}${eol}` }], suppression: true };
}
