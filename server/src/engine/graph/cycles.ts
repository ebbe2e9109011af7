/**
 * Graph algorithms over vertices numbered 0..n-1 with adjacency lists.
 * Everything is iterative (explicit stacks): a manifest may describe a
 * 10,000-component chain, and recursion that deep would overflow the stack.
 */

export type Adjacency = readonly (readonly number[])[];

/**
 * Tarjan's strongly connected components, iteratively. `include` limits the
 * graph to some vertices. Components come out in reverse topological order.
 */
export function stronglyConnectedComponents(graph: Adjacency, include: (v: number) => boolean = () => true): number[][] {
  const n = graph.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  // Call frames: the vertex and how far its successor list has been walked.
  const frames: number[] = [];
  const positions: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || !include(root)) continue;
    frames.push(root);
    positions.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const v = frames[frames.length - 1];
      const successors = graph[v];
      let position = positions[positions.length - 1];
      let descended = false;
      while (position < successors.length) {
        const w = successors[position++];
        if (!include(w)) continue;
        if (index[w] === -1) {
          positions[positions.length - 1] = position;
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push(w);
          positions.push(0);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v], index[w]);
      }
      if (descended) continue;
      frames.pop();
      positions.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}

export interface CycleSearch {
  /** Each elementary cycle once, as its vertices in order, starting at its lowest-numbered vertex. */
  cycles: number[][];
  /** True when the search stopped at the limit: more cycles exist. */
  truncated: boolean;
}

/**
 * Elementary cycles (Johnson, 1975), iteratively, stopping after `limit`.
 * Each round takes the lowest vertex s of a non-trivial strongly connected
 * component, lists the cycles through s inside it, then removes s and splits
 * what is left into components again. Every round finds at least one cycle,
 * so the work is bounded by (limit + 1) × (vertices + edges) plus the
 * search itself, which Johnson's blocking keeps linear per cycle found.
 */
export function elementaryCycles(graph: Adjacency, limit = 100): CycleSearch {
  const n = graph.length;
  const cycles: number[][] = [];
  const removed = new Uint8Array(n);
  const member = new Int32Array(n).fill(-1);
  const blocked = new Uint8Array(n);
  const blockedBy: Set<number>[] = [];
  let round = 0;
  const nonTrivial = (component: number[]) => component.length > 1 || graph[component[0]].includes(component[0]);
  const work = stronglyConnectedComponents(graph).filter(nonTrivial);

  while (work.length > 0) {
    const component = work.pop()!;
    round++;
    let s = component[0];
    for (const v of component) {
      if (v < s) s = v;
      member[v] = round;
      blocked[v] = 0;
      blockedBy[v]?.clear();
    }
    const inside = (v: number) => member[v] === round && !removed[v];

    const unblock = (u: number) => {
      const pending = [u];
      while (pending.length > 0) {
        const x = pending.pop()!;
        if (!blocked[x]) continue;
        blocked[x] = 0;
        const waiting = blockedBy[x];
        if (waiting) {
          for (const y of waiting) pending.push(y);
          waiting.clear();
        }
      }
    };

    // Johnson's CIRCUIT(s) with explicit frames: vertex, successor position, found-a-cycle flag.
    const path: number[] = [s];
    const positions: number[] = [0];
    const found: boolean[] = [false];
    blocked[s] = 1;
    while (path.length > 0 && cycles.length < limit) {
      const depth = path.length - 1;
      const v = path[depth];
      const successors = graph[v];
      if (positions[depth] < successors.length) {
        const w = successors[positions[depth]++];
        if (!inside(w)) continue;
        if (w === s) {
          cycles.push([...path]);
          found[depth] = true;
        } else if (!blocked[w]) {
          blocked[w] = 1;
          path.push(w);
          positions.push(0);
          found.push(false);
        }
        continue;
      }
      // All successors walked: leave v.
      if (found[depth]) {
        unblock(v);
      } else {
        for (const w of successors) {
          if (!inside(w)) continue;
          let set = blockedBy[w];
          if (!set) blockedBy[w] = set = new Set();
          set.add(v);
        }
      }
      path.pop();
      positions.pop();
      const closed = found.pop()!;
      if (closed && found.length > 0) found[found.length - 1] = true;
    }
    if (cycles.length >= limit) return { cycles, truncated: true };

    removed[s] = 1;
    const rest = component.filter((v) => v !== s);
    if (rest.length === 0) continue;
    const restSet = round;
    for (const next of stronglyConnectedComponents(graph, (v) => member[v] === restSet && !removed[v])) {
      if (nonTrivial(next)) work.push(next);
    }
  }
  return { cycles, truncated: false };
}
