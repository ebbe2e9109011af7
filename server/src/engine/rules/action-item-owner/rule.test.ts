import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const FILE = 'docs/postmortems/2025-06-12-outage.md';
const postmortem = (...actions: string[]) => lines('# Outage', '', '## Action Items', '', ...actions, '', '## Notes', '', '- Not an action item');

ruleTests('action-item-owner', {
  valid: [
    { name: 'a table with Owner and Due columns, all filled', files: { [FILE]: postmortem('| Action | Owner | Due |', '|---|---|---|', '| Blue-green deploys | checkout-team | 2025-07-01 |') } },
    {
      name: 'list items with owner:/due: text, mentions and "by" dates, nested details',
      files: { [FILE]: postmortem('- [ ] Keep three images (owner: platform, due: 2025-07-15)', '- Add a canary stage @alice by Q3', '- Alert on restarts', '  - Owner: sre', '  - Due: 2025-08-01') },
    },
    { name: 'a table without those columns that says it in the text', files: { [FILE]: postmortem('| Action |', '|---|', '| Fix it, owner: bob, due 2025-07-01 |') } },
  ],
  invalid: [
    {
      name: 'a table row with empty owner and due cells',
      files: { [FILE]: postmortem('| Action | Owner | Due |', '|---|---|---|', '| Switch to blue-green | checkout-team | 2025-07-01 |', '| Keep the last three images | | |') },
      findings: [{ text: 'Keep the last three images', message: /^Action item 'Keep the last three images' has no owner and no due date/, severity: 'warning' }],
      fixed: postmortem('| Action | Owner | Due |', '|---|---|---|', '| Switch to blue-green | checkout-team | 2025-07-01 |', '| Keep the last three images | @owner | YYYY-MM-DD |'),
    },
    {
      name: 'TBD and a dash are no owner or date',
      files: { [FILE]: postmortem('| Action | Owner | Due |', '|---|---|---|', '| Add alerts | TBD | 2025-07-01 |', '| Add runbook | sre | - |') },
      findings: [
        { text: 'Add alerts', message: /has no owner:/ },
        { text: 'Add runbook', message: /has no due date:/ },
      ],
      fixed: postmortem('| Action | Owner | Due |', '|---|---|---|', '| Add alerts | @owner | 2025-07-01 |', '| Add runbook | sre | - |'),
    },
    {
      name: 'a list item without owner or due gets placeholders appended',
      files: { [FILE]: postmortem('- Add a canary stage (owner: platform)', '- Rebuild images faster') },
      findings: [
        { text: 'Add a canary stage (owner: platform)', message: /has no due date/ },
        { text: 'Rebuild images faster', message: /has no owner and no due date/ },
      ],
      fixed: postmortem('- Add a canary stage (owner: platform) (due: YYYY-MM-DD)', '- Rebuild images faster'),
    },
  ],
});
