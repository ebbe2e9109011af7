import type { PostmortemDocument } from '../../parse/operations';
import { defineRule } from '../types';

export const rule = defineRule<PostmortemDocument>({
  meta: {
    id: 'timeline-order',
    category: 'postmortem',
    severity: 'warning',
    summary: 'A postmortem\'s timeline runs forward: each timestamp is at or after the one before it.',
    reference: 'Appendix D §3, Postmortem Process (Template Structure: Timeline)',
    appliesTo: 'postmortem',
    knowledge: ['postmortem'],
  },
  check({ document, report }) {
    const place = (span: readonly [number, number]) => ({ uri: document.uri, lines: document.lines, span });
    document.timeline.forEach((entry, i) => {
      const previous = document.timeline[i - 1];
      if (!previous || entry.timestamp.minutes >= previous.timestamp.minutes) return;
      report({
        at: place(entry.timestamp.span),
        message: `${entry.timestamp.text} comes after ${previous.timestamp.text} in the timeline but is earlier: put the entries in the order things happened, so that readers can follow cause and effect.`,
        related: [{ at: place(previous.timestamp.span), message: 'the entry before it' }],
        element: `timeline.${i}`,
      });
    });
  },
});
