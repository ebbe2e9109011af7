import { BLAME_PATTERNS } from '../../knowledge/blamelessLanguage';
import { inCode, visibleText } from '../../parse/markdown';
import type { PostmortemDocument } from '../../parse/operations';
import type { Span } from '../../text/types';
import { defineRule } from '../types';

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
