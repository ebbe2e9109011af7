import type { Finding } from '../model/findings';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import { renderDot } from './dot';
import { buildDiagramGraph, focusGraph, type DiagramGraph } from './graph';
import { layoutDiagram } from './layout';
import { renderMermaid } from './mermaid';
import { renderSvg, type SvgOptions } from './svg';

export type { DiagramBand, DiagramEdge, DiagramGraph, DiagramNode, EdgeStyle, NodeKind, SourceLocation, Violation } from './graph';
export type { DiagramLayout, PositionedEdge, PositionedNode, PositionedBand } from './layout';
export { buildDiagramGraph, focusGraph } from './graph';
export { layoutDiagram } from './layout';
export { renderSvg, DIAGRAM_CSS, type SvgOptions } from './svg';
export { renderMermaid } from './mermaid';
export { renderDot } from './dot';

export const DIAGRAM_FORMATS = ['svg', 'mermaid', 'dot'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramOptions {
  /** Narrow the picture to one element and its direct neighbours. */
  focus?: string;
  /** How many steps around `focus` (default 1). */
  depth?: number;
}

/** The diagram of a workspace: its manifests' elements, with every finding drawn on what it is about. */
export function workspaceDiagram(workspace: WorkspaceSnapshot, findings: ReadonlyMap<string, Finding[]>, options: DiagramOptions = {}): DiagramGraph {
  const graph = buildDiagramGraph(workspace.manifests, [...findings.values()].flat());
  return options.focus ? focusGraph(graph, options.focus, options.depth ?? 1) : graph;
}

/** The diagram as text in one of the formats. SVG is laid out by ELK; Mermaid and DOT leave placement to their tools. */
export async function renderDiagram(graph: DiagramGraph, format: DiagramFormat, options: SvgOptions = {}): Promise<string> {
  switch (format) {
    case 'svg':
      return renderSvg(await layoutDiagram(graph), options);
    case 'mermaid':
      return renderMermaid(graph);
    case 'dot':
      return renderDot(graph);
  }
}
