import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const adr = (title: string, ...body: string[]) => lines(`# ${title}`, '', '## Status', '', 'Accepted', '', ...body);

ruleTests('adr-links', {
  valid: [
    {
      name: 'links to files that exist, with anchors, queries, without extension, and to the web',
      files: { 'docs/adr/0001-a.md': adr('1. A', 'See [B](0002-b.md#context), [B again](./0002-b), ![d](diagram.png?raw=true), [site](https://example.com) and [top](#status).'), 'docs/adr/0002-b.md': adr('2. B') },
      otherFiles: ['docs/adr/diagram.png'],
    },
    { name: 'a link in a code block is not checked', files: { 'docs/adr/0001-a.md': adr('1. A', '```md', '[x](missing.md)', '```') } },
    { name: 'a bare www address in prose is a web link (an autolink), not a path', files: { 'docs/adr/0001-a.md': adr('1. A', 'The endpoint www.example.gov/data serves it, through:', '  - www.data.example.gov') } },
    { name: 'a link from the workspace root', files: { 'docs/adr/0001-a.md': adr('1. A', 'See [manifest](/architecture.yaml).') }, otherFiles: ['architecture.yaml'] },
  ],
  invalid: [
    {
      name: 'a link to a renamed ADR: the one with its number is offered',
      files: { 'docs/adr/0001-a.md': adr('1. A', 'See [2. B](0002-old-name.md).'), 'docs/adr/0002-new-name.md': adr('2. B') },
      findings: [{ text: '0002-old-name.md', severity: 'error', message: /does not exist: did you mean 0002-new-name\.md/ }],
      fixed: adr('1. A', 'See [2. B](0002-new-name.md).'),
    },
    {
      name: 'a web address without its scheme',
      files: { 'docs/adr/0001-a.md': adr('1. A', 'See [the site](www.example.com/data).') },
      findings: [{ text: 'www.example.com/data', message: /needs 'https:\/\/'/ }],
      fixed: adr('1. A', 'See [the site](https://www.example.com/data).'),
    },
    {
      name: 'a missing image and a missing reference-style link target, CRLF',
      files: { 'docs/adr/0001-a.md': adr('1. A', '![diagram](img/diagram.png)', '', 'See [the spec][spec].', '', '[spec]: ../spec.md').replace(/\n/g, '\r\n') },
      findings: [{ text: 'img/diagram.png', message: /'img\/diagram\.png' does not exist/ }, { text: '../spec.md', message: /'\.\.\/spec\.md' does not exist/ }],
    },
    {
      name: 'a link out of the workspace, relative or from the root: said so, and not looked up (the host is never asked)',
      files: { 'docs/adr/0001-a.md': adr('1. A', 'See [passwd](../../../../etc/passwd) and [up](/../secrets.md).') },
      otherFiles: ['../etc/passwd'],
      findings: [
        { text: '../../../../etc/passwd', message: /points outside the workspace/ },
        { text: '/../secrets.md', message: /points outside the workspace/ },
      ],
    },
  ],
});
