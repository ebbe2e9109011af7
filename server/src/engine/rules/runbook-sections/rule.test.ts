import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const ISSUE = ['### Issue: High latency', '', '**Symptoms:** P99 above 200 ms.', '', '**Diagnosis:**', '', '1. Check the traces.', '', '**Resolution:**', '', '1. Scale out.'];
const COMPLETE = lines('# API: Runbook', '', '## Overview', '', 'The API.', '', '## Dependencies', '', '- db (database)', '', '## Common Issues', '', ...ISSUE);
const MANIFEST = lines('archframe: 1', 'system: s', 'components:', '  api:', '    kind: service', '    dependsOn:', '      - { target: db, via: database, timeout: 100ms }', 'datastores:', '  db: { owner: api }');

ruleTests('runbook-sections', {
  valid: [
    { name: 'the framework\'s shape with bold labels', files: { 'docs/runbooks/api.md': COMPLETE } },
    {
      name: 'labels with the colon outside the bold, sub-headings, synonyms and CRLF',
      files: {
        'docs/runbooks/api.md': lines('# API Runbook', '', '## Overview', 'x', '## Dependencies', '- db', '## Known issues', '', '### Disk full', '', '**Symptoms**: alerts.', '', '#### Diagnosis', '', 'df -h', '', 'Resolution: grow the disk.').replace(/\n/g, '\r\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'a missing Dependencies section, added from the manifest',
      files: { 'docs/runbooks/api.md': COMPLETE.replace('## Dependencies\n\n- db (database)\n\n', ''), 'architecture.yaml': MANIFEST },
      findings: [{ text: 'API: Runbook', message: /no 'Dependencies' section.*Part XXIV §3/, severity: 'warning' }],
      fixed: COMPLETE.replace('- db (database)', '- db (database, 100ms timeout)'),
    },
    {
      name: 'a missing Common Issues section, added at the end from the template',
      files: { 'docs/runbooks/api.md': lines('# API: Runbook', '', '## Overview', '', 'The API.', '', '## Dependencies', '', '- db') },
      findings: [{ text: 'API: Runbook', message: /no 'Common Issues' section/ }],
      fixed: lines(
        '# API: Runbook', '', '## Overview', '', 'The API.', '', '## Dependencies', '', '- db', '', '## Common Issues', '',
        '### Issue: High latency', '', '**Symptoms:** What on-call sees first: the alert that fires, the dashboard panel, what users report.', '',
        '**Diagnosis:**', '', '1. First check: the dashboard or query that tells the likely causes apart.', '',
        '**Resolution:**', '', '1. The steps that restore service, safest first.',
      ),
    },
    {
      name: 'no title and no sections at all',
      files: { 'runbooks/empty.md': 'Nothing here yet.\n' },
      findings: [{ text: '', message: /'Overview'/ }, { text: '', message: /'Dependencies'/ }, { text: '', message: /'Common Issues'/ }],
    },
    {
      name: 'an issue without Resolution, added at its end',
      files: { 'docs/runbooks/api.md': COMPLETE.replace('\n**Resolution:**\n\n1. Scale out.\n', '') },
      findings: [{ text: 'Issue: High latency', message: /^Issue 'High latency' has no Resolution/ }],
      fixed: COMPLETE.replace('1. Scale out.', '1. The steps that restore service, safest first.'),
    },
    {
      name: 'an issue without Symptoms and Diagnosis, the first added before the part that follows it',
      files: { 'docs/runbooks/api.md': lines('# API: Runbook', '## Overview', 'x', '## Dependencies', '- db', '## Common Issues', '### Issue: Slow', '', '**Resolution:** scale out.') },
      findings: [
        { text: 'Issue: Slow', message: /no Symptoms/ },
        { text: 'Issue: Slow', message: /no Diagnosis/ },
      ],
      fixTitle: /Symptoms/,
      fixed: lines('# API: Runbook', '## Overview', 'x', '## Dependencies', '- db', '## Common Issues', '### Issue: Slow', '', '**Symptoms:** What on-call sees first: the alert that fires, the dashboard panel, what users report.', '', '**Resolution:** scale out.'),
    },
  ],
});
