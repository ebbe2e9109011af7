import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

ruleTests('adr-date', {
  valid: [
    { name: 'a Nygard Date line', files: { 'docs/adr/0001-a.md': lines('# 1. A', '', 'Date: 2024-01-05', '', '## Status', '', 'Accepted') } },
    { name: 'a MADR date bullet', files: { 'docs/adr/0001-a.md': lines('# A', '', '* Status: accepted', '* Date: 2024-01-05', '', '## Context and Problem Statement', '', 'x') } },
    { name: 'front matter date', files: { 'docs/adr/0001-a.md': lines('---', 'status: accepted', 'date: 2024-01-05', '---', '# A') } },
    { name: 'a bold Date line in another form', files: { 'docs/adr/0001-a.md': lines('# A', '', '**Date:** 5 January 2024') } },
    { name: 'a Date column of a metadata table', files: { 'docs/adr/0001-a.md': lines('# A', '', '| Status | Date |', '|---|---|', '| Accepted | 2024-01-05 |') } },
    { name: 'a log4brains file name carries the date', files: { 'docs/adr/20240105-use-x.md': lines('# Use X', '', '- Status: accepted') } },
    { name: 'a file of the ADR folder that matches no format', files: { 'docs/adr/guidelines.md': lines('# How we write ADRs', '', 'Keep them short.') } },
  ],
  invalid: [
    { name: 'no date anywhere', files: { 'docs/adr/0001-a.md': lines('# 1. Use X', '', '## Status', '', 'Accepted') }, findings: [{ text: '# 1. Use X', severity: 'info', message: /No date/ }] },
    { name: 'a Date label with no date after it', files: { 'docs/adr/0001-a.md': lines('# 1. Use X', '', 'Date:', '', '## Status', '', 'Accepted') }, findings: [{ text: '# 1. Use X', message: /No date: add a `Date: YYYY-MM-DD` line/ }] },
  ],
});
