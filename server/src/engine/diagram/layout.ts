import type ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramBand, DiagramEdge, DiagramGraph, DiagramNode } from './graph';
import { textWidth } from './text';

/**
 * Places the diagram with ELK's layered (Sugiyama) algorithm: each band is
 * an ELK partition, so every node of a band lies above every node of the
 * bands below it, whatever the edges say; edges are routed orthogonally
 * around the nodes, and their labels get room of their own.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PositionedNode extends DiagramNode, Box {}

export interface EdgeLabel extends Box {
  text: string;
}

export interface PositionedEdge extends DiagramEdge {
  /** Start, bends, end. */
  points: Point[];
  label?: EdgeLabel;
}

export interface PositionedBand extends DiagramBand, Box {}

export interface DiagramLayout {
  graph: DiagramGraph;
  width: number;
  height: number;
  /** Width of the column on the left that holds the band labels. */
  gutter: number;
  bands: PositionedBand[];
  nodes: PositionedNode[];
  edges: PositionedEdge[];
}

export const FONT = {
  name: 14,
  detail: 11,
  band: 12,
  edgeLabel: 11,
} as const;

const NODE_PADDING_X = 18;
const MIN_NODE_WIDTH = 112;
const NODE_HEIGHT = { component: 52, datastore: 64, channel: 52, missing: 52 } as const;
const BAND_PADDING = 16;
const GUTTER_PADDING = 20;
const MARGIN = 20;
const EDGE_LABEL_HEIGHT = 15;

function nodeSize(node: DiagramNode): { width: number; height: number } {
  const text = Math.max(textWidth(node.name, FONT.name, true), textWidth(node.detail, FONT.detail));
  // Channels are drawn as pipes with rounded ends: keep the text clear of them.
  const ends = node.kind === 'channel' ? NODE_HEIGHT.channel / 2 : 0;
  return { width: Math.ceil(Math.max(MIN_NODE_WIDTH, text + 2 * NODE_PADDING_X + ends)), height: NODE_HEIGHT[node.kind] };
}

/** The label on an edge: how the call travels, the access for state and channels, and whether it closes a cycle or points upward. */
export function edgeLabelText(edge: DiagramEdge): string | undefined {
  const parts = [edge.via, edge.access && edge.access !== 'read-write' ? edge.access : undefined, edge.cycle ? 'cycle' : undefined, edge.upward ? 'upward' : undefined];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.partitioning.activate': 'true',
  // Partitions order nodes only within one connected component: lay out the whole graph as one.
  'elk.separateConnectedComponents': 'false',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // Network simplex placement looks much the same here and takes seconds where this takes a fraction.
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.spacing.edgeNodeBetweenLayers': '22',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.edgeNode': '22',
  'elk.spacing.edgeEdge': '14',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.edgeLabels.inline': 'true',
  'elk.padding': `[top=${MARGIN + BAND_PADDING},left=${MARGIN},bottom=${MARGIN + BAND_PADDING},right=${MARGIN}]`,
};

/**
 * Above this many nodes and edges, edges go without labels (each label is a
 * node of its own for ELK) and crossing minimisation tries fewer orders, so
 * that large workspaces stay interactive; the titles still say how each
 * dependency travels.
 */
const LARGE_GRAPH = 150;

let elk: InstanceType<typeof ELK> | undefined;

/** Lays the graph out. ELK answers through a promise (its bundled build runs in-process, without workers). */
export async function layoutDiagram(graph: DiagramGraph): Promise<DiagramLayout> {
  // ELK is large (about 1.4 MB): it loads on the first layout, from a bundle of its own (dist/layout.js, see scripts/build.mjs).
  elk ??= new (await import('elkjs/lib/elk.bundled.js')).default();
  const bandIndex = new Map(graph.bands.map((b) => [b.id, b.index]));
  const gutter = Math.ceil(Math.max(0, ...graph.bands.map((b) => textWidth(b.label, FONT.band, true))) + 2 * GUTTER_PADDING);

  const children: ElkNode[] = graph.nodes.map((node) => ({
    id: node.id,
    ...nodeSize(node),
    layoutOptions: { 'elk.partitioning.partition': String(bandIndex.get(node.band) ?? 0) },
  }));
  const large = graph.nodes.length + graph.edges.length > LARGE_GRAPH;
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => {
    const text = large ? undefined : edgeLabelText(edge);
    return {
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      labels: text ? [{ text, width: Math.ceil(textWidth(text, FONT.edgeLabel) + 8), height: EDGE_LABEL_HEIGHT, layoutOptions: { 'elk.edgeLabels.inline': 'true' } }] : [],
    };
  });
  const layoutOptions = large ? { ...LAYOUT_OPTIONS, 'elk.layered.thoroughness': '2' } : LAYOUT_OPTIONS;
  const result: ElkNode = await elk.layout({ id: 'root', layoutOptions, children, edges });

  const placed = new Map((result.children ?? []).map((c) => [c.id, c]));
  const nodes: PositionedNode[] = graph.nodes.map((node) => {
    const box = placed.get(node.id)!;
    return { ...node, x: gutter + box.x!, y: box.y!, width: box.width!, height: box.height! };
  });
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const positionedEdges: PositionedEdge[] = graph.edges.map((edge) => {
    const elkEdge = routed.get(edge.id);
    const points: Point[] = [];
    for (const section of elkEdge?.sections ?? []) {
      points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
    }
    const shifted = points.map((p) => ({ x: p.x + gutter, y: p.y }));
    const label = elkEdge?.labels?.[0];
    return {
      ...edge,
      points: shifted,
      label: label?.text ? { text: label.text, x: gutter + label.x!, y: label.y!, width: label.width!, height: label.height! } : undefined,
    };
  });

  const width = Math.ceil(gutter + (result.width ?? 0));
  const height = Math.ceil(result.height ?? 0);
  return { graph, width, height, gutter, bands: placeBands(graph.bands, nodes, width), nodes, edges: positionedEdges };
}

/** Each band spans the width and reaches from its highest node to its lowest, padded; neighbours never overlap. */
function placeBands(bands: DiagramBand[], nodes: PositionedNode[], width: number): PositionedBand[] {
  const placed = bands.map((band) => {
    const members = nodes.filter((n) => n.band === band.id);
    const top = Math.min(...members.map((n) => n.y)) - BAND_PADDING;
    const bottom = Math.max(...members.map((n) => n.y + n.height)) + BAND_PADDING;
    return { ...band, x: MARGIN / 2, y: top, width: width - MARGIN, height: bottom - top };
  });
  for (let i = 1; i < placed.length; i++) {
    const above = placed[i - 1];
    const below = placed[i];
    const overlap = above.y + above.height - below.y;
    if (overlap > 0) {
      const middle = below.y + overlap / 2;
      above.height = middle - above.y;
      below.height = below.y + below.height - middle;
      below.y = middle;
    }
  }
  return placed;
}
