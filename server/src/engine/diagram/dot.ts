import type { DiagramGraph, DiagramNode } from './graph';
import { edgeLabelText } from './layout';
import { DEFAULT_COLOURS, edgeTitle, nodeTitle } from './svg';

/**
 * The diagram in Graphviz DOT, for `dot -Tsvg` and friends: one cluster per
 * band, held in their declared order by an invisible anchor per band
 * (anchor above every node of its band, every node above the next anchor);
 * upward edges do not constrain the ranks. Tooltips carry the rule ids.
 */
export function renderDot(graph: DiagramGraph): string {
  const title = graph.system ? `${graph.system}: architecture${graph.focus ? ` around ${graph.focus}` : ''}` : 'architecture';
  const lines = [
    `digraph ${id(graph.system ?? 'architecture')} {`,
    `  label=${id(title)}; labelloc=t; fontname="Helvetica,Arial,sans-serif"; fontsize=16;`,
    '  rankdir=TB; newrank=true; compound=true; nodesep=0.5; ranksep=0.6;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#64748b", fontname="Helvetica,Arial,sans-serif", fontsize=12];',
    '  edge [color="#64748b", fontname="Helvetica,Arial,sans-serif", fontsize=10, fontcolor="#6b7280"];',
  ];
  for (const band of graph.bands) {
    lines.push(`  subgraph ${id(`cluster_${band.index}`)} {`, `    label=${id(band.label)}; labeljust=l; style="rounded,filled"; color="#e2e6ec"; fillcolor="${band.index % 2 === 0 ? '#f3f5f8' : '#e9edf3'}";`);
    lines.push(`    ${anchor(band.index)} [shape=point, style=invis, width=0, height=0, label=""];`);
    for (const node of graph.nodes.filter((n) => n.band === band.id)) lines.push(`    ${id(node.id)} [${nodeAttributes(node)}];`);
    lines.push('  }');
  }
  for (const band of graph.bands) {
    for (const node of graph.nodes.filter((n) => n.band === band.id)) {
      lines.push(`  ${anchor(band.index)} -> ${id(node.id)} [style=invis];`);
      if (band.index + 1 < graph.bands.length) lines.push(`  ${id(node.id)} -> ${anchor(band.index + 1)} [style=invis];`);
    }
  }
  for (const edge of graph.edges) {
    const tone = edge.severity ?? (edge.cycle || edge.upward ? 'error' : undefined);
    const label = edgeLabelText(edge);
    const attributes = [
      label ? `label=${id(label)}` : undefined,
      edge.style === 'async' ? 'style=dashed' : edge.style === 'in-process' ? 'style=dotted' : undefined,
      tone ? `color=${id(DEFAULT_COLOURS[tone])}` : undefined,
      tone ? `fontcolor=${id(DEFAULT_COLOURS[tone])}` : undefined,
      edge.cycle || edge.upward ? 'penwidth=2.5' : tone ? 'penwidth=2' : undefined,
      edge.upward ? 'constraint=false' : undefined,
      `tooltip=${id(edgeTitle(edge))}`,
    ].filter(Boolean);
    lines.push(`  ${id(edge.source)} -> ${id(edge.target)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeAttributes(node: DiagramNode): string {
  const shapes = { component: 'box', datastore: 'cylinder', channel: 'box', missing: 'box' } as const;
  const attributes = [
    `label=${id(`${node.name}\n${node.detail}`)}`,
    `shape=${shapes[node.kind]}`,
    node.kind === 'channel' ? 'style="rounded,filled", fillcolor="#f3efff"' : undefined,
    node.kind === 'datastore' ? 'style=filled, fillcolor="#eef6ff"' : undefined,
    node.kind === 'missing' ? 'style="rounded,dashed"' : undefined,
    node.severity ? `color=${id(DEFAULT_COLOURS[node.severity])}, penwidth=2` : undefined,
    `tooltip=${id(nodeTitle(node))}`,
  ];
  return attributes.filter(Boolean).join(', ');
}

function anchor(index: number): string {
  return id(`__band_${index}`);
}

/** A DOT ID: always double-quoted, with quotes and backslashes escaped and line breaks as \n. */
function id(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
