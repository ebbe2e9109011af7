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
 * What a rule run read of the model, as keys (see ReadKey): the engine re-runs an element's rules only when one of
 * them changed (ADR 0016).
 */
export interface ReadSet {
  add(key: string): unknown;
}

/**
 * The keys of ReadSet: an element's name (components, datastores and channels share a namespace) or `team:<name>`;
 * `<-<name>`: who depends on it; `<section>:*`: the whole of a section; `@root`: the system fields of the
 * manifests (layers, style, radar); `*`: anything (the edges or the manifests as a whole).
 */
export const ReadKey = {
  element: (section: ElementSection, name: string) => (section === 'teams' ? `team:${name}` : name),
  dependents: (name: string) => `<-${name}`,
  section: (section: ElementSection) => `${section}:*`,
  root: '@root',
  all: '*',
} as const;

/** Beyond this many keys, a computation's reads are noted as `*` (anything). */
const WHOLE_GRAPH = 256;

/** A section's map that notes, while the model records, which names are looked up and whether it is iterated. */
class RecordingMap<V> extends Map<string, V> {
  constructor(
    private readonly model: ManifestModel,
    private readonly section: ElementSection,
  ) {
    super();
  }
  override get(name: string): V | undefined {
    this.model.recorder?.add(ReadKey.element(this.section, name));
    return super.get(name);
  }
  override has(name: string): boolean {
    this.model.recorder?.add(ReadKey.element(this.section, name));
    return super.has(name);
  }
  private whole(): void {
    this.model.recorder?.add(ReadKey.section(this.section));
  }
  override get size(): number {
    this.whole();
    return super.size;
  }
  override keys(): MapIterator<string> {
    this.whole();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.whole();
    return super.values();
  }
  override entries(): MapIterator<[string, V]> {
    this.whole();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    this.whole();
    return super.entries();
  }
  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.whole();
    super.forEach(callback, thisArg);
  }
}

/**
 * Every manifest of the workspace seen as one system: names resolve across
 * files, dependencies become edges. Built once per analysis and shared by
 * the rules.
 */
export class ManifestModel {
  /** While set, every read of the model is noted here (the engine sets it around an element's rule run). */
  recorder: ReadSet | undefined;
  readonly teams: Map<string, ManifestElement<'teams'>> = new RecordingMap(this, 'teams');
  readonly components: Map<string, ManifestElement<'components'>> = new RecordingMap(this, 'components');
  readonly datastores: Map<string, ManifestElement<'datastores'>> = new RecordingMap(this, 'datastores');
  readonly channels: Map<string, ManifestElement<'channels'>> = new RecordingMap(this, 'channels');
  private readonly allDuplicates: { element: ManifestElement; first: ManifestElement }[] = [];
  private readonly allEdges: DependencyEdge[] = [];
  private readonly edgesBySource = new Map<string, DependencyEdge[]>();
  private readonly edgesByTarget = new Map<string, DependencyEdge[]>();
  private readonly memos = new Map<string, { value: unknown; reads: Set<string> }>();
  private readonly allManifests: readonly ManifestDocument[];

  /** Elements whose name was already taken by an earlier definition (in file order). */
  get duplicates(): readonly { element: ManifestElement; first: ManifestElement }[] {
    this.recorder?.add(ReadKey.all);
    return this.allDuplicates;
  }

  get edges(): readonly DependencyEdge[] {
    this.recorder?.add(ReadKey.all);
    return this.allEdges;
  }

  get manifests(): readonly ManifestDocument[] {
    this.recorder?.add(ReadKey.all);
    return this.allManifests;
  }

  constructor(manifests: readonly ManifestDocument[]) {
    this.allManifests = manifests;
    const firstByName = new Map<string, ManifestElement>();
    for (const manifest of manifests) {
      if (!manifest.readable) continue;
      for (const section of ['teams', 'components', 'datastores', 'channels'] as const) {
        for (const element of manifest.elements[section].values()) {
          // Teams live in their own namespace; components, datastores and channels share one.
          const key = section === 'teams' ? `team:${element.name}` : element.name;
          const first = firstByName.get(key);
          if (first) {
            this.allDuplicates.push({ element, first });
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
        this.allEdges.push(edge);
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

  /** What a component depends on, in `dependsOn` order (a read of the component and of each target it names). */
  dependenciesOf(name: string): readonly DependencyEdge[] {
    const edges = this.edgesBySource.get(name) ?? [];
    if (this.recorder) {
      this.recorder.add(name);
      for (const edge of edges) this.recorder.add(edge.spec.target);
    }
    return edges;
  }

  /** Who depends on an element. */
  dependentsOf(name: string): readonly DependencyEdge[] {
    this.recorder?.add(ReadKey.dependents(name));
    return this.edgesByTarget.get(name) ?? [];
  }

  /**
   * A computation over the model done once and shared by every rule run (cycles, say): a run that uses it is noted
   * as having read what the computation read, whichever run computed it first.
   */
  remember<T>(key: string, compute: () => T): T {
    let memo = this.memos.get(key);
    if (!memo) {
      const outer = this.recorder;
      const reads = new Set<string>();
      this.recorder = reads;
      try {
        memo = { value: compute(), reads };
      } finally {
        this.recorder = outer;
      }
      // A computation over the whole graph read nearly everything: say so in one key, not replayed by the thousand.
      if (reads.size > WHOLE_GRAPH) memo.reads = new Set([ReadKey.all]);
      this.memos.set(key, memo);
    }
    if (this.recorder) for (const read of memo.reads) this.recorder.add(read);
    return memo.value as T;
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
    this.recorder?.add(ReadKey.root);
    const own = manifest.root[key];
    if (own !== undefined) return own;
    const folder = manifest.uri.slice(0, manifest.uri.lastIndexOf('/') + 1);
    let nearest: ManifestDocument | undefined;
    let nearestFolder = '';
    for (const other of this.allManifests) {
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
