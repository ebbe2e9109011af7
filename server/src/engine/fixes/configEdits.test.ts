import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import { addStatusWordFix } from './configEdits';
import { applyEdits } from './yamlEdits';

const URI = 'file:///w/.archframe.yaml';

/** The configuration after the fix, and what it says of adr.statuses. */
function fixed(text: string, word = 'sunset'): { text: string; statuses: unknown } {
  const fix = addStatusWordFix(URI, text, word);
  assert.ok(fix, 'no fix');
  const after = applyEdits(text, new LineIndex(text), fix.edits);
  return { text: after, statuses: (parse(after) as { adr?: { statuses?: unknown } })?.adr?.statuses };
}

describe('addStatusWordFix', () => {
  it('creates .archframe.yaml when the folder has none', () => {
    const fix = addStatusWordFix(URI, undefined, 'sunset')!;
    assert.deepEqual(fix.edits, []);
    assert.deepEqual(fix.createFiles, [{ uri: URI, text: 'adr:\n  statuses: [sunset]\n' }]);
  });

  it('adds to an empty file, a file without adr:, an adr: map without statuses', () => {
    assert.deepEqual(fixed('').statuses, ['sunset']);
    assert.deepEqual(fixed('# our settings\n').statuses, ['sunset']);
    const rules = fixed('rules:\n  adr-date: off\n');
    assert.deepEqual(rules.statuses, ['sunset']);
    assert.match(rules.text, /^rules:\n {2}adr-date: off\n/);
    assert.deepEqual(fixed('adr:\n  format: nygard\n').statuses, ['sunset']);
    assert.deepEqual(fixed('adr:\n').statuses, ['sunset']);
  });

  it('appends to a flow list and to a block list, keeping comments and line breaks', () => {
    assert.equal(fixed('adr:\n  statuses: [experimental] # ours\n').text, 'adr:\n  statuses: [experimental, sunset] # ours\n');
    assert.equal(fixed('adr:\n  statuses: []\n').text, 'adr:\n  statuses: [sunset]\n');
    assert.equal(fixed('adr:\r\n  statuses:\r\n    - experimental\r\n  format: madr\r\n').text, 'adr:\r\n  statuses:\r\n    - experimental\r\n    - sunset\r\n  format: madr\r\n');
    assert.deepEqual(fixed('adr: { statuses: [a] }\n', 'on hold').statuses, ['a', 'on hold']);
  });

  it('offers nothing for a file that does not parse, or that lists the word already', () => {
    assert.equal(addStatusWordFix(URI, 'adr: [\n', 'sunset'), undefined);
    assert.equal(addStatusWordFix(URI, 'adr:\n  statuses: [Sunset]\n', 'sunset'), undefined);
  });
});
