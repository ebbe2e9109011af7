import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const SECTIONS = ['Summary', 'Impact', 'Timeline', 'Root Cause', 'What Went Well', 'What Went Poorly', 'Action Items'];
const postmortem = (...names: string[]) => lines('# Outage', '', ...names.flatMap((name) => [`## ${name}`, '', 'Text.', '']));

ruleTests('postmortem-sections', {
  valid: [
    { name: 'the seven sections of Appendix D §3', files: { 'docs/postmortems/2025-01-01-outage.md': postmortem(...SECTIONS) } },
    {
      name: 'common synonyms and trailing colons',
      files: { 'postmortems/x.md': postmortem('Executive summary', 'Customer impact', 'Incident timeline', 'Root causes:', 'What went well', 'What went wrong', 'Follow-up actions') },
    },
  ],
  invalid: [
    {
      name: 'Impact missing: inserted before Timeline with the template text',
      files: { 'docs/postmortems/2025-01-01-outage.md': postmortem(...SECTIONS.filter((s) => s !== 'Impact')) },
      findings: [{ text: 'Outage', message: /no 'Impact' section \(Appendix D §3/, severity: 'warning' }],
      fixed: postmortem(...SECTIONS).replace('## Impact\n\nText.', '## Impact\n\nWho was affected and how much: users, failed requests, revenue, data; how much of the error budget it used.'),
    },
    {
      name: 'Action Items missing: appended at the end with an owner/due table',
      files: { 'docs/postmortems/2025-01-01-outage.md': postmortem(...SECTIONS.slice(0, 6)) },
      findings: [{ text: 'Outage', message: /'Action Items'/ }],
      fixed: `${postmortem(...SECTIONS.slice(0, 6)).trimEnd()}\n\n## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| What will prevent this or shorten it next time | @owner | YYYY-MM-DD |\n\n`,
    },
    {
      name: 'a document declared as a postmortem by front matter, with only a summary',
      files: { 'notes/incident.md': lines('---', 'type: postmortem', '---', '# Incident', '', '## Summary', '', 'x') },
      findings: SECTIONS.slice(1).map((s) => ({ text: 'Incident', message: new RegExp(`'${s}'`) })),
    },
  ],
});
