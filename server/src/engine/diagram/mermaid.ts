import type { DiagramEdge, DiagramGraph, DiagramNode } from './graph';
import { edgeLabelText } from './layout';
import { DEFAULT_COLOURS } from './svg';

/**
 * The diagram as a Mermaid flowchart (`flowchart TB`), for Markdown docs:
 * one subgraph per band, stacked top to bottom by invisible links; edges
 * solid, dashed (asynchronous) or dotted (in-process); what breaks a rule
 * in the diagnostic's colour. Mermaid places the nodes itself.
 */
export function renderMermaid(graph: DiagramGraph): string {
  const ids = mermaidIds(graph.nodes);
  const lines = ['flowchart TB'];
  if (graph.system) lines.splice(0, 0, '---', `title: ${quote(`${graph.system}: architecture${graph.focus ? ` around ${graph.focus}` : ''}`)}`, '---');
  for (const band of graph.bands) {
    lines.push(`  subgraph band_${band.index}[${quote(band.label)}]`, '    direction LR');
    for (const node of graph.nodes.filter((n) => n.band === band.id)) lines.push(`    ${ids.get(node.id)}${shape(node)}`);
    lines.push('  end');
  }
  // Invisible links keep the bands in their declared order.
  for (let i = 1; i < graph.bands.length; i++) lines.push(`  band_${i - 1} ~~~ band_${i}`);
  const linkStyles: string[] = [];
  let linkIndex = Math.max(0, graph.bands.length - 1);
  for (const edge of graph.edges) {
    const label = edgeLabelText(edge);
    const arrow = edge.style === 'async' ? '-.->' : '-->';
    if (edge.violations.length > 0) lines.push(`  %% ${edge.violations.map((v) => `${v.severity} ${v.ruleId}`).join(', ')}`);
    lines.push(`  ${ids.get(edge.source)} ${arrow}${label ? `|${quote(label)}|` : ''} ${ids.get(edge.target)}`);
    const style = linkStyle(edge);
    if (style) linkStyles.push(`  linkStyle ${linkIndex} ${style}`);
    linkIndex++;
  }
  lines.push(...linkStyles);
  const tones = ['error', 'warning', 'info', 'hint'] as const;
  for (const tone of tones) lines.push(`  classDef ${tone} stroke:${DEFAULT_COLOURS[tone]},stroke-width:2px`);
  lines.push('  classDef missing stroke-dasharray:5 4');
  for (const tone of tones) {
    const members = graph.nodes.filter((n) => n.severity === tone).map((n) => ids.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${tone}`);
  }
  const missing = graph.nodes.filter((n) => n.kind === 'missing').map((n) => ids.get(n.id));
  if (missing.length > 0) lines.push(`  class ${missing.join(',')} missing`);
  return lines.join('\n') + '\n';
}

function shape(node: DiagramNode): string {
  const label = quote(`${node.name}<br/><small>${node.detail}</small>`);
  switch (node.kind) {
    case 'datastore':
      return `[(${label})]`;
    case 'channel':
      return `([${label}])`;
    default:
      return `[${label}]`;
  }
}

function linkStyle(edge: DiagramEdge): string | undefined {
  const parts: string[] = [];
  const tone = edge.severity ?? (edge.cycle || edge.upward ? 'error' : undefined);
  if (tone) parts.push(`stroke:${DEFAULT_COLOURS[tone]}`, `stroke-width:${edge.cycle || edge.upward ? 3 : 2}px`);
  if (edge.style === 'in-process') parts.push('stroke-dasharray:2 3');
  return parts.length > 0 ? parts.join(',') : undefined;
}

/** Mermaid ids: letters, digits and underscores; unique even when names differ only in punctuation. */
function mermaidIds(nodes: DiagramNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of nodes) {
    const base = `n_${node.id.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

/** A Mermaid string: double quotes become the #quot; entity. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
