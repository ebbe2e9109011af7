import type { TextEdit } from '../model/findings';
import type { AdrDocument, AdrIndex } from '../parse/adr';
import { adrLinkText } from '../parse/adrNames';
import { eolOf } from '../text/strings';
import type { Span } from '../text/types';
import { relativeLink } from '../text/uri';
import { endOfLine, insertEdit, insertStatusEdit, replaceEdit, setSupersededBy, supersedesEdit } from './markdownEdits';

/** The statuses an ADR moves through, as the palette and the status line's code actions offer them. */
export const LIFECYCLE_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/**
 * The edits that give an ADR a new status, where and as it writes its status (front matter in lower case, a
 * section, a line, a bullet or a table cell; a Status section is added when it has none).
 *
 * Both ends of a supersede link move together: superseded by B, the ADR's status links B and B's status says it
 * supersedes the ADR (unless it says so already). An ADR that leaves `superseded` (or is now superseded by another)
 * takes its former successor's `Supersedes <this ADR>` with it, when that is a line of its own or the
 * `; supersedes …` the commands write; a sentence that says more is left for `adr-supersede` to point at.
 */
export function statusChangeEdits(index: AdrIndex, adr: AdrDocument, status: LifecycleStatus, successor?: AdrDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  if (status === 'superseded' && successor) {
    const own = setSupersededBy(adr, `[${adrLinkText(successor)}](${relativeLink(adr.uri, successor.uri)})`, successor.number);
    if (own) edits.push(own);
    const saysSo = successor.supersedes.some((r) => index.resolve(r.target, successor.uri) === adr);
    if (!saysSo) edits.push(supersedesEdit(successor, `[${adrLinkText(adr)}](${relativeLink(successor.uri, adr.uri)})`));
  } else {
    edits.push(setStatusWord(adr, styled(status, adr)));
  }
  for (const former of formerSuccessors(index, adr)) if (former !== successor) edits.push(...dropBackLinks(index, former, adr));
  return edits;
}

/** The word as the ADR writes its statuses: lower case in front matter, else in the case of its current word. */
function styled(status: string, adr: AdrDocument): string {
  const current = adr.statusWord ?? '';
  if (adr.statusSource === 'front-matter' || (current !== '' && current === current.toLowerCase())) return status;
  if (current.length > 1 && current === current.toUpperCase()) return status.toUpperCase();
  return status[0].toUpperCase() + status.slice(1);
}

/** Replaces the status word and its note (`Superseded by [3](…)`, `Accepted, open to revisiting`), keeping emphasis around it. */
function setStatusWord(adr: AdrDocument, word: string): TextEdit {
  const { text } = adr;
  const eol = eolOf(text);
  if (adr.statusSpan) {
    const start = adr.statusSpan[0];
    let end = endOfLine(adr, start, adr.statusSource === 'front-matter');
    if (adr.statusSource === 'table') {
      const bar = text.indexOf('|', adr.statusSpan[1]);
      if (bar >= 0 && bar < end) end = bar;
    }
    // `**Accepted**, until Q3` or `**Accepted, until Q3**`: the emphasis stays around the new word.
    const opening = /(\*\*|__|\*|_)$/.exec(text.slice(Math.max(0, start - 2), start))?.[1];
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (opening && text.startsWith(opening, adr.statusSpan[1])) return replaceEdit(adr, [start, end], word + opening);
    const closing = /(\*\*|__|\*|_)$/.exec(text.slice(Math.max(start, end - 2), end))?.[1];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (closing && text.slice(lineStart, start).includes(closing)) end -= closing.length;
    return replaceEdit(adr, [start, end], word);
  }
  if (adr.statusEmptySpan) {
    const span = adr.statusEmptySpan;
    if (adr.statusSource === 'section') return insertEdit(adr, span[1], `${eol}${eol}${word}`);
    if (adr.statusSource === 'front-matter') {
      const key = /^status[ \t]*:/m.exec(text.slice(span[0], span[1]));
      if (key) return insertEdit(adr, span[0] + key.index + key[0].length, ` ${word}`);
    } else return insertEdit(adr, endOfLine(adr, span[0]), ` ${word}`);
  }
  if (adr.frontMatter?.data) return insertEdit(adr, adr.frontMatter.bodySpan[0], `status: ${word.toLowerCase()}${eol}`);
  return insertStatusEdit(adr, word, eol);
}

/** The ADRs this one says supersede it, and those that say they supersede it in their status or Links section. */
function formerSuccessors(index: AdrIndex, adr: AdrDocument): AdrDocument[] {
  const found = new Set<AdrDocument>();
  for (const relation of adr.supersededBy) {
    const other = index.resolve(relation.target, adr.uri);
    if (other && other !== adr) found.add(other);
  }
  for (const { from, relation } of index.relationsTo(adr)) if (relation.relation === 'supersedes' && relation.stated !== 'prose') found.add(from);
  return [...found];
}

/** Takes `Supersedes <adr>` out of another ADR: a line of its own (and a blank line beside it), or a trailing `; supersedes …`. */
function dropBackLinks(index: AdrIndex, from: AdrDocument, adr: AdrDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  const { text } = from;
  for (const relation of from.supersedes) {
    if (relation.stated === 'prose' || index.resolve(relation.target, from.uri) !== adr) continue;
    // Only a statement about this ADR alone: `Supersedes A and B` stays for adr-supersede to point at.
    if (from.supersedes.some((other) => other !== relation && other.phraseSpan[0] === relation.phraseSpan[0])) continue;
    const line = lineAround(text, relation.phraseSpan[0]);
    const rest = text.slice(line[0], relation.phraseSpan[0]) + text.slice(relation.phraseSpan[1], relation.span[0]) + text.slice(relation.span[1], line[1]);
    if (/^[\s.,;:*_-]*$/.test(rest)) {
      edits.push(replaceEdit(from, withBlankLine(text, line), ''));
      continue;
    }
    const before = /;[ \t]*$/.exec(text.slice(line[0], relation.phraseSpan[0]));
    if (before && /^[\s.]*$/.test(text.slice(relation.span[1], line[1]))) edits.push(replaceEdit(from, [relation.phraseSpan[0] - before[0].length, relation.span[1]], ''));
  }
  return edits;
}

/** A line's span, without its line break. */
function lineAround(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  return [start, end];
}

/** A line with its line break, and the blank line before it when one is there (else the one after it). */
function withBlankLine(text: string, line: Span): Span {
  const next = text.indexOf('\n', line[1]);
  const afterBreak = next < 0 ? text.length : next + 1;
  const before = /(?:^|\n)[ \t]*\r?\n$/.exec(text.slice(Math.max(0, line[0] - 4), line[0]));
  if (before && line[0] > 0) return [line[0] - before[0].length + (before[0].startsWith('\n') ? 1 : 0), afterBreak];
  const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(afterBreak));
  return [line[0], afterBreak + (blankAfter?.[0].length ?? 0)];
}
