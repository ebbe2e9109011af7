import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const postmortem = (...timeline: string[]) => lines('# Outage', '', '## Timeline', '', ...timeline, '', '## Root Cause', '', 'At 09:00 nothing.');
const FILE = 'docs/postmortems/2025-06-12-outage.md';

ruleTests('timeline-order', {
  valid: [
    { name: 'times in order, equal times allowed', files: { [FILE]: postmortem('- 14:02 Deploy starts.', '- 14:02 Errors rise.', '- 14:09 Alert.', '- 14:49 Rollback done.') } },
    { name: 'past midnight, a time alone belongs to the next day', files: { [FILE]: postmortem('- 23:50 UTC Deploy.', '- 23:58 UTC Alert.', '- 00:12 UTC Rollback.') } },
    {
      name: 'dates in headings and ISO date-times, in a table with a Time column',
      files: { [FILE]: postmortem('### 2025-06-12', '', '| Time (UTC) | Event |', '|---|---|', '| 22:00 | a |', '', '### 2025-06-13', '', '| Time (UTC) | Event |', '|---|---|', '| 01:00 | b |', '', '2025-06-13T02:00Z c', '2025-06-13T04:30+02:00 d (02:30 UTC)') },
    },
    { name: 'twelve-hour clock', files: { [FILE]: postmortem('- 11:58 am a', '- 12:03 pm b', '- 1:15 pm c') } },
    { name: 'timestamps outside the Timeline section do not count', files: { [FILE]: lines('# Outage', '', '## Summary', '', '14:00 x', '', '## Timeline', '', '- 09:00 y') } },
  ],
  invalid: [
    {
      name: 'an entry earlier than the one before it',
      files: { [FILE]: postmortem('- 14:02 Deploy starts.', '- 14:09 Alert pages on-call.', '- 14:05 On-call acknowledges.', '- 14:49 Rollback completes.') },
      findings: [{ text: '14:05', message: /^14:05 comes after 14:09 in the timeline but is earlier/, severity: 'warning' }],
    },
    {
      name: 'dated entries going backwards across days, bold timestamps',
      files: { [FILE]: postmortem('- **2025-06-13 10:00 UTC** b', '- **2025-06-12 18:00 UTC** a') },
      findings: [{ text: '2025-06-12 18:00 UTC', message: /comes after 2025-06-13 10:00 UTC/ }],
    },
    {
      name: 'table rows out of order, and a paragraph line',
      files: { [FILE]: postmortem('| When | What |', '|---|---|', '| 10:30 | a |', '| 10:10 | b |', '', '10:20 c') },
      findings: [{ text: '10:10', message: /10:10 comes after 10:30 in the timeline but is earlier/ }],
    },
  ],
});
