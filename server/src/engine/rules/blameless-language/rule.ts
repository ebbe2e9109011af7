import { inCode, visibleText } from '../../parse/markdown';
import type { PostmortemDocument } from '../../parse/operations';
import type { Span } from '../../text/types';
import { defineRule } from '../types';

/**
 * Words that look for a culprit instead of a cause. Each is matched in the
 * prose of the postmortem (paragraphs, list items, table cells, headings),
 * never in code.
 */
export const BLAME_PATTERNS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\b(?:human|operator|engineer|pilot|developer)\s+errors?\b/gi, why: 'names a person as the cause' },
  { pattern: /\b(?:[A-Z][a-z]+'s|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Yy]our|[Ss]omeone's|[Ss]omebody's)\s+fault\b/g, why: 'assigns fault to someone' },
  { pattern: /(?<!\b(?:no|not|without|never|n't)\s+)\bblam(?:e|ed|es|ing)\b/gi, why: 'looks for someone to blame' },
  { pattern: /\bcareless(?:ly|ness)?\b/gi, why: 'judges a person\'s care' },
  { pattern: /\bshould(?:n't| not)?\s+have\s+(?:known|noticed|caught|checked|realised|realized|been\s+more\s+careful)\b/gi, why: 'judges with hindsight what someone should have done' },
  { pattern: /\bneglig(?:ence|ent|ently)\b/gi, why: 'accuses someone of negligence' },
  { pattern: /\b(?:sloppy|incompeten(?:t|ce)|lazy|laziness)\b/gi, why: 'judges a person' },
  { pattern: /\b(?:messed|screwed)\s+up\b/gi, why: 'pins the failure on someone' },
  { pattern: /\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][a-z]+'s)\s+mistake\b/g, why: 'pins the failure on someone' },
  { pattern: /\bwho\s+(?:caused|broke|is\s+responsible\s+for)\b/gi, why: 'asks who instead of what' },
];

export const rule = defineRule<PostmortemDocument>({
  meta: {
    id: 'blameless-language',
    category: 'postmortem',
    severity: 'info',
    summary: 'A postmortem looks for what in the system allowed a failure, not for someone to blame.',
    reference: 'Appendix D §3, Blameless Culture; Part XXVII §3, Postmortem Culture',
    appliesTo: 'postmortem',
    knowledge: ['blameless-postmortem'],
  },
  check({ document, report }) {
    const markdown = document.markdown;
    const blocks: Span[] = [
      ...markdown.paragraphs.map((p) => p.span),
      ...markdown.tables.flatMap((t) => [t.header, ...t.rows].flatMap((r) => r.cells.map((c) => c.span))),
      ...markdown.headings.map((h) => h.textSpan),
    ];
    const seen = new Set<number>();
    for (const block of blocks) {
      const text = visibleText(markdown, block);
      for (const { pattern, why } of BLAME_PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          const start = block[0] + match.index;
          if (seen.has(start) || inCode(markdown, start)) continue;
          seen.add(start);
          const phrase = match[0];
          report({
            at: { uri: document.uri, lines: document.lines, span: [start, start + phrase.length] },
            message: `'${phrase}' ${why}. Ask instead "What allowed this to happen?": which safeguard, check or signal was missing, and what made the mistake easy to make (Appendix D §3, Blameless Culture).`,
            element: `blame.${phrase.toLowerCase()}`,
          });
        }
      }
    }
  },
});
