import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { SYNCHRONOUS_VIA, type DependencyObject, type ElementSection } from '../model/manifest';
import { findPair } from '../parse/yamlAst';
import type { ManifestDocument, ManifestElement } from '../parse/manifest';

const DEFAULT_LAYERS: Record<string, readonly string[]> = {
  layered: ['presentation', 'application', 'domain', 'infrastructure'],
};

/** One item of a component's `dependsOn`, with its target resolved across the workspace. */
export interface DependencyEdge {
  source: ManifestElement<'components'>;
  /** Index in `dependsOn`: the path to the item is ['dependsOn', index]. */
  index: number;
  /** The item as an object, whether it was written as a bare name or a map. */
  spec: DependencyObject;
  /** True when written as a bare string. */
  bare: boolean;
  target: ManifestElement | undefined;
}

/**
 * Every manifest of the workspace seen as one system: names resolve across
 * files, dependencies become edges. Built once per analysis and shared by
 * the rules.
 */
export class ManifestModel {
  readonly teams = new Map<string, ManifestElement<'teams'>>();
  readonly components = new Map<string, ManifestElement<'components'>>();
  readonly datastores = new Map<string, ManifestElement<'datastores'>>();
  readonly channels = new Map<string, ManifestElement<'channels'>>();
  /** Elements whose name was already taken by an earlier definition (in file order). */
  readonly duplicates: { element: ManifestElement; first: ManifestElement }[] = [];
  readonly edges: DependencyEdge[] = [];
  private readonly edgesBySource = new Map<string, DependencyEdge[]>();
  private readonly edgesByTarget = new Map<string, DependencyEdge[]>();

  constructor(readonly manifests: readonly ManifestDocument[]) {
    const firstByName = new Map<string, ManifestElement>();
    for (const manifest of manifests) {
      if (!manifest.readable) continue;
      for (const section of ['teams', 'components', 'datastores', 'channels'] as const) {
        for (const element of manifest.elements[section].values()) {
          // Teams live in their own namespace; components, datastores and channels share one.
          const key = section === 'teams' ? `team:${element.name}` : element.name;
          const first = firstByName.get(key);
          if (first) {
            this.duplicates.push({ element, first });
            continue;
          }
          firstByName.set(key, element);
          (this[section] as Map<string, ManifestElement>).set(element.name, element);
        }
      }
    }
    for (const source of this.components.values()) {
      const indices = sourceIndices(source);
      (source.value?.dependsOn ?? []).forEach((item, position) => {
        const bare = typeof item === 'string';
        const spec: DependencyObject = bare ? { target: item } : item;
        const edge: DependencyEdge = { source, index: indices[position] ?? position, spec, bare, target: this.element(spec.target) };
        this.edges.push(edge);
        push(this.edgesBySource, source.name, edge);
        push(this.edgesByTarget, spec.target, edge);
      });
    }
  }

  /** The component, datastore or channel with this name. */
  element(name: string): ManifestElement | undefined {
    return this.components.get(name) ?? this.datastores.get(name) ?? this.channels.get(name);
  }

  get<S extends ElementSection>(section: S, name: string): ManifestElement<S> | undefined {
    return (this[section] as Map<string, ManifestElement<S>>).get(name);
  }

  /** What a component depends on, in `dependsOn` order. */
  dependenciesOf(name: string): readonly DependencyEdge[] {
    return this.edgesBySource.get(name) ?? [];
  }

  /** Who depends on an element. */
  dependentsOf(name: string): readonly DependencyEdge[] {
    return this.edgesByTarget.get(name) ?? [];
  }

  /** The layers in force for a manifest, top to bottom: declared, or the default of its style (its own or the system's). */
  layersOf(manifest: ManifestDocument): readonly string[] {
    const style = this.systemField(manifest, 'style');
    return this.systemField(manifest, 'layers') ?? (style ? (DEFAULT_LAYERS[style] ?? []) : []);
  }

  /**
   * A field of the whole system (layers, style, radar) in force for a manifest: its own, else that of the nearest
   * manifest of the same `system` declaring it in its folder or a folder above (architecture.yaml declares the
   * layers, billing.arch.yaml beside or below it holds components): one model, whichever file declares what.
   */
  systemField<K extends 'layers' | 'style' | 'radar'>(manifest: ManifestDocument, key: K): ManifestDocument['root'][K] | undefined {
    const own = manifest.root[key];
    if (own !== undefined) return own;
    const folder = manifest.uri.slice(0, manifest.uri.lastIndexOf('/') + 1);
    let nearest: ManifestDocument | undefined;
    let nearestFolder = '';
    for (const other of this.manifests) {
      if (other === manifest || !other.readable || other.root[key] === undefined || other.root.system !== manifest.root.system) continue;
      const otherFolder = other.uri.slice(0, other.uri.lastIndexOf('/') + 1);
      if (!folder.startsWith(otherFolder) || otherFolder.length < nearestFolder.length) continue;
      // In one folder, architecture.yaml speaks for the system before the *.arch.yaml files.
      if (otherFolder.length === nearestFolder.length && nearest && !/\/architecture\.ya?ml$/.test(other.uri)) continue;
      nearest = other;
      nearestFolder = otherFolder;
    }
    return nearest?.root[key];
  }

  /** Every element of every section, in file order. */
  *allElements(): Iterable<ManifestElement> {
    yield* this.teams.values();
    yield* this.components.values();
    yield* this.datastores.values();
    yield* this.channels.values();
  }
}

/**
 * The index in the YAML sequence of each validated `dependsOn` item. Items
 * that fail validation are dropped from the model, which shifts the later
 * ones; matching targets in order keeps every edge on its own source item.
 */
function sourceIndices(source: ManifestElement<'components'>): number[] {
  const items = source.value?.dependsOn ?? [];
  const sequence = isMap(source.node) ? findPair(source.node, 'dependsOn')?.value : undefined;
  if (!isSeq(sequence) || sequence.items.length === items.length) return items.map((_, i) => i);
  const targetOf = (node: unknown): unknown => (isScalar(node) ? node.value : isMap(node) ? (findPair(node, 'target')?.value as Scalar | undefined)?.value : undefined);
  const indices: number[] = [];
  let next = 0;
  for (const item of items) {
    const target = typeof item === 'string' ? item : item.target;
    while (next < sequence.items.length && targetOf(sequence.items[next]) !== target) next++;
    indices.push(next < sequence.items.length ? next++ : indices.length);
  }
  return indices;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Does the call wait for an answer over the network? `via` decides when
 * given; otherwise a channel is reached asynchronously, anything else
 * (a component over http, a datastore over its driver) synchronously.
 */
export function isSynchronous(edge: DependencyEdge): boolean {
  if (edge.spec.via) return SYNCHRONOUS_VIA.has(edge.spec.via);
  return edge.target?.section !== 'channels';
}

/** Does the dependency cross a network at all (everything but an in-process library)? */
export function isNetworkCall(edge: DependencyEdge): boolean {
  return edge.spec.via !== 'library';
}

/** Does the dependency write its target (anything but `access: read`)? */
export function writes(edge: DependencyEdge): boolean {
  return edge.spec.access !== 'read';
}
