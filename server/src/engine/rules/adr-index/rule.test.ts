import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const adr = (title: string, status: string) => lines(`# ${title}`, '', 'Date: 2024-01-05', '', '## Status', '', status, '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'e');
const START = '<!-- archframe:adr-index:start -->';
const END = '<!-- archframe:adr-index:end -->';
const page = (...content: string[]) => lines('# Decisions', '', 'How we decide: see the wiki.', '', START, ...content, END, '', 'Footer kept as written.');
const upToDate = page(
  '',
  '_Written by `archframe adr index` (or Architecture: Update ADR Index): edit the ADRs, not this table._',
  '',
  '| # | Decision | Status | Date | Links |',
  '|---|---|---|---|---|',
  '| 1 | [Use PostgreSQL](0001-use-postgresql.md) | Accepted | 2024-01-05 |  |',
  '',
  '_No decision here supersedes, amends or refers to another._',
  '',
);

ruleTests('adr-index', {
  valid: [
    { name: 'an index that lists the ADRs as they are', files: { 'docs/adr/README.md': upToDate, 'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted') } },
    {
      name: 'markers shown in a code block are text, not markers',
      files: { 'docs/adr/README.md': lines('# Decisions', '', 'Add these lines where the index should go:', '', '```markdown', START, END, '```'), 'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted') },
    },
    { name: 'a README without markers is not an index', files: { 'docs/adr/README.md': lines('# Decisions', '', '* [1](0001-use-postgresql.md)'), 'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted') } },
  ],
  invalid: [
    {
      name: 'empty markers: the ADRs are not in it, and the fix writes the index between them only',
      files: { 'docs/adr/README.md': page(), 'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted') },
      findings: [{ text: START, severity: 'warning', message: /The ADR index is out of date: '0001-use-postgresql\.md' is not in it\. Run `archframe adr index`/ }],
      fixed: upToDate,
    },
    {
      name: 'a status changed since the index was written, and a new ADR',
      files: {
        'docs/adr/README.md': upToDate,
        'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Superseded by [2. Use CockroachDB](0002-use-cockroachdb.md)'),
        'docs/adr/0002-use-cockroachdb.md': adr('2. Use CockroachDB', 'Accepted\n\nSupersedes [1. Use PostgreSQL](0001-use-postgresql.md)'),
      },
      findings: [{ text: START, message: /'0002-use-cockroachdb\.md' is not in it; the row of '0001-use-postgresql\.md' changed/ }],
    },
    {
      name: 'a row of a file that is no ADR any more',
      files: { 'docs/adr/README.md': upToDate.replace('0001-use-postgresql.md', '0001-old-name.md'), 'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted') },
      findings: [{ text: START, message: /'0001-use-postgresql\.md' is not in it; it lists '0001-old-name\.md', no ADR of this folder/ }],
    },
    {
      name: 'a start marker without an end marker',
      files: { 'docs/adr/README.md': lines('# Decisions', '', START, '', 'Text.'), 'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted') },
      findings: [{ text: START, message: /has no <!-- archframe:adr-index:end --> after it\. The index cannot be written until/ }],
    },
    {
      name: 'an end marker before the start marker, and a marker sharing its line',
      files: {
        'docs/adr/README.md': lines('# Decisions', '', END, '', START),
        'docs/records/README.md': lines('# Records', '', `See below. ${START}`, '', END),
        'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Accepted'),
      },
      findings: [
        { text: END, message: /comes before/ },
        { text: START, file: 'docs/records/README.md', message: /must stand on a line of its own/ },
      ],
    },
  ],
});
