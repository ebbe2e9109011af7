import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareText, groupDigits } from './strings';

describe('strings', () => {
  it('orders text by code unit, the same whatever the locale', () => {
    assert.deepEqual(['b', 'a-2', 'B', 'a', 'é', 'a10', 'a2'].sort(compareText), ['B', 'a', 'a-2', 'a10', 'a2', 'b', 'é']);
    assert.equal(compareText('x', 'x'), 0);
  });

  it('groups digits by thousands', () => {
    assert.deepEqual([0, 999, 1000, 12345, 1234567, 12345.25, -98765].map(groupDigits), ['0', '999', '1,000', '12,345', '1,234,567', '12,345.25', '-98,765']);
  });
});
