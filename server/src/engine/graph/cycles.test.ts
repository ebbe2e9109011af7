import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementaryCycles, stronglyConnectedComponents } from './cycles';

const sorted = (cycles: number[][]) => cycles.map((c) => c.join('>')).sort();

describe('graph algorithms', () => {
  it('splits a graph into strongly connected components', () => {
    // 0 ⇄ 1 → 2 ⇄ 3, 4 alone
    const components = stronglyConnectedComponents([[1], [0, 2], [3], [2], []]);
    assert.deepEqual(components.map((c) => [...c].sort()).sort(), [[0, 1], [2, 3], [4]]);
  });

  it('lists every elementary cycle once', () => {
    // 0 → 1 → 2 → 0, 1 → 0, 2 → 2 (self-loop), 3 → 0 (on no cycle)
    const { cycles, truncated } = elementaryCycles([[1], [2, 0], [0, 2], [0]]);
    assert.equal(truncated, false);
    assert.deepEqual(sorted(cycles), ['0>1', '0>1>2', '2']);
  });

  it('finds all cycles of a complete graph and stops at the limit', () => {
    const complete = (n: number) => Array.from({ length: n }, (_, v) => Array.from({ length: n }, (_, w) => w).filter((w) => w !== v));
    // K4 has 6 two-cycles, 8 three-cycles and 6 four-cycles.
    assert.equal(elementaryCycles(complete(4)).cycles.length, 20);
    const big = elementaryCycles(complete(30), 50);
    assert.equal(big.cycles.length, 50);
    assert.equal(big.truncated, true);
    assert.equal(new Set(big.cycles.map((c) => c.join('>'))).size, 50);
  });

  it('handles a 10,000-vertex cycle without recursion, in linear time', () => {
    const n = 10_000;
    const ring = Array.from({ length: n }, (_, v) => [(v + 1) % n]);
    const started = performance.now();
    const { cycles } = elementaryCycles(ring);
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].length, n);
    assert.deepEqual(cycles[0].slice(0, 3), [0, 1, 2]);
    assert.ok(performance.now() - started < 2000);
    assert.equal(stronglyConnectedComponents(ring).length, 1);
  });
});
