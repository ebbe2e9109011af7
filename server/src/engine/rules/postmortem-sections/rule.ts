import type { PostmortemDocument } from '../../parse/operations';
import { postmortemSectionSnippet } from '../../templates/operations';
import { defineRule } from '../types';
import { POSTMORTEM_SECTIONS } from '../../model/operations';
import { insertSection, templateText } from '../../fixes/markdownEdits';

export const rule = defineRule<PostmortemDocument>({
  meta: {
    id: 'postmortem-sections',
    category: 'postmortem',
    severity: 'warning',
    summary: 'A postmortem has the seven sections: Summary, Impact, Timeline, Root Cause, What Went Well, What Went Poorly, Action Items.',
    reference: 'Appendix D §3, Postmortem Process; Part XXVII §3, Postmortem Culture',
    appliesTo: 'postmortem',
    knowledge: ['postmortem'],
    fixable: true,
  },
  check({ document, report }) {
    const titleSpan = document.title?.textSpan ?? ([0, 0] as const);
    for (const section of POSTMORTEM_SECTIONS) {
      if (document.sections[section]) continue;
      const body = templateText((b) => postmortemSectionSnippet(b, section));
      report({
        at: { uri: document.uri, lines: document.lines, span: titleSpan },
        message: `This postmortem has no '${section}' section (Appendix D §3: Summary, Impact, Timeline, Root Cause, What Went Well, What Went Poorly, Action Items).`,
        fixes: [{ title: `Add a '${section}' section`, edits: [insertSection(document, POSTMORTEM_SECTIONS, document.sections, section, body)], isPreferred: true }],
        element: `sections.${section}`,
      });
    }
  },
});
