import { visibleText } from '../../parse/markdown';
import type { AdrDocument } from '../../parse/adr';
import { defineRule } from '../types';

/** Words that name a cost, a risk or a downside. */
const COST = /\b(?:negatives?|bad|cons|costs?|costly|risks?|risky|downsides?|drawbacks?|trade-?offs?|disadvantages?|however|but|although|harder|difficult(?:y|ies)?|complex(?:ity)?|complicated|overhead|penalty|limit(?:s|ed|ation|ations)?|lose|loss|losing|slower|worse|burden|debt|expensive|price|sacrific\w*|concerns?|caveats?|danger\w*|problems?|issues?|challeng\w*|requires?|need(?:s|ed)? to|must|learning curve|lock-?in|migration|maintenance|effort|unable|cannot|can't|won't|no longer|neutral|mitigat\w*|at the expense|give up|instead|one more|another|additional|extra|operat\w*|maintain\w*|slow\w*)\b/i;

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-tradeoffs',
    category: 'adr',
    severity: 'info',
    summary: 'The consequences of a decision name what it costs: a risk, a downside, something that gets harder.',
    reference: 'Part XIV §2, Trade-off Analysis',
    appliesTo: 'adr',
    knowledge: ['trade-offs'],
  },
  check({ document: adr, report }) {
    // Consequences (any level, e.g. MADR's ### Consequences), and MADR's pros and cons.
    const sections = adr.sections.filter((s) => s.name === 'consequences' || s.name === 'pros-cons');
    const consequences = sections.find((s) => s.name === 'consequences');
    if (!consequences) return;
    const text = sections.map((s) => visibleText(adr.markdown, s.section.bodySpan)).join('\n');
    if (text.trim() === '' || COST.test(text)) return;
    report({
      at: { uri: adr.uri, lines: adr.lines, span: consequences.section.heading.span },
      message: 'The consequences name no cost, risk or downside. Every choice gives something up: say what this one does (e.g. a "Negative:" item).',
      element: 'consequences.tradeoffs',
    });
  },
});
