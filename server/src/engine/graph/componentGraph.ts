import type { DependencyEdge, ManifestModel } from '../workspace/manifestModel';
import { elementaryCycles } from './cycles';
import { attemptsOf, synchronousCalls } from './dependencies';

/**
 * Computations on the component graph, done once per model and shared by the
 * rules: cycles, instability, retry amplification.
 */

function memo<T>(model: ManifestModel, key: string, compute: () => T): T {
  return model.remember(key, compute);
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

/**
 * Martin's instability of a component, counting distinct component-to-component dependencies only. Per component:
 * it reads the component and those that depend on it, so that an edit elsewhere leaves it alone.
 */
export function instabilityOf(model: ManifestModel, name: string): Instability {
  const outgoing = new Set<string>();
  for (const edge of model.dependenciesOf(name)) if (edge.target?.section === 'components' && edge.target.name !== name) outgoing.add(edge.target.name);
  const incoming = new Set<string>();
  for (const edge of model.dependentsOf(name)) if (edge.target?.section === 'components' && edge.source.name !== name) incoming.add(edge.source.name);
  const ce = outgoing.size;
  const ca = incoming.size;
  return { ca, ce, value: ca + ce === 0 ? 0 : ce / (ca + ce) };
}

export interface Amplification {
  /** The largest product of attempts along a synchronous path that starts here (1 for a leaf). */
  product: number;
  /** The first call of that path, if the path has one. */
  next?: DependencyEdge;
}

/**
 * The synchronous path below a component whose retry attempts multiply the most. Iterative depth-first search from
 * that component, each component below settled once, so the cost is linear in what it reaches. A call back into a
 * component still being explored (a cycle, `dependency-cycle`'s concern) is left out rather than counted forever.
 * Per component and remembered per model with what it read: an edit re-walks only the paths through what it changed.
 */
export function amplificationOf(model: ManifestModel, root: string): Amplification {
  return memo(model, `amplification:${root}`, () => {
    const settled = new Map<string, Amplification>();
    const active = new Set<string>([root]);
    const stack: { name: string; calls: DependencyEdge[]; position: number }[] = [{ name: root, calls: synchronousCalls(model, root), position: 0 }];
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
    return settled.get(root)!;
  });
}

/** The calls of the worst path from an edge down: the edge, then each `next`. */
export function amplifiedPath(model: ManifestModel, edge: DependencyEdge): DependencyEdge[] {
  const path = [edge];
  const seen = new Set([edge.source.name]);
  let current = edge.target?.section === 'components' ? amplificationOf(model, edge.target.name).next : undefined;
  while (current && !seen.has(current.source.name)) {
    seen.add(current.source.name);
    path.push(current);
    current = current.target?.section === 'components' ? amplificationOf(model, current.target.name).next : undefined;
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
