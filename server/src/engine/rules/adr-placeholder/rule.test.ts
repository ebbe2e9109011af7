import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const adr = (...body: string[]) => lines('# 1. Use Kafka', '', '## Status', '', 'Accepted', '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', ...body);

ruleTests('adr-placeholder', {
  valid: [
    { name: 'real content', files: { 'docs/adr/0001-use-kafka.md': adr('Events are replayable; one more system to run.') } },
    {
      name: 'braces and brackets that are not placeholders',
      files: { 'docs/adr/0001-use-kafka.md': adr('Call `GET /v1/state/{key}` or GET /v1/state/{key}; JSON like { "a": 1 }; see [the docs](x.md) and [1].', '', '```', 'TODO in code is fine {title}', '```') },
      otherFiles: ['docs/adr/x.md'],
    },
    { name: 'TODO inside an HTML comment (template guidance)', files: { 'docs/adr/0001-use-kafka.md': adr('Costs money. <!-- TODO: list the risks -->') } },
    { name: 'a lowercase todo as a word', files: { 'docs/adr/0001-use-kafka.md': adr('The todo app loses its cache.') } },
    {
      name: 'bracketed and braced words inside a path or a name, in prose or in code, are not placeholders',
      files: {
        'docs/adr/0001-use-kafka.md': adr(
          'Files are named decisions/[number]-[title].md, or [number]-[title].md for short; drafts go to notes/{title}.md and `decisions/[number]-[title].md`.',
          '',
          'Open items live in docs/TODO.md and TODO.txt, not here.',
          '',
          '```',
          'decisions/[number]-[title].md',
          '```',
        ),
      },
    },
    { name: 'a set in braces is not a placeholder', files: { 'docs/adr/0001-use-kafka.md': adr('Access is one of {read, write} or {admin}.') } },
  ],
  invalid: [
    { name: 'TBD and TODO markers', files: { 'docs/adr/0001-use-kafka.md': adr('Cost is TBD.', '', '- TODO: measure') }, findings: [{ text: 'TBD', message: /Template text left in: 'TBD'/ }, { text: 'TODO', message: /Template text left in: 'TODO'/ }] },
    { name: 'a {title}-style placeholder', files: { 'docs/adr/0001-use-kafka.md': adr('{describe the positive consequences, e.g. faster builds}') }, findings: [{ text: '{describe the positive consequences, e.g. faster builds}', message: /Template text left in: '\{describe the positive consequences, …\}'/, severity: 'warning' }] },
    { name: 'a [describe ...] placeholder', files: { 'docs/adr/0001-use-kafka.md': adr('[describe the consequences]') }, findings: [{ text: '[describe the consequences]', message: /Template text left in: '\[describe the consequences\]'/ }] },
    {
      name: 'placeholders standing where content belongs, beside a path that holds the same words',
      files: { 'docs/adr/0001-use-kafka.md': adr('[describe the consequences]', '', 'See decisions/[number]-[title].md. Cost: {title of option 1}.') },
      findings: [
        { text: '[describe the consequences]', message: /Template text left in: '\[describe the consequences\]'/ },
        { text: '{title of option 1}', message: /Template text left in: '\{title of option 1\}'/ },
      ],
    },
    {
      name: 'an empty required section (comments do not count as content)',
      files: { 'docs/adr/0001-use-kafka.md': lines('# 1. Use Kafka', '', '## Status', '', 'Accepted', '', '## Context', '', '<!-- what forces are at play? -->', '', '## Decision', '', 'd', '', '## Consequences', '', 'Costs money.') },
      findings: [{ text: '## Context', message: /'Context' section is empty/ }],
    },
  ],
});
