import { DIAGRAM_CSS, layoutDiagram, renderSvg, workspaceDiagram, type DiagramGraph } from '../../engine/diagram';
import type { DiagramArguments, DiagramElement, DiagramResult } from '../../protocol';
import type { Session } from '../session';

/** Server side of Show Architecture Diagram: the workspace's diagram as SVG, and where each element is written. */

/** Arguments: `[{ focus?, depth?, standalone? }]`. */
export async function diagram(session: Session, args: unknown[]): Promise<DiagramResult> {
  const options = (args[0] ?? {}) as DiagramArguments;
  const focus = typeof options.focus === 'string' && options.focus.trim() !== '' ? options.focus.trim() : undefined;
  const depth = typeof options.depth === 'number' && options.depth >= 1 ? Math.floor(options.depth) : 1;
  const snapshot = session.commandEngine().snapshot();
  const findings = session.commandEngine().findings();
  const whole = workspaceDiagram(snapshot, findings);
  const names = whole.nodes.filter((n) => n.kind !== 'missing').map((n) => n.name).sort();
  if (whole.nodes.length === 0) return { message: 'No component, datastore or channel found: the diagram draws the workspace\'s architecture manifests (architecture.yaml, *.arch.yaml).', names };
  let graph: DiagramGraph;
  try {
    graph = focus ? workspaceDiagram(snapshot, findings, { focus, depth }) : whole;
  } catch (error) {
    return { message: (error as Error).message, names };
  }
  const svg = renderSvg(await layoutDiagram(graph), { embedStyle: options.standalone === true });
  const nameOf = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const elements: DiagramElement[] = [
    ...graph.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, location: n.source, ruleIds: n.violations.map((v) => v.ruleId) })),
    ...graph.edges.map((e) => ({ id: e.id, name: `${nameOf.get(e.source)} → ${nameOf.get(e.target)}`, kind: 'edge', location: e.location, ruleIds: e.violations.map((v) => v.ruleId) })),
  ];
  return { svg, css: DIAGRAM_CSS, system: graph.system, focus: graph.focus, elements, names };
}
