import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const FILE = 'docs/postmortems/2025-06-12-outage.md';
const postmortem = (...body: string[]) => lines('# Outage', '', '## Root Cause', '', ...body);

ruleTests('blameless-language', {
  valid: [
    { name: 'systems language', files: { [FILE]: postmortem('The deploy pipeline allowed a recreate deployment of a 99.99 % service; no check caught it.') } },
    {
      name: 'blameless words, negations, and code are fine',
      files: { [FILE]: postmortem('This is a blameless review: we do not blame anyone.', '', '```', 'grep "human error" logs', '```', '', 'The `careless` flag of the linter.') },
    },
    { name: 'an ADR folder is not a postmortem', files: { 'docs/adr/0001-x.md': lines('# 1. X', '', 'It was human error.') } },
  ],
  invalid: [
    {
      name: 'human error, and a person\'s fault, in paragraphs and list items',
      files: { [FILE]: postmortem('It was human error by the person who deployed.', '', '- It was Bob\'s fault.') },
      findings: [
        { text: 'human error', message: /^'human error' names a person as the cause\. Ask instead "What allowed this to happen\?"/, severity: 'info' },
        { text: 'Bob\'s fault', message: /What allowed this to happen\?/ },
      ],
    },
    {
      name: 'blame, carelessness, hindsight and negligence, in table cells and headings too',
      files: { [FILE]: postmortem('### Who is to blame', '', '| Factor |', '|---|', '| Careless review |', '', 'The on-call should have known; it was negligence.') },
      findings: [{ text: 'blame', message: /'blame' looks for someone to blame\. Ask instead "What allowed this to happen\?"/ }, { text: 'Careless', message: /'Careless' judges a person's care/ }, { text: 'should have known', message: /'should have known' judges with hindsight/ }, { text: 'negligence', message: /'negligence' accuses someone of negligence/ }],
    },
  ],
});
