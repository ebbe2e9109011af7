import { getHeapStatistics } from 'node:v8';

export type Collect = (options: { type: 'major'; execution: 'async' }) => Promise<void>;

/** Below this much growth the heap is left to V8: small workspaces never need a nudge. */
export const MIN_GROWTH = 64 * 1024 * 1024;
/**
 * From this much heap in use, a publication's collection runs before it is written, not after. Encoding a large
 * publication takes about 100 MB for a moment (10,000 components, 45,000 diagnostics) and the analysis's garbage
 * is still there: 955 MB at the peak instead of 850. Below, the garbage is tens of MB and the collection would
 * delay the diagnostics instead (2,000 components: 0.13 s of a 1.5 s first open).
 */
export const LARGE_HEAP = 512 * 1024 * 1024;

/**
 * V8 lets the old generation grow to about four times what survived its last full collection before it collects
 * again, so a server re-analysing a 4 MiB manifest on every edit came to hold about 1 GB, most of it garbage.
 * Called before each publication is written and once it is: when the heap has grown by half, and by MIN_GROWTH, since
 * the last collection started here, this starts another (before the write only past LARGE_HEAP) and answers when it
 * ends. Half, not double: on 10,000 components six edits left 782 MB instead of 954 MB (peak 935 instead of 965), the
 * edits 0-15 % slower. `collect` is V8's `gc` extension (the client starts the server with --expose-gc); without it
 * this does nothing. `released`: a large document was let go of (closed, deleted): its memory is garbage the heap has
 * not grown by, and the next open would be read beside it (a 10,000-component manifest closed and opened again peaked
 * at 1.4 GB), so a collection starts whatever the growth.
 */
export function heapNudge(
  collect: Collect | undefined = (globalThis as { gc?: Collect }).gc,
  used: () => number = () => getHeapStatistics().used_heap_size,
): (released?: boolean, beforeWrite?: boolean) => Promise<void> | undefined {
  if (typeof collect !== 'function') return () => undefined;
  let afterLast = used();
  let running = false;
  return (released = false, beforeWrite = false) => {
    if (running) return;
    // Asked twice per publication: the heap statistics are read once each time.
    const now = used();
    if (beforeWrite && now < LARGE_HEAP) return;
    if (!(released && now > MIN_GROWTH) && now < afterLast + Math.max(afterLast / 2, MIN_GROWTH)) return;
    running = true;
    // A `gc` that throws, or answers without a promise, must not break the publication path.
    let collecting: Promise<void> | undefined;
    try {
      collecting = collect({ type: 'major', execution: 'async' });
    } catch {
      collecting = undefined;
    }
    return Promise.resolve(collecting)
      .catch(() => undefined)
      .finally(() => {
        running = false;
        afterLast = used();
      });
  };
}
