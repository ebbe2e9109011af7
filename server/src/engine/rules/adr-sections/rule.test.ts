import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const nygard = (...body: string[]) => lines('# 1. Use PostgreSQL', '', 'Date: 2024-01-05', '', '## Status', '', 'Accepted', '', ...body);

ruleTests('adr-sections', {
  valid: [
    { name: 'a complete Nygard ADR', files: { 'docs/adr/0001-use-postgresql.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'e') } },
    {
      name: 'a framework ADR with Decisions (plural) and numbered headings',
      files: { 'docs/adr/0001-a.md': lines('# ADR-001: Use gRPC', '', '## Status', 'Accepted', '', '## 1. Context:', 'c', '', '## Decisions', 'd', '', '## Consequences', '- Positive: x', '- Negative: y') },
    },
    {
      name: 'a MADR 4 ADR with front matter',
      files: { 'docs/decisions/0001-a.md': lines('---', 'status: accepted', '---', '# Use YAML', '', '## Context and Problem Statement', '', 'c', '', '## Decision Outcome', '', 'Chosen option: "YAML"') },
    },
    { name: 'a file in an ADR folder that matches no format is not held to sections', files: { 'docs/adr/0001-a.md': lines('# Some notes', '', 'We decided things.') } },
    {
      name: 'a free-form record with one MADR-like heading is not held to all of MADR',
      files: {
        'docs/adr/0004-move-to-kafka.md': lines('# Move billing events to Kafka', '', 'Status: accepted', '', '## Background', '', 'b', '', '## Decision Outcome', '', 'd', '', '## Rollout plan', '', 'r', '', '## Open questions', '', 'q'),
      },
    },
    {
      name: 'a combined heading counts as each section it names',
      files: {
        'docs/decisions/0001-a.md': lines('---', 'status: accepted', '---', '# Use YAML', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options and Decision Outcome', '', 'YAML, chosen because it is readable.'),
        'docs/adr/0002-b.md': nygard('## Context', '', 'c', '', '## Decision and Consequences', '', 'd; it costs a migration.'),
      },
    },
    {
      name: "a section the collection's template leaves out, or marks optional, is not required",
      files: {
        'docs/adr/template.md': lines('# NUMBER. TITLE', '', '## Status', '', 'STATUS', '', '## Context', '', 'TODO', '', '## Decision', '', 'TODO', '', '<!-- optional -->', '## Consequences', '', 'TODO'),
        'docs/adr/0001-use-postgresql.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd'),
        'docs/records/template.md': lines('# NUMBER. TITLE', '', '## Context', '', 'TODO', '', '## Decision', '', 'TODO'),
        'docs/records/0001-use-redis.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd'),
        '.archframe.yaml': lines('folders:', '  adr: [docs/adr, docs/records]'),
      },
    },
    { name: 'log4brains makes sections optional', files: { 'docs/adr/20240105-use-x.md': lines('# Use X', '', '- Status: accepted', '', 'We will use X.') } },
    {
      name: 'a folder whose ADRs mostly do without Consequences',
      files: {
        'docs/adr/0001-a.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd'),
        'docs/adr/0002-b.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd'),
        'docs/adr/0003-c.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'e'),
      },
    },
  ],
  invalid: [
    {
      name: 'a Nygard ADR without Consequences',
      files: { 'docs/adr/0001-use-postgresql.md': nygard('## Context', '', 'c', '', '## Decision', '', 'd') },
      findings: [{ text: '# 1. Use PostgreSQL', message: /Missing section 'Consequences'.*Nygard/ }],
      fixed: nygard('## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', ''),
    },
    {
      name: 'a Nygard ADR without Context: inserted before Decision',
      files: { 'docs/adr/0001-use-postgresql.md': nygard('## Decision', '', 'd', '', '## Consequences', '', 'e') },
      findings: [{ text: '# 1. Use PostgreSQL', message: /'Context'/ }],
      fixed: nygard('## Context', '', '', '## Decision', '', 'd', '', '## Consequences', '', 'e'),
    },
    {
      name: 'a MADR ADR without Decision Outcome, CRLF',
      files: { 'docs/decisions/0001-a.md': lines('---', 'status: accepted', '---', '# Use YAML', '', '## Context and Problem Statement', '', 'c').replace(/\n/g, '\r\n') },
      findings: [{ text: '# Use YAML', message: /'Decision Outcome'.*MADR/ }],
      fixed: lines('---', 'status: accepted', '---', '# Use YAML', '', '## Context and Problem Statement', '', 'c', '', '## Decision Outcome', '').replace(/\n/g, '\r\n'),
    },
    {
      name: 'two MADR signals make a MADR record, free-form headings or not',
      files: { 'docs/adr/0004-move-to-kafka.md': lines('# Move billing events to Kafka', '', '* Status: accepted', '', '## Considered Options', '', 'o', '', '## Rollout plan', '', 'r') },
      findings: [{ text: '# Move billing events to Kafka', message: /'Context and Problem Statement'/ }, { text: '# Move billing events to Kafka', message: /'Decision Outcome'/ }],
    },
    {
      name: "a missing section is named as the collection's template names it",
      files: {
        'docs/adr/0001-use-postgresql.md': nygard('## Problem', '', 'c', '', '## Consequences', '', 'e'),
        'docs/adr/templates/template.md': lines('# NUMBER. TITLE', '', '## Status', '', 'STATUS', '', '## Problem', '', 'TODO', '', '## The Decision', '', 'TODO', '', '## Consequences', '', 'TODO'),
      },
      findings: [{ text: '# 1. Use PostgreSQL', message: /Missing section 'The Decision', which the Nygard format and this collection's template \(template\.md\) ask for/ }],
      fixed: nygard('## Problem', '', 'c', '', '## The Decision', '', '', '## Consequences', '', 'e'),
    },
    {
      name: 'the configured format applies to a file that matches none',
      files: { 'docs/adr/0001-a.md': lines('# Some notes', '', 'We decided things.'), '.archframe.yaml': lines('adr:', '  format: madr') },
      findings: [{ text: '# Some notes', message: /'Context and Problem Statement'/ }, { text: '# Some notes', message: /'Decision Outcome'/ }],
    },
  ],
});
