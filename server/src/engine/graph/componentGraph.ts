import type { DependencyEdge, ManifestModel } from '../workspace/manifestModel';
import { elementaryCycles } from './cycles';
import { attemptsOf, synchronousCalls } from './dependencies';

/**
 * Whole-workspace computations on the component graph, done once per model
 * (the rules run once per manifest and share them): cycles, instability,
 * retry amplification.
 */

const cache = new WeakMap<ManifestModel, Map<string, unknown>>();

function memo<T>(model: ManifestModel, key: string, compute: () => T): T {
  let entries = cache.get(model);
  if (!entries) cache.set(model, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key) as T;
}

/** At most this many elementary cycles are reported per workspace. */
export const CYCLE_LIMIT = 100;

export interface ComponentCycles {
  /** Each cycle as its edges in order; the first edge leaves the alphabetically first component of the cycle. */
  cycles: DependencyEdge[][];
  truncated: boolean;
}

/** Elementary cycles among components, whatever the `via` of their dependencies. */
export function componentCycles(model: ManifestModel): ComponentCycles {
  return memo(model, 'cycles', () => {
    const names = [...model.components.keys()].sort();
    const index = new Map(names.map((name, i) => [name, i]));
    // One edge per ordered pair: the first dependsOn item that names the target.
    const edgeOf = new Map<string, DependencyEdge>();
    const graph = names.map((name, v) => {
      const successors: number[] = [];
      for (const edge of model.dependenciesOf(name)) {
        const w = edge.target?.section === 'components' ? index.get(edge.target.name) : undefined;
        if (w === undefined || edgeOf.has(`${v}>${w}`)) continue;
        edgeOf.set(`${v}>${w}`, edge);
        successors.push(w);
      }
      return successors;
    });
    const { cycles, truncated } = elementaryCycles(graph, CYCLE_LIMIT);
    return {
      cycles: cycles.map((cycle) => cycle.map((v, i) => edgeOf.get(`${v}>${cycle[(i + 1) % cycle.length]}`)!)),
      truncated,
    };
  });
}

export interface Instability {
  /** Afferent couplings: components that depend on this one. */
  ca: number;
  /** Efferent couplings: components this one depends on. */
  ce: number;
  /** Ce / (Ca + Ce); 0 for a component with no coupling at all. */
  value: number;
}

/** Martin's instability of every component, counting distinct component-to-component dependencies only. */
export function instabilities(model: ManifestModel): Map<string, Instability> {
  return memo(model, 'instability', () => {
    const outgoing = new Map<string, Set<string>>();
    const incoming = new Map<string, Set<string>>();
    for (const name of model.components.keys()) {
      outgoing.set(name, new Set());
      incoming.set(name, new Set());
    }
    for (const edge of model.edges) {
      if (edge.target?.section !== 'components' || edge.target.name === edge.source.name) continue;
      outgoing.get(edge.source.name)?.add(edge.target.name);
      incoming.get(edge.target.name)?.add(edge.source.name);
    }
    const result = new Map<string, Instability>();
    for (const name of model.components.keys()) {
      const ce = outgoing.get(name)!.size;
      const ca = incoming.get(name)!.size;
      result.set(name, { ca, ce, value: ca + ce === 0 ? 0 : ce / (ca + ce) });
    }
    return result;
  });
}

export interface Amplification {
  /** The largest product of attempts along a synchronous path that starts here (1 for a leaf). */
  product: number;
  /** The first call of that path, if the path has one. */
  next?: DependencyEdge;
}

/**
 * For every component, the synchronous path below it whose retry attempts
 * multiply the most. Iterative depth-first search with memoisation: each
 * component is settled once, so the cost is linear in the graph. A call
 * back into a component still being explored (a cycle, `dependency-cycle`'s
 * concern) is left out rather than counted forever.
 */
export function amplifications(model: ManifestModel): Map<string, Amplification> {
  return memo(model, 'amplification', () => {
    const settled = new Map<string, Amplification>();
    const active = new Set<string>();
    for (const root of model.components.keys()) {
      if (settled.has(root)) continue;
      const stack: { name: string; calls: DependencyEdge[]; position: number }[] = [{ name: root, calls: synchronousCalls(model, root), position: 0 }];
      active.add(root);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        const call = frame.calls[frame.position];
        if (call && call.target!.section === 'components' && !settled.has(call.target!.name) && !active.has(call.target!.name)) {
          const name = call.target!.name;
          active.add(name);
          stack.push({ name, calls: synchronousCalls(model, name), position: 0 });
          continue;
        }
        if (call) {
          frame.position++;
          continue;
        }
        // Every call settled (or on the stack): choose the worst.
        let best: Amplification = { product: 1 };
        for (const edge of frame.calls) {
          const below = edge.target!.section === 'components' ? settled.get(edge.target!.name) : { product: 1 };
          if (!below) continue;
          const product = attemptsOf(edge) * below.product;
          if (product > best.product) best = { product, next: edge };
        }
        settled.set(frame.name, best);
        active.delete(frame.name);
        stack.pop();
      }
    }
    return settled;
  });
}

/** The calls of the worst path from an edge down: the edge, then each `next`. */
export function amplifiedPath(model: ManifestModel, edge: DependencyEdge): DependencyEdge[] {
  const path = [edge];
  const seen = new Set([edge.source.name]);
  let current = edge.target?.section === 'components' ? amplifications(model).get(edge.target.name)?.next : undefined;
  while (current && !seen.has(current.source.name)) {
    seen.add(current.source.name);
    path.push(current);
    current = current.target?.section === 'components' ? amplifications(model).get(current.target.name)?.next : undefined;
  }
  return path;
}

/** Channels that are another channel's `deadLetter`. */
export function deadLetterChannels(model: ManifestModel): ReadonlySet<string> {
  return memo(model, 'deadLetters', () => {
    const names = new Set<string>();
    for (const channel of model.channels.values()) if (channel.value?.deadLetter) names.add(channel.value.deadLetter);
    return names;
  });
}
