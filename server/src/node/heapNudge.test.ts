import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heapNudge, LARGE_HEAP, MIN_GROWTH, type Collect } from './heapNudge';

const MB = 1024 * 1024;

describe('heap nudge', () => {
  it('starts a collection after a document was let go of, whatever the growth, once the heap is past the minimum', () => {
    let heap = 40 * MB;
    let started = 0;
    const nudge = heapNudge(() => (started++, new Promise<void>(() => undefined)), () => heap);
    nudge(true);
    assert.equal(started, 0, 'a small heap is left to V8');
    heap = 900 * MB;
    nudge(false);
    assert.equal(started, 1, 'grown by more than half: as before');
    const again = heapNudge(() => (started++, Promise.resolve()), () => heap);
    nudge(true);
    assert.equal(started, 1, 'one at a time');
    again(false);
    assert.equal(started, 1, 'not grown since the start: nothing');
    again(true);
    assert.equal(started, 2, 'a document let go of: a collection starts');
  });

  it('starts a full collection once the heap has grown by half and by the minimum, one at a time', async () => {
    let heap = 100 * MB;
    const started: (() => void)[] = [];
    const collect: Collect = () => new Promise<void>((resolve) => started.push(resolve));
    const nudge = heapNudge(collect, () => heap);

    heap = 160 * MB;
    nudge();
    assert.equal(started.length, 0, 'not yet grown by the minimum');
    heap = 170 * MB;
    nudge();
    assert.equal(started.length, 1, 'grown by the minimum: a collection starts');
    heap = 500 * MB;
    nudge();
    assert.equal(started.length, 1, 'no second collection while one runs');

    heap = 400 * MB;
    started[0]();
    await new Promise((resolve) => setImmediate(resolve));
    heap = 590 * MB;
    nudge();
    assert.equal(started.length, 1, 'measured from what the last collection left: a large heap waits for half again');
    heap = 610 * MB;
    nudge();
    assert.equal(started.length, 2);
  });

  it('collects before a write only past LARGE_HEAP, on the same growth as after one', () => {
    let heap = 100 * MB;
    let calls = 0;
    const nudge = heapNudge(() => (calls++, new Promise<void>(() => undefined)), () => heap);
    heap = LARGE_HEAP - MB;
    assert.equal(nudge(false, true), undefined, 'grown by more than half, but below LARGE_HEAP: left until after the write');
    assert.equal(calls, 0);
    assert.ok(nudge(false, false) instanceof Promise, 'after the write it collects, and says when it is done');
    assert.equal(calls, 1);
    const large = heapNudge(() => (calls++, Promise.resolve()), () => heap);
    heap = LARGE_HEAP;
    assert.equal(large(false, true), undefined, 'large, but not grown since it began: nothing');
    heap = 2 * LARGE_HEAP;
    assert.ok(large(false, true) instanceof Promise);
    assert.equal(calls, 2);
  });

  it('leaves a small heap to V8, and does nothing without the gc extension', () => {
    let heap = 10 * MB;
    let calls = 0;
    const nudge = heapNudge(async () => void calls++, () => heap);
    heap = 10 * MB + MIN_GROWTH - 1;
    nudge();
    assert.equal(calls, 0, 'tripled, but by less than the minimum growth');
    heap = 10 * MB + MIN_GROWTH;
    nudge();
    assert.equal(calls, 1);
    assert.doesNotThrow(() => heapNudge(undefined)());
  });

  it('survives a collector that throws or answers synchronously, and tries again later', async () => {
    let heap = 10 * MB;
    let calls = 0;
    const nudge = heapNudge(((() => {
      calls++;
      if (calls === 1) throw new Error('no async gc here');
      return undefined;
    }) as unknown) as Collect, () => heap);
    heap = 200 * MB;
    assert.doesNotThrow(nudge);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, 1);
    heap = 500 * MB;
    nudge();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, 2, 'measured again from what the failed attempt left, and tried again');
  });
});
