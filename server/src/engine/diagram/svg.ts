import type { Severity } from '../model/findings';
import type { DiagramEdge, DiagramNode } from './graph';
import { FONT, type DiagramLayout, type Point, type PositionedEdge, type PositionedNode } from './layout';
import { textWidth, xmlEscape } from './text';

/**
 * Renders a laid-out diagram as SVG: one `<g class="af-node">` per node with
 * its name as text, one `<g class="af-edge">` per edge (a path with an
 * arrow marker, dashed when asynchronous, dotted when in-process), layer
 * bands with their labels, a legend. What breaks a rule takes the
 * diagnostic's colour and lists the rule ids in its `<title>` (shown on
 * hover). Colours are CSS custom properties with light defaults, so the
 * editor can theme the same markup.
 */

export interface SvgOptions {
  /**
   * Embed the stylesheet (default). The editor's webview leaves it out and
   * adds `DIAGRAM_CSS` itself under its content security policy.
   */
  embedStyle?: boolean;
}

type Tone = Severity | 'normal';
const TONES: readonly Tone[] = ['normal', 'error', 'warning', 'info', 'hint'];

const HEADER = 44;
const LEGEND = 44;
const CORNER = 8;

/** The diagnostic colours of VS Code's light theme, for SVG files seen outside the editor. */
export const DEFAULT_COLOURS: Record<Severity, string> = { error: '#e51400', warning: '#bf8803', info: '#1a85ff', hint: '#6c757d' };

export const DIAGRAM_CSS = `
.af-diagram { font-family: var(--af-font, -apple-system, "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif); }
.af-background { fill: var(--af-background, #ffffff); }
.af-heading { fill: var(--af-text, #1f2937); font-size: 16px; font-weight: 600; }
.af-subheading { fill: var(--af-muted, #6b7280); font-size: 12px; }
.af-band-fill { fill: var(--af-band, #f3f5f8); stroke: var(--af-band-border, #e2e6ec); stroke-width: 1; }
.af-band:nth-child(even) .af-band-fill { fill: var(--af-band-alt, #e9edf3); }
.af-band-label { fill: var(--af-band-text, #4b5563); font-size: ${FONT.band}px; font-weight: 600; }
.af-shape { fill: var(--af-node, #ffffff); stroke: var(--af-node-border, #64748b); stroke-width: 1.5; }
.af-datastore .af-shape, .af-datastore .af-rim { fill: var(--af-datastore, #eef6ff); }
.af-channel .af-shape { fill: var(--af-channel, #f3efff); }
.af-missing .af-shape { fill: none; stroke-dasharray: 5 4; }
.af-rim { stroke: var(--af-node-border, #64748b); stroke-width: 1.5; }
.af-name { fill: var(--af-text, #1f2937); font-size: ${FONT.name}px; font-weight: 600; }
.af-detail { fill: var(--af-muted, #6b7280); font-size: ${FONT.detail}px; }
.af-line { fill: none; stroke: var(--af-edge, #64748b); stroke-width: 1.5; }
.af-async .af-line { stroke-dasharray: 7 4; }
.af-in-process .af-line { stroke-dasharray: 1.5 3.5; stroke-linecap: round; }
.af-hit { fill: none; stroke: transparent; stroke-width: 12; }
.af-edge-label-fill { fill: var(--af-background, #ffffff); fill-opacity: 0.92; }
.af-edge-label { fill: var(--af-muted, #6b7280); font-size: ${FONT.edgeLabel}px; }
.af-arrow { fill: var(--af-edge, #64748b); }
.af-badge-text { fill: var(--af-badge-text, #ffffff); font-size: 10px; font-weight: 700; }
${TONES.filter((t) => t !== 'normal')
  .map(
    (tone) => `.af-${tone} .af-shape, .af-${tone} .af-line { stroke: var(--af-${tone}, ${DEFAULT_COLOURS[tone as Severity]}); stroke-width: 2.25; }
.af-${tone} .af-edge-label { fill: var(--af-${tone}, ${DEFAULT_COLOURS[tone as Severity]}); }
.af-arrow-${tone}, .af-${tone} .af-badge { fill: var(--af-${tone}, ${DEFAULT_COLOURS[tone as Severity]}); }`,
  )
  .join('\n')}
.af-cycle .af-line, .af-upward .af-line { stroke-width: 3; }
.af-in-cycle .af-shape { stroke-width: 3; }
.af-legend-text { fill: var(--af-muted, #6b7280); font-size: 11px; }
.af-legend .af-line { stroke-width: 1.5; }
`.trim();

export function renderSvg(layout: DiagramLayout, options: SvgOptions = {}): string {
  const legend = legendItems();
  const legendWidth = legend.reduce((sum, item) => sum + item.width, 0) + 40;
  const width = Math.max(layout.width, legendWidth, 360);
  const height = HEADER + layout.height + LEGEND;
  const title = layout.graph.system ? `${layout.graph.system}: architecture` : 'Architecture';
  const subtitle = [
    `${layout.nodes.length} element${layout.nodes.length === 1 ? '' : 's'}, ${layout.edges.length} dependenc${layout.edges.length === 1 ? 'y' : 'ies'}`,
    layout.graph.focus ? `around ${layout.graph.focus}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="af-diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="af-title">`,
    `<title id="af-title">${xmlEscape(title)}</title>`,
  );
  if (options.embedStyle !== false) out.push(`<style>${DIAGRAM_CSS}</style>`);
  out.push('<defs>');
  for (const tone of TONES) {
    out.push(
      `<marker id="af-arrow-${tone}" class="af-arrow${tone === 'normal' ? '' : ` af-arrow-${tone}`}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect class="af-background" x="0" y="0" width="${width}" height="${height}"/>`);
  // One text element: the subtitle flows after the title in whatever font the viewer has.
  out.push(`<text x="20" y="28"><tspan class="af-heading">${xmlEscape(title)}</tspan><tspan class="af-subheading" dx="12">${xmlEscape(subtitle)}</tspan></text>`);
  out.push(`<g class="af-body" transform="translate(0,${HEADER})">`);

  out.push('<g class="af-bands">');
  for (const band of layout.bands) {
    out.push(
      `<g class="af-band${band.declared ? '' : ' af-band-extra'}" data-band="${xmlEscape(band.id)}">`,
      `<rect class="af-band-fill" x="${band.x}" y="${r(band.y)}" width="${band.width}" height="${r(band.height)}" rx="6"/>`,
      `<text class="af-band-label" x="${band.x + 12}" y="${r(band.y + band.height / 2 + FONT.band * 0.35)}">${xmlEscape(band.label)}</text>`,
      '</g>',
    );
  }
  out.push('</g>');

  out.push('<g class="af-edges">');
  for (const edge of layout.edges) out.push(renderEdge(edge, layout));
  out.push('</g>');

  out.push('<g class="af-nodes">');
  for (const node of layout.nodes) out.push(renderNode(node));
  out.push('</g>');
  out.push('</g>');

  out.push(renderLegend(legend, HEADER + layout.height + 14));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function toneOfEdge(edge: DiagramEdge): Tone {
  return edge.severity ?? (edge.cycle || edge.upward ? 'error' : 'normal');
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function renderNode(node: PositionedNode): string {
  const tone: Tone = node.severity ?? 'normal';
  const cx = node.x + node.width / 2;
  const parts = [
    `<g class="${classes('af-node', `af-${node.kind}`, tone !== 'normal' && `af-${tone}`, node.inCycle && 'af-in-cycle')}" data-id="${xmlEscape(node.id)}" data-kind="${node.kind}">`,
    `<title>${xmlEscape(nodeTitle(node))}</title>`,
  ];
  const { x, y, width: w, height: h } = node;
  let textTop = y;
  if (node.kind === 'datastore') {
    const ry = 7;
    parts.push(
      `<path class="af-shape" d="M${r(x)},${r(y + ry)} a${r(w / 2)},${ry} 0 0 1 ${r(w)},0 v${r(h - 2 * ry)} a${r(w / 2)},${ry} 0 0 1 ${r(-w)},0 z"/>`,
      `<path class="af-rim" d="M${r(x)},${r(y + ry)} a${r(w / 2)},${ry} 0 0 0 ${r(w)},0"/>`,
    );
    textTop = y + 2 * ry - 2;
  } else {
    const radius = node.kind === 'channel' ? h / 2 : 6;
    parts.push(`<rect class="af-shape" x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" rx="${r(radius)}"/>`);
  }
  const middle = (textTop + y + h) / 2;
  parts.push(
    `<text class="af-name" x="${r(cx)}" y="${r(middle - 2)}" text-anchor="middle">${xmlEscape(node.name)}</text>`,
    `<text class="af-detail" x="${r(cx)}" y="${r(middle + 13)}" text-anchor="middle">${xmlEscape(node.detail)}</text>`,
  );
  if (node.violations.length > 0) {
    const bx = x + w - 2;
    const by = y + 2;
    parts.push(
      `<circle class="af-badge" cx="${r(bx)}" cy="${r(by)}" r="9"/>`,
      `<text class="af-badge-text" x="${r(bx)}" y="${r(by + 3.5)}" text-anchor="middle">${node.violations.length}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function renderEdge(edge: PositionedEdge, layout: DiagramLayout): string {
  const tone = toneOfEdge(edge);
  const d = roundedPath(edge.points);
  const parts = [
    `<g class="${classes('af-edge', `af-${edge.style}`, tone !== 'normal' && `af-${tone}`, edge.cycle && 'af-cycle', edge.upward && 'af-upward')}" data-id="${xmlEscape(edge.id)}" data-source="${xmlEscape(edge.source)}" data-target="${xmlEscape(edge.target)}">`,
    `<title>${xmlEscape(edgeTitle(edge, layout))}</title>`,
    `<path class="af-hit" d="${d}"/>`,
    `<path class="af-line" d="${d}" marker-end="url(#af-arrow-${tone})"/>`,
  ];
  if (edge.label) {
    const { x, y, width, height, text } = edge.label;
    parts.push(
      `<rect class="af-edge-label-fill" x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}" rx="3"/>`,
      `<text class="af-edge-label" x="${r(x + width / 2)}" y="${r(y + height - 4)}" text-anchor="middle">${xmlEscape(text)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function violationLines(violations: DiagramNode['violations']): string[] {
  return violations.map((v) => `${v.severity} ${v.ruleId}: ${v.message}`);
}

export function nodeTitle(node: DiagramNode): string {
  const what = node.kind === 'missing' ? 'named in a dependency but not defined' : [node.detail, node.layer].filter(Boolean).join(', ');
  return [`${node.name} (${what})`, node.inCycle ? 'part of a dependency cycle' : undefined, ...violationLines(node.violations)].filter(Boolean).join('\n');
}

export function edgeTitle(edge: DiagramEdge, layout?: DiagramLayout): string {
  const name = (id: string) => layout?.nodes.find((n) => n.id === id)?.name ?? id;
  const how = [edge.via, edge.access].filter(Boolean).join(', ');
  return [
    `${name(edge.source)} → ${name(edge.target)}${how ? ` (${how})` : ''}`,
    edge.cycle ? 'closes a dependency cycle' : undefined,
    edge.upward ? 'points to a layer above its source' : undefined,
    ...violationLines(edge.violations),
  ]
    .filter(Boolean)
    .join('\n');
}

/** An orthogonal route with its corners rounded off. */
function roundedPath(points: Point[]): string {
  if (points.length === 0) return '';
  const parts = [`M${r(points[0].x)},${r(points[0].y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [before, corner, after] = [points[i - 1], points[i], points[i + 1]];
    const inLength = Math.hypot(corner.x - before.x, corner.y - before.y);
    const outLength = Math.hypot(after.x - corner.x, after.y - corner.y);
    const radius = Math.min(CORNER, inLength / 2, outLength / 2);
    if (radius < 0.5) {
      parts.push(`L${r(corner.x)},${r(corner.y)}`);
      continue;
    }
    const enter = { x: corner.x - ((corner.x - before.x) / inLength) * radius, y: corner.y - ((corner.y - before.y) / inLength) * radius };
    const leave = { x: corner.x + ((after.x - corner.x) / outLength) * radius, y: corner.y + ((after.y - corner.y) / outLength) * radius };
    parts.push(`L${r(enter.x)},${r(enter.y)}`, `Q${r(corner.x)},${r(corner.y)} ${r(leave.x)},${r(leave.y)}`);
  }
  const last = points[points.length - 1];
  parts.push(`L${r(last.x)},${r(last.y)}`);
  return parts.join(' ');
}

interface LegendItem {
  label: string;
  className: string;
  sample: 'line' | 'swatch';
  width: number;
}

function legendItems(): LegendItem[] {
  const items: Omit<LegendItem, 'width'>[] = [
    { label: 'synchronous', className: 'af-sync', sample: 'line' },
    { label: 'asynchronous', className: 'af-async', sample: 'line' },
    { label: 'in-process', className: 'af-in-process', sample: 'line' },
    { label: 'cycle / upward', className: 'af-sync af-error af-cycle', sample: 'line' },
    { label: 'error', className: 'af-error', sample: 'swatch' },
    { label: 'warning', className: 'af-warning', sample: 'swatch' },
    { label: 'info', className: 'af-info', sample: 'swatch' },
  ];
  return items.map((item) => ({ ...item, width: (item.sample === 'line' ? 34 : 20) + textWidth(item.label, 11) + 18 }));
}

function renderLegend(items: LegendItem[], top: number): string {
  const parts = ['<g class="af-legend">'];
  let x = 20;
  const y = top + 10;
  for (const item of items) {
    parts.push(`<g class="${item.className}">`);
    if (item.sample === 'line') {
      parts.push(`<path class="af-line" d="M${x},${y} h28"/>`);
      x += 34;
    } else {
      parts.push(`<rect class="af-shape" x="${x}" y="${y - 6}" width="12" height="12" rx="2"/>`);
      x += 20;
    }
    parts.push(`<text class="af-legend-text" x="${x}" y="${y + 4}">${xmlEscape(item.label)}</text></g>`);
    x += textWidth(item.label, 11) + 18;
  }
  parts.push('</g>');
  return parts.join('');
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
