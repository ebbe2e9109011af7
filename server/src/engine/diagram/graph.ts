import type { Node } from 'yaml';
import { ASYNCHRONOUS_VIA } from '../model/manifest';
import { SEVERITY_ORDER, type Finding, type Severity } from '../model/findings';
import type { DependencyEdge, ManifestModel } from '../workspace/manifestModel';
import type { ManifestElement } from '../parse/manifest';
import { stronglyConnectedComponents } from '../graph/cycles';
import { dependencyNode } from '../graph/dependencies';
import { nodeSpan } from '../parse/yamlAst';
import type { Range, Span } from '../text/types';
import { closestMatch } from '../text/strings';

/**
 * The architecture diagram as a graph: components, datastores and channels
 * as nodes in horizontal bands (the declared layers, top to bottom), the
 * `dependsOn` items as edges, and the findings that land on each. Plain
 * data: the layout, the renderers, the CLI and the editor all read it.
 */

export type NodeKind = 'component' | 'datastore' | 'channel' | 'missing';

/** How an edge is drawn: synchronous solid, asynchronous dashed, in-process dotted. */
export type EdgeStyle = 'sync' | 'async' | 'in-process';

export interface Violation {
  ruleId: string;
  severity: Severity;
  message: string;
}

/** Where an element is written, so that clicking it can open the source. */
export interface SourceLocation {
  uri: string;
  range: Range;
}

export interface DiagramBand {
  id: string;
  label: string;
  /** Top to bottom. */
  index: number;
  /** A layer declared in a manifest (or its style's default), as opposed to the bands archframe adds. */
  declared: boolean;
}

export interface DiagramNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** What is written under the name: a component's kind, a datastore's engine, a channel's kind and technology. */
  detail: string;
  band: string;
  /** The declared layer, for components that name a known one. */
  layer?: string;
  /** The element's name in its manifest; absent for targets that name nothing. */
  source?: SourceLocation;
  violations: Violation[];
  /** The worst severity among the violations. */
  severity?: Severity;
  /** Member of a dependency cycle between components. */
  inCycle: boolean;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  via?: string;
  style: EdgeStyle;
  access?: string;
  /** The `dependsOn` item. */
  location: SourceLocation;
  violations: Violation[];
  severity?: Severity;
  /** Both ends are components of one dependency cycle. */
  cycle: boolean;
  /** Points from a component to a component of a layer above its own. */
  upward: boolean;
}

export interface DiagramGraph {
  system?: string;
  bands: DiagramBand[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The name the graph was narrowed to, if any. */
  focus?: string;
}

const UNLAYERED_BAND = 'unlayered';
const STATE_BAND = 'state';
const UNLAYERED_LABEL = 'no layer';
const STATE_LABEL = 'datastores & channels';
const NO_LAYERS_LABEL = 'components';

/** Builds the diagram of every manifest of the workspace, with the findings drawn in. */
export function buildDiagramGraph(model: ManifestModel, findings: Iterable<Finding>): DiagramGraph {
  const layers = mergedLayers(model);
  const layerIndex = new Map(layers.map((layer, index) => [layer, index]));
  const nodes = new Map<string, DiagramNode>();
  const elementNode = new Map<ManifestElement, DiagramNode>();

  const add = (element: ManifestElement, kind: NodeKind, detail: string, band: string, layer?: string) => {
    const node: DiagramNode = {
      id: element.name,
      name: element.name,
      kind,
      detail,
      band,
      layer,
      source: { uri: element.manifest.uri, range: element.manifest.lines.range(element.nameSpan) },
      violations: [],
      inCycle: false,
    };
    nodes.set(node.id, node);
    elementNode.set(element, node);
  };
  for (const component of model.components.values()) {
    const layer = component.value?.layer;
    const known = layer !== undefined && layerIndex.has(layer);
    add(component, 'component', component.value?.kind ?? 'component', known ? layer : UNLAYERED_BAND, known ? layer : undefined);
  }
  for (const datastore of model.datastores.values()) add(datastore, 'datastore', datastore.value?.engine ?? 'datastore', STATE_BAND);
  for (const channel of model.channels.values()) {
    const value = channel.value;
    add(channel, 'channel', [value?.technology, value?.kind ?? 'channel'].filter(Boolean).join(' '), STATE_BAND);
  }

  const edges: DiagramEdge[] = [];
  const edgeSpans: { edge: DiagramEdge; uri: string; span: Span }[] = [];
  for (const dependency of model.edges) {
    const source = elementNode.get(dependency.source);
    if (!source) continue;
    let target = dependency.target ? elementNode.get(dependency.target) : undefined;
    if (!target) {
      const id = `missing:${dependency.spec.target}`;
      target = nodes.get(id);
      if (!target) {
        target = { id, name: dependency.spec.target, kind: 'missing', detail: 'not defined', band: UNLAYERED_BAND, violations: [], inCycle: false };
        nodes.set(id, target);
      }
    }
    const via = dependency.spec.via ?? impliedVia(target.kind);
    const span = dependencySpan(dependency);
    const manifest = dependency.source.manifest;
    const edge: DiagramEdge = {
      id: `${source.id}->${target.id}#${dependency.index}`,
      source: source.id,
      target: target.id,
      via,
      style: edgeStyle(via),
      access: dependency.spec.access,
      location: { uri: manifest.uri, range: manifest.lines.range(span) },
      violations: [],
      cycle: false,
      upward: source.layer !== undefined && target.layer !== undefined && layerIndex.get(source.layer)! > layerIndex.get(target.layer)!,
    };
    edges.push(edge);
    edgeSpans.push({ edge, uri: manifest.uri, span });
  }

  markCycles([...nodes.values()], edges);
  attachFindings(findings, nodes, elementNode, edges, edgeSpans);

  const used = new Set([...nodes.values()].map((n) => n.band));
  const bands: DiagramBand[] = [];
  for (const layer of layers) if (used.has(layer)) bands.push({ id: layer, label: layer, index: bands.length, declared: true });
  if (used.has(UNLAYERED_BAND)) bands.push({ id: UNLAYERED_BAND, label: layers.length > 0 ? UNLAYERED_LABEL : NO_LAYERS_LABEL, index: bands.length, declared: false });
  if (used.has(STATE_BAND)) bands.push({ id: STATE_BAND, label: STATE_LABEL, index: bands.length, declared: false });

  const system = model.manifests.find((m) => m.readable && m.root.system)?.root.system;
  return { system, bands, nodes: [...nodes.values()], edges };
}

/** The layers of every manifest, in declaration order; a layer named by several manifests keeps its first place. */
function mergedLayers(model: ManifestModel): string[] {
  const layers: string[] = [];
  for (const manifest of model.manifests) {
    if (!manifest.readable) continue;
    for (const layer of model.layersOf(manifest)) if (!layers.includes(layer)) layers.push(layer);
  }
  return layers;
}

function impliedVia(kind: NodeKind): string | undefined {
  if (kind === 'datastore') return 'database';
  if (kind === 'channel') return 'event';
  return undefined;
}

function edgeStyle(via: string | undefined): EdgeStyle {
  if (via !== undefined && ASYNCHRONOUS_VIA.has(via)) return 'async';
  if (via === 'library') return 'in-process';
  // Synchronous (http, grpc, graphql, database), websocket, and calls of an unstated kind.
  return 'sync';
}

function dependencySpan(dependency: DependencyEdge): Span {
  return nodeSpan(dependencyNode(dependency)) ?? dependency.source.nameSpan;
}

/** Edges inside one strongly connected component of the component graph close a cycle. */
function markCycles(nodes: DiagramNode[], edges: DiagramEdge[]): void {
  const components = nodes.filter((n) => n.kind === 'component');
  const number = new Map(components.map((n, i) => [n.id, i]));
  const adjacency: number[][] = components.map(() => []);
  for (const edge of edges) {
    const from = number.get(edge.source);
    const to = number.get(edge.target);
    if (from !== undefined && to !== undefined) adjacency[from].push(to);
  }
  const sccOf = new Map<string, number[]>();
  for (const scc of stronglyConnectedComponents(adjacency)) for (const v of scc) sccOf.set(components[v].id, scc);
  for (const edge of edges) {
    const scc = sccOf.get(edge.source);
    if (!scc || scc !== sccOf.get(edge.target) || (scc.length < 2 && edge.source !== edge.target)) continue;
    edge.cycle = true;
    for (const id of [edge.source, edge.target]) components[number.get(id)!].inCycle = true;
  }
}

/**
 * Puts each finding on what it is about: by its `element` name
 * (`components.checkout.dependsOn.payments`, `datastores.orders-db.backup`),
 * else by where it lands (inside a `dependsOn` item, or inside an element).
 */
function attachFindings(
  findings: Iterable<Finding>,
  nodes: Map<string, DiagramNode>,
  elementNode: Map<ManifestElement, DiagramNode>,
  edges: DiagramEdge[],
  edgeSpans: { edge: DiagramEdge; uri: string; span: Span }[],
): void {
  const elementSpans: { node: DiagramNode; uri: string; span: Span }[] = [];
  for (const [element, node] of elementNode) {
    const value = nodeSpan(element.node as Node | undefined);
    elementSpans.push({ node, uri: element.manifest.uri, span: [element.nameSpan[0], value ? value[1] : element.nameSpan[1]] });
  }
  const inside = (outer: Span, inner: Span) => inner[0] >= outer[0] && inner[1] <= outer[1];
  const smallest = <T extends { span: Span }>(list: T[]) => list.sort((a, b) => a.span[1] - a.span[0] - (b.span[1] - b.span[0]))[0];

  for (const finding of findings) {
    const violation: Violation = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message };
    const targets = byElement(finding.element, nodes, edges);
    if (targets) {
      for (const target of targets) mark(target, violation);
      continue;
    }
    const edge = smallest(edgeSpans.filter((e) => e.uri === finding.uri && inside(e.span, finding.span)));
    if (edge) {
      mark(edge.edge, violation);
      continue;
    }
    const node = smallest(elementSpans.filter((e) => e.uri === finding.uri && inside(e.span, finding.span)));
    if (node) mark(node.node, violation);
  }
}

function byElement(element: string | undefined, nodes: Map<string, DiagramNode>, edges: DiagramEdge[]): (DiagramNode | DiagramEdge)[] | undefined {
  if (!element) return undefined;
  const [section, name, field, item] = element.split('.');
  if (!['components', 'datastores', 'channels'].includes(section) || !name) return undefined;
  if (section === 'components' && field === 'dependsOn' && item !== undefined) {
    const matching = edges.filter((e) => e.source === name && (e.target === item || e.target === `missing:${item}` || e.id.endsWith(`#${item}`)));
    if (matching.length > 0) return matching;
  }
  const node = nodes.get(name);
  return node ? [node] : undefined;
}

function mark(target: DiagramNode | DiagramEdge, violation: Violation): void {
  if (target.violations.some((v) => v.ruleId === violation.ruleId && v.message === violation.message)) return;
  target.violations.push(violation);
  if (target.severity === undefined || SEVERITY_ORDER[violation.severity] < SEVERITY_ORDER[target.severity]) target.severity = violation.severity;
}

/** The part of the graph within `depth` steps (either direction) of one element. */
export function focusGraph(graph: DiagramGraph, name: string, depth = 1): DiagramGraph {
  const start = graph.nodes.find((n) => n.name === name && n.kind !== 'missing');
  if (!start) {
    const nearest = closestMatch(name, graph.nodes.filter((n) => n.kind !== 'missing').map((n) => n.name));
    throw new Error(`'${name}' is not a component, datastore or channel of this workspace.${nearest ? ` Did you mean '${nearest}'?` : ''}`);
  }
  const keep = new Set([start.id]);
  for (let step = 0; step < depth; step++) {
    const reached = [...keep];
    for (const edge of graph.edges) {
      if (reached.includes(edge.source)) keep.add(edge.target);
      if (reached.includes(edge.target)) keep.add(edge.source);
    }
  }
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const bandsUsed = new Set(nodes.map((n) => n.band));
  const bands = graph.bands.filter((b) => bandsUsed.has(b.id)).map((b, index) => ({ ...b, index }));
  return { ...graph, bands, nodes, edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)), focus: name };
}
