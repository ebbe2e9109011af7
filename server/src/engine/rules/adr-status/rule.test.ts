import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';
import { applyEdits } from '../../fixes/yamlEdits';
import { LineIndex } from '../../text/lineIndex';

const withStatus = (...status: string[]) => lines('# 1. Use X', '', 'Date: 2024-01-05', '', '## Status', '', ...status, '', '## Context', '', 'c');

ruleTests('adr-status', {
  valid: [
    { name: 'a status section', files: { 'docs/adr/0001-use-x.md': withStatus('Accepted') } },
    { name: 'an emoji before the word and free text after it', files: { 'docs/adr/0001-use-x.md': withStatus('✅ Accepted. Open to revisiting in Q3') } },
    { name: 'a synonym', files: { 'docs/adr/0001-use-x.md': withStatus('Decided') } },
    { name: 'a multi-word synonym', files: { 'docs/adr/0001-use-x.md': withStatus('Gathering information') } },
    { name: 'Partly superseded with a link', files: { 'docs/adr/0001-use-x.md': withStatus('Partly superseded by [2. Y](0002-y.md)'), 'docs/adr/0002-y.md': withStatus('Accepted') } },
    { name: 'a MADR bullet', files: { 'docs/adr/0001-use-x.md': lines('# Use X', '', '* Status: proposed', '* Date: 2024-01-05') } },
    { name: 'a bold Status line', files: { 'docs/adr/0001-use-x.md': lines('# Use X', '', '**Status:** Deprecated (no superseding ADR)') } },
    { name: 'front matter', files: { 'docs/adr/0001-use-x.md': lines('---', 'status: "accepted"', '---', '# Use X') } },
    { name: 'a table with a Status column', files: { 'docs/adr/0001-use-x.md': lines('# Use X', '', '| Status | Date |', '|---|---|', '| Approved | 2024-01-05 |') } },
    { name: 'a word the project adds', files: { 'docs/adr/0001-use-x.md': withStatus('Experimental'), '.archframe.yaml': lines('adr:', '  statuses: [experimental]') } },
    { name: 'a status inside an HTML comment is not read, the real one is', files: { 'docs/adr/0001-use-x.md': withStatus('<!-- one of proposed, accepted -->', 'Accepted') } },
    {
      name: 'a Status heading and a status table deep in a design section are not the record\'s status',
      files: {
        'docs/adr/0001-use-x.md': lines(
          '# 1. Use X', '', 'Status: Accepted', '', '## Context', '', 'c', '', '## Decision', '', '### Job API', '', '#### Status', '', 'Each job reports its progress in this field.', '',
          '| Status | Meaning |', '|---|---|', '| 202 | queued |', '', '## Consequences', '', 'e',
        ),
      },
    },
    {
      name: "a word the collection's template offers",
      files: {
        'docs/adr/0001-use-x.md': withStatus('Sunset'),
        'docs/adr/template.md': lines('# NUMBER. TITLE', '', '## Status', '', '{Proposed | Accepted | Sunset | Superseded by [N. Title](NNNN-title.md)}', '', '## Context', '', 'TODO'),
      },
    },
    { name: 'a file of the ADR folder that matches no format needs no status', files: { 'docs/adr/guidelines.md': lines('# How we write ADRs', '', 'Keep them short.') } },
    { name: 'more synonyms: postponed, cancelled, archived', files: { 'docs/adr/0001-a.md': withStatus('Postponed'), 'docs/adr/0002-b.md': withStatus('Cancelled'), 'docs/adr/0003-c.md': withStatus('Archived') } },
  ],
  invalid: [
    {
      name: 'a word outside the vocabulary, close to one',
      files: { 'docs/adr/0001-use-x.md': withStatus('Acepted') },
      findings: [{ text: 'Acepted', severity: 'error', message: /did you mean 'accepted'/ }],
      fixed: withStatus('Accepted'),
    },
    {
      name: "a word several ADRs of the collection use is the team's own: info, not an error",
      files: { 'docs/adr/0001-use-x.md': withStatus('Sunset'), 'docs/adr/0002-use-y.md': withStatus('Sunset (kept for old clients)'), 'docs/adr/0003-use-z.md': withStatus('Accepted') },
      findings: [
        { text: 'Sunset', severity: 'info', message: /'Sunset' is not a standard status, but 2 ADRs of this collection use it/ },
        { text: 'Sunset', file: 'docs/adr/0002-use-y.md', severity: 'info', message: /'Sunset' is not a standard status, but 2 ADRs/ },
      ],
    },
    {
      name: 'a typo copied into two ADRs stays an error (three make it the team\'s word)',
      files: { 'docs/adr/0001-use-x.md': withStatus('Acepted'), 'docs/adr/0002-use-y.md': withStatus('Acepted') },
      findings: [
        { text: 'Acepted', severity: 'error', message: /did you mean 'accepted'/ },
        { text: 'Acepted', file: 'docs/adr/0002-use-y.md', severity: 'error', message: /did you mean 'accepted'/ },
      ],
    },
    { name: 'a word outside the vocabulary', files: { 'docs/adr/0001-use-x.md': withStatus('Placeholder') }, findings: [{ text: 'Placeholder', message: /not a status/ }] },
    { name: 'an empty status section', files: { 'docs/adr/0001-use-x.md': withStatus('') }, findings: [{ text: '## Status', message: /empty/ }] },
    { name: 'an empty Status bullet', files: { 'docs/adr/0001-use-x.md': lines('# Use X', '', '* Status:', '* Date: 2024-01-05') }, findings: [{ text: 'Status:', message: /empty/ }] },
    {
      name: 'no status at all is a warning, with a Status section to add',
      files: { 'docs/adr/0001-use-x.md': lines('# 1. Use X', '', '## Context', '', 'c') },
      findings: [{ text: '# 1. Use X', severity: 'warning', message: /No status/ }],
      fixed: lines('# 1. Use X', '', '## Status', '', 'Proposed', '', '## Context', '', 'c'),
    },
    {
      name: 'a free-form record with one MADR-like heading still needs a status, which every format has',
      files: { 'docs/adr/0004-move-to-kafka.md': lines('# Move billing events to Kafka', '', '## Background', '', 'b', '', '## Decision Outcome', '', 'd', '', '## Rollout plan', '', 'r') },
      findings: [{ text: '# Move billing events to Kafka', severity: 'warning', message: /No status/ }],
    },
    {
      name: 'a Status heading in a design section does not stand in for the missing status, nor a Status line there',
      files: { 'docs/adr/0001-use-x.md': lines('# 1. Use X', '', '## Context', '', 'c', '', '## Decision', '', '### Status', '', 'Each job reports its progress.', '', 'Status: 202 while queued.') },
      findings: [{ text: '# 1. Use X', severity: 'warning', message: /No status/ }],
    },
    {
      name: 'no status in a MADR file with front matter: the key is added there',
      files: { 'docs/adr/0001-use-x.md': lines('---', 'date: 2024-01-05', '---', '# Use X', '', '## Context and Problem Statement', '', 'c') },
      findings: [{ text: '# Use X', message: /^No status: say whether this decision is proposed, accepted/, severity: 'warning' }],
      fixed: lines('---', 'status: proposed', 'date: 2024-01-05', '---', '# Use X', '', '## Context and Problem Statement', '', 'c'),
    },
    {
      name: 'no status where the folder mostly does without is info',
      files: {
        'docs/adr/0001-a.md': lines('# A', '', '## Context and Problem Statement', '', 'c'),
        'docs/adr/0002-b.md': lines('# B', '', '## Context and Problem Statement', '', 'c'),
        'docs/adr/0003-c.md': lines('# C', '', '* Status: accepted'),
      },
      findings: [
        { text: '# A', severity: 'info', message: /Most ADRs of this folder/ },
        { text: '# B', message: /No status\. Most ADRs of this folder do without one/, file: 'docs/adr/0002-b.md', severity: 'info' },
      ],
    },
    {
      name: "adr-tools' Superceded spelling gets a hint, never an error",
      files: { 'docs/adr/0001-use-x.md': withStatus('Superceded by [2. Y](0002-y.md)'), 'docs/adr/0002-y.md': withStatus('Accepted', '', 'Supercedes [1. X](0001-use-x.md)') },
      findings: [{ text: 'Superceded', severity: 'hint', message: /standard one is 'Superseded'/ }],
      fixed: withStatus('Superseded by [2. Y](0002-y.md)'),
    },
  ],
});

describe("adr-status: adding the team's word to adr.statuses", () => {
  const team = { 'docs/adr/0001-use-x.md': withStatus('Sunset'), 'docs/adr/0002-use-y.md': withStatus('Sunset') };
  const fixOf = (files: Record<string, string>) => {
    const finding = engineFor(files).findingsFor(uriOf('docs/adr/0001-use-x.md')).find((f) => f.ruleId === 'adr-status');
    return finding?.fixes?.find((f) => /adr\.statuses/.test(f.title));
  };

  it('creates .archframe.yaml when the workspace has none, and the word is then known', () => {
    const fix = fixOf(team);
    assert.equal(fix?.title, "Add 'sunset' to adr.statuses in .archframe.yaml");
    assert.deepEqual(fix?.createFiles, [{ uri: uriOf('.archframe.yaml'), text: 'adr:\n  statuses: [sunset]\n' }]);
    const after = engineFor({ ...team, '.archframe.yaml': fix!.createFiles![0].text });
    assert.deepEqual([...after.findings().values()].flat().filter((f) => f.ruleId === 'adr-status'), []);
  });

  it("edits the workspace's .archframe.yaml, keeping what it says", () => {
    const config = lines('# ours', 'adr:', '  format: nygard', '  statuses: [experimental]');
    const fix = fixOf({ ...team, '.archframe.yaml': config });
    assert.equal(fix?.createFiles, undefined);
    assert.deepEqual(fix!.edits.map((e) => e.uri), [uriOf('.archframe.yaml')]);
    assert.equal(applyEdits(config, new LineIndex(config), fix!.edits), lines('# ours', 'adr:', '  format: nygard', '  statuses: [experimental, sunset]'));
  });

  it('is offered beside the did-you-mean fix for a word one ADR uses', () => {
    const finding = engineFor({ 'docs/adr/0001-use-x.md': withStatus('Acepted') }).findingsFor(uriOf('docs/adr/0001-use-x.md')).find((f) => f.ruleId === 'adr-status');
    assert.deepEqual(finding?.fixes?.map((f) => [f.title, f.isPreferred ?? false]), [["Change to 'Accepted'", true], ["Add 'acepted' to adr.statuses in .archframe.yaml", false]]);
  });
});
