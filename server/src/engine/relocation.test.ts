import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lines } from '../../../test/helpers/engine';
import type { Finding } from './model/findings';
import { parseManifest } from './parse/manifest';
import { reparseManifest } from './parse/manifestIncremental';
import { Relocation } from './relocation';

const URI = 'file:///w/architecture.yaml';
const TEXT = lines('archframe: 1', 'system: s', 'components:', '  api:', '    kind: service', '  web:', '    kind: frontend', '    replicas: 1');

describe('Relocation', () => {
  const before = parseManifest(URI, TEXT);
  const after = reparseManifest(before, TEXT.replace('    kind: service\n', '    kind: service\n    # a note\n'));
  const relocation = new Relocation((uri) => (uri === URI ? before : undefined), (uri) => (uri === URI ? after : undefined));
  const at = (text: string, needle: string) => text.indexOf(needle);

  it('moves every position of a finding after the edit, and keeps every field', () => {
    const start = at(TEXT, 'replicas');
    // Every field of Finding, so that a field added to the type must be carried here too (the test stops compiling).
    const finding: Required<Finding> = {
      ruleId: 'r',
      severity: 'warning',
      message: 'm',
      uri: URI,
      span: [start, start + 8],
      range: before.lines.range([start, start + 8]),
      related: [{ uri: URI, range: before.lines.range([at(TEXT, 'web'), at(TEXT, 'web') + 3]), message: 'web' }, { uri: 'file:///w/other.md', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, message: 'elsewhere' }],
      tags: ['unnecessary'],
      fixes: [{ title: 'f', edits: [{ uri: URI, range: before.lines.range([start, start + 8]), newText: 'x' }], isPreferred: true }],
      element: 'components.web.replicas',
    };
    const moved = relocation.finding(finding)!;
    assert.deepEqual(Object.keys(moved).sort(), Object.keys(finding).sort());
    const now = after.text.indexOf('replicas');
    assert.deepEqual(moved.span, [now, now + 8]);
    assert.deepEqual(moved.range, after.lines.range([now, now + 8]));
    assert.equal(moved.range.start.line, finding.range.start.line + 1);
    assert.equal(moved.related![0].range.start.line, finding.related[0].range.start.line + 1);
    assert.equal(moved.related![1], finding.related[1], 'a place in a file that did not change is the same object');
    assert.deepEqual(moved.fixes![0].edits[0].range, moved.range);
    assert.deepEqual([moved.tags, moved.element, moved.message], [finding.tags, finding.element, finding.message]);
  });

  it('keeps the very object of a finding before the edit, and cannot move one in a file read whole', () => {
    const finding: Finding = { ruleId: 'r', severity: 'error', message: 'm', uri: URI, span: [0, 9], range: before.lines.range([0, 9]) };
    assert.equal(relocation.finding(finding), finding);
    const whole = parseManifest(URI, after.text);
    assert.equal(new Relocation(() => before, () => whole).finding({ ...finding, span: [50, 52], range: before.lines.range([50, 52]) }), undefined);
  });
});
