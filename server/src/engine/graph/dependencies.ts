import { isMap, type Node } from 'yaml';
import type { TextEdit, Place } from '../model/findings';
import { isSynchronous, type DependencyEdge, type ManifestModel } from '../workspace/manifestModel';
import { durationMs } from '../model/values';
import { scalarToMap, setPaths, type PathValue } from '../fixes/yamlEdits';
import { elementSpan, type ManifestDocument } from '../parse/manifest';
import { locate, type PathSegment } from '../parse/yamlAst';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import { enterElement, leaveElement } from '../workspace/elementScope';

/**
 * Dependency edges as the Axiom 1–3 rules read them: where an item of
 * `dependsOn` is in the source, its stable name for baselines, and edits
 * that work whether the item was written as a map or as a bare name.
 */

/** The dependencies a document declares (its components' `dependsOn`; duplicate components left out), in file order. */
export function* ownEdges(workspace: WorkspaceSnapshot, document: ManifestDocument): Iterable<DependencyEdge> {
  try {
    for (const component of document.elements.components.values()) {
      enterElement(component);
      if (workspace.manifests.components.get(component.name) === component) yield* workspace.manifests.dependenciesOf(component.name);
    }
  } finally {
    leaveElement();
  }
}

/** A place inside a dependency item; by default its `target` value (the bare name itself for `- payments`). */
export function dependencyAt(edge: DependencyEdge, path: readonly PathSegment[] = ['target'], target: 'key' | 'value' = 'value'): Place {
  const manifest = edge.source.manifest;
  return { uri: manifest.uri, lines: manifest.lines, span: elementSpan(edge.source, ['dependsOn', edge.index, ...path], target) };
}

/** Stable name: `components.checkout.dependsOn.payments`. */
export function dependencyElement(edge: DependencyEdge): string {
  return `components.${edge.source.name}.dependsOn.${edge.spec.target}`;
}

/** The item's node in the YAML source. */
export function dependencyNode(edge: DependencyEdge): Node | undefined {
  return edge.source.node ? locate(edge.source.node, ['dependsOn', edge.index]).value : undefined;
}

/**
 * Sets keys of a dependency (each entry a path inside the item and a flow
 * value), turning a bare `- payments` into `- { target: payments, ... }`.
 */
export function setDependencyKeys(edge: DependencyEdge, entries: readonly PathValue[]): TextEdit[] {
  const node = dependencyNode(edge);
  if (!node) return [];
  return isMap(node) ? setPaths(edge.source.manifest, node, entries) : [scalarToMap(edge.source.manifest, node, 'target', entries)];
}

/** Total attempts of a call: `retry.attempts`, else 1. */
export function attemptsOf(edge: DependencyEdge): number {
  return edge.spec.retry?.attempts ?? 1;
}

/** Synchronous calls of a component to other components and datastores (what can make it wait). */
export function synchronousCalls(model: ManifestModel, component: string): DependencyEdge[] {
  return model.dependenciesOf(component).filter((edge) => edge.target && edge.target.section !== 'channels' && edge.target.section !== 'teams' && isSynchronous(edge));
}

/** 'a', 'b' and 3 more: names quoted, a bounded number of them (a datastore may have hundreds of users). */
export function nameList(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).map((name) => `'${name}'`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** payments' / checkout's */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** A duration as people write it in a manifest: 750ms, 2s, 1500ms, 5m. */
export function formatDuration(ms: number): string {
  const rounded = Math.round(ms * 100) / 100;
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (rounded >= size && rounded % size === 0) return `${rounded / size}${unit}`;
  }
  return `${rounded}ms`;
}

/** A call's worst case: its timeout times its attempts, with the arithmetic shown. */
export interface CallCost {
  edge: DependencyEdge;
  ms: number;
  /** `2 × 300ms` or `150ms` */
  text: string;
}

function callCost(edge: DependencyEdge): CallCost | undefined {
  const timeout = durationMs(edge.spec.timeout);
  if (timeout === undefined) return undefined;
  const attempts = attemptsOf(edge);
  const text = attempts > 1 ? `${attempts} × ${formatDuration(timeout)}` : formatDuration(timeout);
  return { edge, ms: timeout * attempts, text };
}

/**
 * How long a component's own synchronous calls can take at worst: the sum
 * over sequential calls of timeout × attempts, plus the largest such product
 * among its parallel calls. Calls without a timeout are left out (they are
 * `sync-timeout`'s): the result is a lower bound of the real worst case.
 */
export interface WorstCase {
  ms: number;
  /** `2 × 300ms + 150ms + max(200ms, 100ms)` */
  text: string;
  calls: CallCost[];
}

export function worstCaseOfCalls(model: ManifestModel, component: string): WorstCase | undefined {
  const costs = synchronousCalls(model, component).map(callCost).filter((c): c is CallCost => c !== undefined);
  if (costs.length === 0) return undefined;
  const sequential = costs.filter((c) => !c.edge.spec.parallel);
  const parallel = costs.filter((c) => c.edge.spec.parallel);
  const terms = sequential.map((c) => c.text);
  let ms = sequential.reduce((sum, c) => sum + c.ms, 0);
  if (parallel.length > 0) {
    ms += Math.max(...parallel.map((c) => c.ms));
    terms.push(parallel.length === 1 ? parallel[0].text : `max(${parallel.map((c) => c.text).join(', ')})`);
  }
  return { ms, text: terms.join(' + '), calls: costs };
}
