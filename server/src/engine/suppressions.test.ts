import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, findingsOf, lines, spanText, uriOf } from '../../../test/helpers/engine';
import { applyEdits } from './fixes/yamlEdits';
import type { Finding } from './model/findings';
import { applySuppressions } from './suppressions';
import { LineIndex } from './text/lineIndex';

const head = ['archframe: 1', 'system: shop', 'datastores:'];
const store = '  db: { engine: postgresql }';
const rules = (path: string, files: Record<string, string>, ...ids: string[]) => findingsOf(engineFor(files), path, ...ids).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

describe('suppression comments', () => {
  it('without a comment, the datastore has two findings on its line', () => {
    assert.deepEqual(rules('architecture.yaml', { 'architecture.yaml': lines(...head, store) }, 'recovery-objectives', 'backup-3-2-1'), ['backup-3-2-1@4', 'recovery-objectives@4']);
  });

  it('next-line silences the listed rules on the next line only, across blank and comment lines', () => {
    const manifest = lines(...head, '  # archframe-disable-next-line recovery-objectives, backup-3-2-1 -- a cache', '', '  # rebuilt from orders', store, '  other: { engine: redis }');
    assert.deepEqual(rules('architecture.yaml', { 'architecture.yaml': manifest }, 'recovery-objectives', 'backup-3-2-1', 'unused-suppression'), ['backup-3-2-1@8', 'recovery-objectives@8']);
  });

  it('a trailing comment on a line silences the line after it', () => {
    const manifest = lines(...head, '  cache: { engine: redis, rpo: 1h, rto: 1h } # archframe-disable-next-line recovery-objectives -- rebuilt', store);
    assert.deepEqual(rules('architecture.yaml', { 'architecture.yaml': manifest }, 'recovery-objectives', 'unused-suppression'), []);
  });

  it('a # inside a quoted string is not a comment', () => {
    const manifest = lines(...head, '  notes: { engine: "x # archframe-disable-next-line recovery-objectives", rpo: 1h, rto: 1h }', store);
    assert.deepEqual(rules('architecture.yaml', { 'architecture.yaml': manifest }, 'recovery-objectives', 'unused-suppression'), ['recovery-objectives@5']);
  });

  it('a file-level directive silences the rule everywhere in the file, not in other files', () => {
    const files = { 'a.arch.yaml': lines('# archframe-disable recovery-objectives -- prototype', ...head, store), 'b.arch.yaml': lines('archframe: 1', 'system: b', 'datastores:', '  other: { engine: redis }') };
    assert.deepEqual(rules('a.arch.yaml', files, 'recovery-objectives', 'unused-suppression'), []);
    assert.deepEqual(rules('b.arch.yaml', files, 'recovery-objectives'), ['recovery-objectives@4']);
  });

  it('a missing reason still suppresses unless the workspace requires one', () => {
    const manifest = lines(...head, '  # archframe-disable-next-line recovery-objectives', store);
    assert.deepEqual(rules('architecture.yaml', { 'architecture.yaml': manifest }, 'recovery-objectives', 'unused-suppression'), []);
    const strict = { 'architecture.yaml': manifest, '.archframe.yaml': lines('suppressions:', '  requireReason: true') };
    assert.deepEqual(rules('architecture.yaml', strict, 'recovery-objectives', 'unused-suppression'), ['unused-suppression@4', 'recovery-objectives@5']);
  });

  it('a reason that cites an ADR must resolve: decision-status error on the citation', () => {
    const manifest = lines(...head, '  # archframe-disable-next-line recovery-objectives -- accepted in ADR-0012', store);
    const files = { 'architecture.yaml': manifest };
    const [finding] = findingsOf(engineFor(files), 'architecture.yaml', 'decision-status');
    assert.equal(finding.severity, 'error');
    assert.equal(spanText(files, 'architecture.yaml', finding), 'ADR-0012');
    const withAdr = { ...files, 'docs/adr/0012-no-recovery-for-caches.md': lines('# 12. No recovery objectives for caches', '', '## Status', '', 'Accepted') };
    assert.deepEqual(findingsOf(engineFor(withAdr), 'architecture.yaml', 'decision-status', 'recovery-objectives'), []);
  });

  it('Markdown documents use HTML comments: a next-line comment silences a finding below it', () => {
    const runbook = lines('---', 'type: runbook', '---', '<!-- archframe-disable adr-links -- moved -->', '# api: Runbook', '', '<!-- archframe-disable-next-line runbook-sections -- short on purpose -->', '## Overview', '', '<!-- not a suppression -- just a note -->', 'Text.');
    const engine = engineFor({ 'docs/runbooks/api.md': runbook });
    const uri = uriOf('docs/runbooks/api.md');
    const lineIndex = new LineIndex(runbook);
    const at = (line: number, ruleId: string): Finding => ({ ruleId, severity: 'warning', message: 'x', uri, range: lineIndex.range([lineIndex.lineStart(line), lineIndex.lineEnd(line)]), span: [lineIndex.lineStart(line), lineIndex.lineEnd(line)] });
    const findings = new Map([[uri, [at(7, 'runbook-sections'), at(10, 'runbook-sections'), at(10, 'adr-links')]]]);
    applySuppressions(findings, {
      workspace: engine.snapshot(),
      severity: (_uri, _id, preferred) => preferred ?? 'info',
      requireReason: () => false,
      isRule: () => true,
      ruleIds: () => [],
    });
    assert.deepEqual(findings.get(uri)!.map((f) => `${f.ruleId}@${f.range.start.line + 1}`), ['runbook-sections@11']);
    const suppress = findings.get(uri)![0].fixes![0];
    assert.equal(suppress.edits[0].newText, '<!-- archframe-disable-next-line runbook-sections -- TODO: why this is acceptable -->\n');
  });

  it('findings without a fix get "Suppress <id> on this line", which inserts an indented comment that silences it', () => {
    const manifest = lines(...head, '  cache:', '    engine: redis', '    rpo: 1h');
    const files = { 'architecture.yaml': manifest };
    const [finding] = findingsOf(engineFor(files), 'architecture.yaml', 'recovery-objectives');
    const fix = finding.fixes!.find((f) => f.title === 'Suppress recovery-objectives on this line')!;
    const fixed = applyEdits(manifest, new LineIndex(manifest), fix.edits);
    assert.equal(fixed, lines(...head, '  # archframe-disable-next-line recovery-objectives -- TODO: why this is acceptable', '  cache:', '    engine: redis', '    rpo: 1h'));
    assert.deepEqual(rules('architecture.yaml', { 'architecture.yaml': fixed }, 'recovery-objectives', 'unused-suppression', 'yaml-syntax'), []);
  });

  it('findings that have their own fix keep only it', () => {
    const files = { 'architecture.yaml': lines('archframe: 1', 'system: shop', 'teams:', '  a: {}', 'components:', '  api: { kind: library }') };
    const [finding] = findingsOf(engineFor(files), 'architecture.yaml', 'single-owner');
    assert.deepEqual(finding.fixes!.map((f) => f.title), ['Set owner: a']);
  });
});
