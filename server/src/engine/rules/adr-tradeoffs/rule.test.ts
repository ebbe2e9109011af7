import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const adr = (...consequences: string[]) => lines('# 1. Use Kafka', '', '## Status', '', 'Accepted', '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', ...consequences);

ruleTests('adr-tradeoffs', {
  valid: [
    { name: 'framework Positive/Negative items', files: { 'docs/adr/0001-use-kafka.md': adr('- Positive: replayable events', '- Negative: one more system to operate') } },
    { name: 'a cost in prose', files: { 'docs/adr/0001-use-kafka.md': adr('Events become replayable, but the team has to learn Kafka.') } },
    {
      name: 'MADR Bad, because under Decision Outcome',
      files: { 'docs/adr/0001-a.md': lines('# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Decision Outcome', '', 'X.', '', '### Consequences', '', '* Good, because fast', '* Bad, because new') },
    },
    { name: 'no Consequences section at all (adr-sections says so)', files: { 'docs/adr/0001-a.md': lines('# Use X', '', 'We use X.') } },
  ],
  invalid: [
    {
      name: 'only benefits',
      files: { 'docs/adr/0001-use-kafka.md': adr('Events are replayable and consumers are decoupled.') },
      findings: [{ text: '## Consequences', severity: 'info', message: /no cost, risk or downside/ }],
    },
    {
      name: 'a cost only inside an HTML comment does not count',
      files: { 'docs/adr/0001-use-kafka.md': adr('Events are replayable. <!-- add the risks here -->') },
      findings: [{ text: '## Consequences', message: /name no cost, risk or downside/ }],
    },
  ],
});
