import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { engineFor, lines } from '../../../../test/helpers/engine';
import { layoutDiagram, renderDot, renderMermaid, renderSvg, workspaceDiagram, type DiagramLayout } from '.';
import { FONT } from './layout';
import { textWidth } from './text';
import { systemGraph } from '../../../../test/helpers/diagramFixture';

type XmlNode = Record<string, unknown>;

/** Every element with a given tag below a parsed node, in document order (preserveOrder form). */
function elements(node: unknown, tag: string, out: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(node)) for (const child of node) elements(child, tag, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@') continue;
      if (key === tag) out.push(node as XmlNode);
      elements(value, tag, out);
    }
  }
  return out;
}
const attributes = (element: XmlNode) => (element[':@'] ?? {}) as Record<string, string>;
const children = (element: XmlNode, tag: string) => elements(Object.values(element).find(Array.isArray), tag).filter((e) => e !== element);
const textOf = (element: XmlNode): string =>
  elements(element, '#text')
    .map((t) => String(t['#text']))
    .join('');
const classesOf = (element: XmlNode) => (attributes(element)['@_class'] ?? '').split(' ');

async function parsed(): Promise<{ svg: string; layout: DiagramLayout; root: unknown }> {
  const layout = await layoutDiagram(systemGraph());
  const svg = renderSvg(layout);
  const root = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(svg);
  return { svg, layout, root };
}

describe('diagram SVG', () => {
  it('is well-formed XML with one node group per element, named in readable text', async () => {
    const { svg, layout, root } = await parsed();
    assert.equal(XMLValidator.validate(svg), true);
    const nodes = elements(root, 'g').filter((g) => classesOf(g).includes('af-node'));
    assert.equal(nodes.length, layout.nodes.length);
    assert.deepEqual(nodes.map((g) => attributes(g)['@_data-id']).sort(), layout.nodes.map((n) => n.id).sort());
    for (const group of nodes) {
      const id = attributes(group)['@_data-id'];
      const node = layout.nodes.find((n) => n.id === id)!;
      const name = children(group, 'text').find((t) => classesOf(t).includes('af-name'))!;
      assert.equal(textOf(name), node.name);
      // The label, as wide as the widest font we allow for, fits its box and stays off every other box.
      const x = Number(attributes(name)['@_x']);
      const y = Number(attributes(name)['@_y']);
      const half = textWidth(node.name, FONT.name, true) / 2;
      const label = { left: x - half, right: x + half, top: y - FONT.name, bottom: y + 3 };
      assert.ok(label.left >= node.x && label.right <= node.x + node.width, `${id}: name fits its box horizontally`);
      assert.ok(label.top >= node.y && label.bottom <= node.y + node.height, `${id}: name fits its box vertically`);
      for (const other of layout.nodes) {
        if (other === node) continue;
        const apart = label.right <= other.x || label.left >= other.x + other.width || label.bottom <= other.y || label.top >= other.y + other.height;
        assert.ok(apart, `${id}'s name is clear of ${other.id}`);
      }
    }
    assert.ok(FONT.name >= 12 && FONT.detail >= 10 && FONT.edgeLabel >= 10, 'text is big enough to read');
  });

  it('draws edges as paths with arrows, dashed when asynchronous and dotted in-process, and says what breaks which rule', async () => {
    const { svg, layout, root } = await parsed();
    const edges = elements(root, 'g').filter((g) => classesOf(g).includes('af-edge'));
    assert.equal(edges.length, layout.edges.length);
    const byId = new Map(edges.map((g) => [attributes(g)['@_data-id'], g]));
    for (const edge of layout.edges) {
      const group = byId.get(edge.id)!;
      const line = children(group, 'path').find((p) => classesOf(p).includes('af-line'))!;
      assert.match(attributes(line)['@_d'], /^M[\d.]+,[\d.]+( [LQ][\d., ]+)+$/);
      assert.match(attributes(line)['@_marker-end'], /^url\(#af-arrow-\w+\)$/);
      assert.ok(classesOf(group).includes(`af-${edge.style}`));
    }
    assert.match(svg, /\.af-async \.af-line \{ stroke-dasharray: 7 4; \}/);
    assert.match(svg, /\.af-in-process \.af-line \{ stroke-dasharray: 1\.5 3\.5;/);

    const typo = byId.get(layout.edges.find((e) => e.source === 'booking' && e.target === 'pricing')!.id)!;
    assert.ok(classesOf(typo).includes('af-error') && classesOf(typo).includes('af-cycle'));
    assert.match(textOf(children(typo, 'title')[0]), /booking → pricing \(grpc\)\ncloses a dependency cycle\n.*error schema-unknown-key: Unknown key 'timout'/s);
    assert.equal(attributes(children(typo, 'path').find((p) => classesOf(p).includes('af-line'))!)['@_marker-end'], 'url(#af-arrow-error)');
    const upward = byId.get(layout.edges.find((e) => e.source === 'pricing' && e.target === 'booking')!.id)!;
    assert.ok(classesOf(upward).includes('af-upward'));
    const clean = byId.get(layout.edges.find((e) => e.source === 'web')!.id)!;
    assert.deepEqual(classesOf(clean), ['af-edge', 'af-sync']);
    assert.equal(attributes(children(clean, 'path')[1])['@_marker-end'], 'url(#af-arrow-normal)');
    for (const tone of ['normal', 'error', 'warning', 'info', 'hint']) assert.match(svg, new RegExp(`<marker id="af-arrow-${tone}"`));
  });

  it('labels every layer band, and colours a node by its worst finding', async () => {
    const { layout, root } = await parsed();
    const bands = elements(root, 'g').filter((g) => classesOf(g).includes('af-band'));
    assert.deepEqual(
      bands.map((g) => textOf(children(g, 'text')[0])),
      layout.bands.map((b) => b.label),
    );
    const pricing = elements(root, 'g').find((g) => attributes(g)['@_data-id'] === 'pricing')!;
    assert.ok(classesOf(pricing).includes('af-error'));
    assert.match(textOf(children(pricing, 'title')[0]), /error schema-enum: "mtlss" is not a valid 'auth'/);
  });

  it('escapes names and titles, and leaves the style out when asked', async () => {
    const engine = engineFor({ 'architecture.yaml': lines('archframe: 1', 'system: "R&D <lab> \\"quoted\\""', 'components:', '  a: { kind: service }') });
    const layout = await layoutDiagram(workspaceDiagram(engine.snapshot(), engine.findings()));
    const svg = renderSvg(layout, { embedStyle: false });
    assert.equal(XMLValidator.validate(svg), true);
    assert.match(svg, /<title id="af-title">R&amp;D &lt;lab&gt; &quot;quoted&quot;: architecture<\/title>/);
    assert.doesNotMatch(svg, /<style>/);
  });
});

describe('diagram as Mermaid and DOT', () => {
  it('writes a Mermaid flowchart with one subgraph per layer, in order, and every edge', () => {
    const graph = systemGraph();
    const text = renderMermaid(graph);
    const body = text.split('\n');
    assert.equal(body[body.indexOf('---', 1) + 1], 'flowchart TB');
    const subgraphs = body.filter((l) => l.startsWith('  subgraph ')).map((l) => /\["(.*)"\]/.exec(l)![1]);
    assert.deepEqual(subgraphs, ['ui', 'app', 'core', 'infra', 'no layer', 'datastores & channels']);
    assert.equal(body.filter((l) => l.trim() === 'end').length, subgraphs.length);
    assert.deepEqual(body.filter((l) => /^ {2}band_\d+ ~~~ band_\d+$/.test(l)).length, subgraphs.length - 1);
    const links = body.filter((l) => /^ {2}\w+ (-->|-\.->|~~~)/.test(l));
    assert.equal(links.length, graph.edges.length + subgraphs.length - 1);
    assert.ok(links.includes('  n_booking -.->|"event · write"| n_booking_events'));
    assert.ok(links.includes('  n_mailer --> n_missing_ghost'));
    // linkStyle counts every link, the invisible ones first: the styled ones are the cycle edges, the in-process one, and the one to a name that is not defined (unknown-reference).
    const styled = body.filter((l) => l.startsWith('  linkStyle ')).map((l) => Number(l.split(' ')[3]));
    assert.deepEqual(styled.map((i) => links[i].trim().split(' ')[0] + '>' + links[i].trim().split(' ').pop()), ['n_booking>n_pricing', 'n_booking>n_money', 'n_pricing>n_booking', 'n_mailer>n_missing_ghost']);
    assert.ok(body.some((l) => /^ {2}class .*\bn_pricing\b.* error$/.test(l)));
  });

  it('writes Graphviz DOT with a cluster per layer, every edge, and upward edges left out of the ranking', () => {
    const graph = systemGraph();
    const text = renderDot(graph);
    assert.match(text, /^digraph "tickets" \{\n/);
    assert.ok(text.trimEnd().endsWith('}'));
    assert.equal((text.match(/\{/g) ?? []).length, (text.match(/\}/g) ?? []).length);
    assert.deepEqual([...text.matchAll(/subgraph "cluster_\d+" \{\n {4}label="([^"]+)"/g)].map((m) => m[1]), graph.bands.map((b) => b.label));
    for (const edge of graph.edges) assert.match(text, new RegExp(`"${edge.source}" -> "${edge.target}" \\[`));
    assert.match(text, /"booking" -> "booking-events" \[label="event · write", style=dashed/);
    assert.match(text, /"booking" -> "money" \[label="library", style=dotted/);
    assert.match(text, /"pricing" -> "booking" \[[^\n]*constraint=false/);
  });

  it('is accepted by Graphviz, where it is installed', { skip: spawnSync('dot', ['-V']).error !== undefined }, () => {
    const result = spawnSync('dot', ['-Tsvg'], { input: renderDot(systemGraph()), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(XMLValidator.validate(result.stdout.slice(result.stdout.indexOf('<svg'))), true);
  });
});
