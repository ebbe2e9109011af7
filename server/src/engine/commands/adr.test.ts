import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../test/helpers/engine';
import { applyEdits } from '../fixes/yamlEdits';
import { parseAdr } from '../parse/adr';
import { LineIndex } from '../text/lineIndex';
import { planNewAdr, planSupersede } from './adr';
import { relativeLink } from '../text/uri';

describe('New ADR planning', () => {
  it('writes into the folder .adr-dir names when there are no ADRs yet, number 1, kebab-case name', () => {
    const workspace = engineFor({ '.adr-dir': 'architecture/decisions\n' }).snapshot();
    const result = planNewAdr(workspace, { title: 'Use Événements (Kafka)!', date: '2025-01-02' });
    assert.ok(result.ok);
    assert.equal(result.file!.uri, uriOf('architecture/decisions/0001-use-evenements-kafka.md'));
    assert.match(result.file!.text, /^# 1\. Use Événements \(Kafka\)!\n\nDate: 2025-01-02\n\n## Status\n\nProposed\n/);
    const parsed = parseAdr(result.file!.uri, result.file!.text);
    assert.deepEqual([parsed.format, parsed.number, parsed.status, parsed.date], ['nygard', 1, 'proposed', '2025-01-02']);
  });

  it('takes the next free number of the ADR folder and the format most of its ADRs use', () => {
    const madr = (title: string) => lines('---', 'status: accepted', '---', `# ${title}`, '', '## Context and Problem Statement', '', 'c', '', '## Decision Outcome', '', 'd');
    const workspace = engineFor({ 'docs/decisions/0001-a.md': madr('A'), 'docs/decisions/0007-b.md': madr('B') }).snapshot();
    const result = planNewAdr(workspace, { title: 'Third', date: '2025-01-02' });
    assert.ok(result.ok);
    assert.equal(result.file!.uri, uriOf('docs/decisions/0008-third.md'));
    assert.match(result.file!.text, /^---\nstatus: proposed\ndate: 2025-01-02\n/);
    assert.equal(parseAdr(result.file!.uri, result.file!.text).format, 'madr');
  });

  it('refuses an empty title, an unknown format and a bad date', () => {
    const workspace = engineFor({}).snapshot();
    assert.equal(planNewAdr(workspace, { title: ' ', date: '2025-01-02' }).ok, false);
    assert.equal(planNewAdr(workspace, { title: 'x', format: 'rfc', date: '2025-01-02' }).ok, false);
    assert.equal(planNewAdr(workspace, { title: 'x', date: 'today' }).ok, false);
  });
});

describe('Supersede ADR planning', () => {
  it('links both ways and keeps the old file CRLF', () => {
    const old = lines('# 3. Use MySQL', '', 'Date: 2020-01-01', '', '## Status', '', 'Accepted', '', '## Context', '', 'c').replace(/\n/g, '\r\n');
    const engine = engineFor({ 'docs/adr/0003-use-mysql.md': old });
    const result = planSupersede(engine.snapshot(), uriOf('docs/adr/0003-use-mysql.md'), { title: 'Use PostgreSQL', date: '2025-01-02' });
    assert.ok(result.ok);
    assert.equal(result.file!.uri, uriOf('docs/adr/0004-use-postgresql.md'));
    assert.match(result.file!.text, /## Status\n\nAccepted\n\nSupersedes \[3\. Use MySQL\]\(0003-use-mysql\.md\)\n/);
    const edited = applyEdits(old, new LineIndex(old), result.edits);
    assert.equal(edited, old.replace('Accepted', 'Superseded by [4. Use PostgreSQL](0004-use-postgresql.md)'));
    // Both documents agree: no supersede finding once written.
    const after = engineFor({ 'docs/adr/0003-use-mysql.md': edited, 'docs/adr/0004-use-postgresql.md': result.file!.text });
    const findings = [...after.findings().values()].flat().filter((f) => f.ruleId === 'adr-supersede' || f.ruleId === 'adr-links');
    assert.deepEqual(findings.map((f) => f.message), []);
  });

  it('sets a MADR front matter status to superseded by ADR-NNNN', () => {
    const old = lines('---', 'status: "accepted"', 'date: 2024-01-01', '---', '# Use A', '', '## Context and Problem Statement', '', 'c');
    const engine = engineFor({ 'docs/decisions/0001-use-a.md': old });
    const result = planSupersede(engine.snapshot(), uriOf('docs/decisions/0001-use-a.md'), { title: 'Use B', date: '2025-01-02' });
    assert.ok(result.ok);
    const edited = applyEdits(old, new LineIndex(old), result.edits);
    assert.match(edited, /^---\nstatus: "superseded by ADR-0002"\n/);
    assert.equal(parseAdr(uriOf('docs/decisions/0001-use-a.md'), edited).supersededBy[0]?.target, 'ADR-2');
  });

  it('computes relative links between folders', () => {
    assert.equal(relativeLink('file:///w/docs/adr/0001-a.md', 'file:///w/docs/adr/0002-b.md'), '0002-b.md');
    assert.equal(relativeLink('file:///w/docs/runbooks/x.md', 'file:///w/docs/adr/0002-b.md'), '../adr/0002-b.md');
  });
});
