import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, compareText, groupDigits } from './strings';

describe('strings', () => {
  it('orders text by code unit, the same whatever the locale', () => {
    assert.deepEqual(['b', 'a-2', 'B', 'a', 'é', 'a10', 'a2'].sort(compareText), ['B', 'a', 'a-2', 'a10', 'a2', 'b', 'é']);
    assert.equal(compareText('x', 'x'), 0);
  });

  it('groups digits by thousands', () => {
    assert.deepEqual([0, 999, 1000, 12345, 1234567, 12345.25, -98765].map(groupDigits), ['0', '999', '1,000', '12,345', '1,234,567', '12,345.25', '-98,765']);
  });

  it('finds the nearest word: another case, then a singular or plural, then the fewest edits; a unique prefix only when asked', () => {
    const keys = ['components', 'teams', 'datastores', 'channels', 'layers', 'style'];
    assert.deepEqual(['Components', 'team', 'datastore', 'chanels', 'componets', 'styles', 'xyz'].map((w) => closestMatch(w, keys)), ['components', 'teams', 'datastores', 'channels', 'components', 'style', undefined]);
    assert.equal(closestMatch('policy', ['policies', 'polish']), 'policies');
    const severities = ['error', 'warning', 'info', 'hint', 'off'];
    assert.equal(closestMatch('warn', severities), undefined);
    assert.equal(closestMatch('warn', severities, { prefix: true }), 'warning');
    assert.equal(closestMatch('in', severities, { prefix: true }), undefined, 'two letters say too little');
  });
});
