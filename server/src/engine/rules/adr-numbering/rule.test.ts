import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const adr = (title: string) => lines(`# ${title}`, '', '## Status', '', 'Accepted');

ruleTests('adr-numbering', {
  valid: [
    { name: 'distinct numbers', files: { 'docs/adr/0001-a.md': adr('1. A'), 'docs/adr/0002-b.md': adr('2. B') } },
    { name: 'the same number in two folders (two collections)', files: { 'docs/adr/0001-a.md': adr('1. A'), 'services/pay/docs/adr/0001-b.md': adr('1. B') } },
    { name: 'prefixed numbers of different series', files: { 'decisions/api/API-001-a.md': adr('API-001: A'), 'decisions/api/ARC-001-b.md': adr('ARC-001: B') } },
    { name: 'the title number written with leading zeros', files: { 'docs/adr/0007-a.md': adr('ADR-007: A') } },
    { name: 'log4brains files have no number', files: { 'docs/adr/20240101-a.md': adr('A'), 'docs/adr/20240101-b.md': adr('B') } },
    { name: 'numbers in a title that are not its number', files: { 'docs/adr/0007-a.md': adr('1.5 release strategy'), 'docs/adr/0003-b.md': adr('HTTP2: adopt it'), 'docs/adr/0004-c.md': adr('2FA for admins') } },
  ],
  invalid: [
    {
      name: 'two ADRs with one number: the second is renumbered in its title',
      files: { 'docs/adr/0002-b.md': adr('2. B'), 'docs/adr/0001-a.md': adr('1. A'), 'docs/adr/0002-a-later.md': adr('2. C') },
      findings: [{ text: '2', file: 'docs/adr/0002-b.md', message: /Number 2 is already used by 0002-a-later\.md.*\(3\)/ }],
      fixed: adr('3. B'),
    },
    {
      name: 'the title number differs from the file name',
      files: { 'docs/adr/0033-ip-ranges.md': adr('3. IP ranges') },
      findings: [{ text: '3', message: /title says 3 but the file name says 33/ }],
      fixed: adr('33. IP ranges'),
    },
    {
      name: 'a framework title with leading zeros keeps its width',
      files: { 'docs/adr/ADR-012-x.md': adr('ADR-002: X') },
      findings: [{ text: '002', message: /title says 2 but the file name says 12/ }],
      fixed: adr('ADR-012: X'),
    },
  ],
});
