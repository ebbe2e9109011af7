import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const adr = (title: string, ...status: string[]) => lines(`# ${title}`, '', 'Date: 2024-01-05', '', '## Status', '', ...status, '', '## Context', '', 'c');

ruleTests('adr-supersede', {
  valid: [
    {
      name: 'a pair that says so on both sides',
      files: {
        'docs/adr/0001-use-x.md': adr('1. Use X', 'Superseded by [2. Use Y](0002-use-y.md)'),
        'docs/adr/0002-use-y.md': adr('2. Use Y', 'Accepted', '', 'Supersedes [1. Use X](0001-use-x.md)'),
      },
    },
    {
      name: 'ids instead of links, and MADR front matter',
      files: {
        'docs/adr/0001-use-x.md': lines('---', 'status: superseded by ADR-0002', '---', '# Use X'),
        'docs/adr/0002-use-y.md': lines('---', 'status: accepted', '---', '# Use Y', '', 'Supersedes ADR-1.'),
      },
    },
    {
      name: 'log4brains slugs in a Links section',
      files: {
        'docs/adr/20240101-use-x.md': lines('# Use X', '', '- Status: superseded by [20240105-use-y](20240105-use-y.md)'),
        'docs/adr/20240105-use-y.md': lines('# Use Y', '', '- Status: accepted', '', '## Links', '', '- Supersedes [20240101-use-x](20240101-use-x.md)'),
      },
    },
    {
      name: 'partly superseded, said in a sentence of the text',
      files: {
        'docs/adr/0003-networking.md': adr('3. Networking', 'Partly superseded', '', '## Decision', '', '**These ranges have been superseded by [ADR #0033](0033-ip-ranges.md).**'),
        'docs/adr/0033-ip-ranges.md': adr('33. IP ranges', 'Proposed', '', 'This ADR in part supersedes [0003](0003-networking.md).'),
      },
    },
    {
      name: 'a sentence about two other ADRs states nothing about this one',
      files: {
        'docs/adr/0001-use-x.md': adr('1. Use X', 'Accepted'),
        'docs/adr/0002-use-y.md': adr('2. Use Y', 'Accepted', '', 'Note that ADR-3 supersedes [1. Use X](0001-use-x.md).'),
        'docs/adr/0003-use-z.md': adr('3. Use Z', 'Accepted', '', 'Supersedes [1. Use X](0001-use-x.md) in part; see the text.'),
        'docs/adr/0004-use-w.md': adr('4. Use W', 'Accepted'),
      },
    },
  ],
  invalid: [
    {
      name: 'superseded without saying by what',
      files: { 'docs/adr/0001-use-x.md': adr('1. Use X', 'Superseded') },
      findings: [{ text: 'Superseded', severity: 'error', message: /by what/ }],
    },
    {
      name: 'superseded without a link while the successor says it supersedes it: the link is offered',
      files: {
        'docs/adr/0001-use-x.md': adr('1. Use X', 'Superseded'),
        'docs/adr/0002-use-y.md': adr('2. Use Y', 'Accepted', '', 'Supersedes [1. Use X](0001-use-x.md)'),
      },
      findings: [{ text: 'Superseded', message: /ADR-0002 says it supersedes this ADR/ }],
      fixed: adr('1. Use X', 'Superseded by [2. Use Y](0002-use-y.md)'),
    },
    {
      name: 'superseded by an ADR id that does not exist',
      files: { 'docs/adr/0001-use-x.md': adr('1. Use X', 'Superseded by ADR-9') },
      findings: [{ text: 'ADR-9', severity: 'error', message: /names no ADR/ }],
    },
    {
      name: 'B supersedes A but A still says Accepted: the status is set',
      files: {
        'docs/adr/0001-use-x.md': adr('1. Use X', 'Accepted'),
        'docs/adr/0002-use-y.md': adr('2. Use Y', 'Accepted', '', 'Supersedes [1. Use X](0001-use-x.md)'),
      },
      findings: [{ text: 'Accepted', severity: 'warning', message: /ADR-0002 says it supersedes this ADR, but this ADR does not say it is superseded/ }],
      fixed: adr('1. Use X', 'Superseded by [2. Use Y](0002-use-y.md)'),
    },
    {
      name: 'A says it is superseded by B but B does not say so: the back-link is added',
      files: {
        'docs/adr/0002-use-y.md': adr('2. Use Y', 'Accepted'),
        'docs/adr/0001-use-x.md': adr('1. Use X', 'Superseded by [2. Use Y](0002-use-y.md)'),
      },
      findings: [{ text: 'Accepted', severity: 'warning', message: /ADR-0001 says it is superseded by this ADR/ }],
      fixed: adr('2. Use Y', 'Accepted', '', 'Supersedes [1. Use X](0001-use-x.md)'),
    },
  ],
});
