import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../test/helpers/engine';
import { SYSTEM, systemGraph } from '../../../../test/helpers/diagramFixture';
import type { Finding } from '../model/findings';
import { buildDiagramGraph, focusGraph, layoutDiagram, type DiagramGraph } from '.';
import { edgeLabelText } from './layout';
import { textWidth } from './text';

function finding(ruleId: string, severity: Finding['severity'], element?: string): Finding {
  const zero = { line: 0, character: 0 };
  return { ruleId, severity, message: `${ruleId} says so about ${element}`, uri: uriOf('elsewhere.yaml'), range: { start: zero, end: zero }, span: [0, 0], element };
}

const edge = (graph: DiagramGraph, source: string, target: string) => {
  const found = graph.edges.filter((e) => e.source === source && e.target === target);
  assert.equal(found.length, 1, `one edge ${source} → ${target}`);
  return found[0];
};
const node = (graph: DiagramGraph, id: string) => graph.nodes.find((n) => n.id === id)!;

describe('diagram graph', () => {
  it('has one node per component, datastore and channel, and one edge per dependsOn item, drawn by how it travels', () => {
    const graph = systemGraph();
    assert.deepEqual(graph.nodes.map((n) => `${n.id}:${n.kind}:${n.detail}`).sort(), [
      'booking-events:channel:nats topic',
      'booking:component:service',
      'mailer:component:worker',
      'missing:ghost:missing:not defined',
      'money:component:library',
      'pricing:component:service',
      'report:component:job',
      'seats-db:datastore:postgresql',
      'web:component:frontend',
    ]);
    assert.deepEqual(
      graph.edges.map((e) => `${e.source} -> ${e.target} ${e.style}`),
      [
        'web -> booking sync',
        'booking -> pricing sync',
        'booking -> booking-events async',
        'booking -> seats-db sync',
        'booking -> money in-process',
        'pricing -> booking sync',
        'mailer -> booking-events async',
        'mailer -> missing:ghost sync',
      ],
    );
    assert.equal(graph.system, 'tickets');
  });

  it('stacks the declared layers top to bottom, then components without a layer, then datastores and channels', () => {
    const graph = systemGraph();
    assert.deepEqual(
      graph.bands.map((b) => b.label),
      ['ui', 'app', 'core', 'infra', 'no layer', 'datastores & channels'],
    );
    const bandOf = (id: string) => graph.bands.find((b) => b.id === node(graph, id).band)!.label;
    assert.equal(bandOf('pricing'), 'core');
    assert.equal(bandOf('report'), 'no layer');
    assert.equal(bandOf('missing:ghost'), 'no layer');
    assert.equal(bandOf('seats-db'), 'datastores & channels');
    assert.equal(bandOf('booking-events'), 'datastores & channels');
  });

  it('marks the edges of a cycle and the edges that point to a higher layer', () => {
    const graph = systemGraph();
    assert.equal(edge(graph, 'booking', 'pricing').cycle, true);
    assert.equal(edge(graph, 'pricing', 'booking').cycle, true);
    assert.equal(edge(graph, 'pricing', 'booking').upward, true);
    assert.equal(edge(graph, 'booking', 'pricing').upward, false);
    assert.equal(edge(graph, 'web', 'booking').cycle, false);
    assert.deepEqual(graph.nodes.filter((n) => n.inCycle).map((n) => n.id).sort(), ['booking', 'pricing']);
    assert.equal(edgeLabelText(edge(graph, 'pricing', 'booking')), 'http · cycle · upward');
  });

  it('puts findings on what they are about: by element name, else by where they land; the worst severity wins', () => {
    const graph = systemGraph([
      finding('test-edge-rule', 'warning', 'components.pricing.dependsOn.booking'),
      finding('test-node-rule', 'error', 'components.web'),
      finding('test-node-rule', 'hint', 'components.web.replicas'),
      finding('test-state-rule', 'warning', 'datastores.seats-db.owner'),
      finding('test-team-rule', 'info', 'teams.nobody'),
    ]);
    const upward = edge(graph, 'pricing', 'booking');
    assert.ok(upward.violations.some((v) => v.ruleId === 'test-edge-rule' && v.severity === 'warning'));
    assert.deepEqual(node(graph, 'web').violations.filter((v) => v.ruleId === 'test-node-rule').map((v) => v.severity), ['error', 'hint']);
    assert.equal(node(graph, 'web').severity, 'error');
    assert.ok(node(graph, 'seats-db').violations.some((v) => v.ruleId === 'test-state-rule'));
    // A parse problem inside a dependsOn item lands on that edge, one inside a component on its node.
    const typo = edge(graph, 'booking', 'pricing').violations.find((v) => v.ruleId === 'schema-unknown-key');
    assert.match(typo?.message ?? '', /timout/);
    assert.ok(node(graph, 'pricing').violations.some((v) => v.ruleId === 'schema-enum'));
    assert.equal(node(graph, 'pricing').severity, 'error');
    // What is about nothing drawn (a team) is left out.
    assert.ok(!graph.nodes.some((n) => n.violations.some((v) => v.ruleId === 'test-team-rule')));
    assert.equal(edge(graph, 'web', 'booking').violations.length, 0);
    assert.equal(edge(graph, 'web', 'booking').severity, undefined);
  });

  it('knows where each element is written, for click-to-source', () => {
    const graph = systemGraph();
    const source = SYSTEM.split('\n');
    const booking = node(graph, 'booking').source!;
    assert.equal(booking.uri, uriOf('architecture.yaml'));
    assert.equal(source[booking.range.start.line].slice(booking.range.start.character, booking.range.end.character), 'booking');
    const library = edge(graph, 'booking', 'money').location;
    assert.equal(source[library.range.start.line].slice(library.range.start.character, library.range.end.character), '{ target: money, via: library }');
  });

  it('narrows to one element and its direct neighbours', () => {
    const focused = focusGraph(systemGraph(), 'pricing');
    assert.deepEqual(focused.nodes.map((n) => n.id).sort(), ['booking', 'pricing']);
    assert.equal(focused.edges.length, 2);
    assert.deepEqual(focused.bands.map((b) => [b.label, b.index]), [['app', 0], ['core', 1]]);
    assert.deepEqual(focusGraph(systemGraph(), 'pricing', 2).nodes.map((n) => n.id).sort(), ['booking', 'booking-events', 'money', 'pricing', 'seats-db', 'web']);
    assert.throws(() => focusGraph(systemGraph(), 'nothing'), /'nothing' is not a component, datastore or channel/);
  });

  it('merges the layers of several manifests and resolves edges across them', () => {
    const engine = engineFor({
      'a.arch.yaml': lines('archframe: 1', 'system: a', 'layers: [edge, core]', 'components:', '  gate: { kind: gateway, layer: edge, dependsOn: [ledger] }'),
      'b.arch.yaml': lines('archframe: 1', 'system: b', 'layers: [edge, core, data]', 'components:', '  ledger: { kind: service, layer: data }'),
    });
    const graph = buildDiagramGraph(engine.snapshot().manifests, []);
    assert.deepEqual(graph.bands.map((b) => b.id), ['edge', 'data']);
    assert.deepEqual(graph.edges.map((e) => [e.source, e.target]), [['gate', 'ledger']]);
  });
  it('draws what it can of a broken manifest and nothing of an unreadable one', async () => {
    const engine = engineFor({
      'architecture.yaml': lines('archframe: 1', 'system: x', 'layers: oops', 'components:', '  a: { kind: servise, layer: 7, dependsOn: [b, { via: http }, 3] }', '  b: nonsense', 'datastores: [1, 2]'),
      'other.arch.yaml': lines('archframe: 9', 'components:', '  c: { kind: service }'),
    });
    const graph = buildDiagramGraph(engine.snapshot().manifests, [...engine.findings().values()].flat());
    assert.deepEqual(graph.nodes.map((n) => n.id).sort(), ['a', 'b']);
    assert.deepEqual(graph.bands.map((b) => b.label), ['components']);
    const layout = await layoutDiagram(graph);
    assert.equal(layout.nodes.length, 2);
  });
});

describe('diagram layout', () => {
  it('draws every node of a higher layer above every node of a lower layer, inside its band', async () => {
    const layout = await layoutDiagram(systemGraph());
    for (let i = 0; i < layout.bands.length; i++) {
      const band = layout.bands[i];
      const members = layout.nodes.filter((n) => n.band === band.id);
      assert.ok(members.length > 0);
      for (const n of members) assert.ok(n.y >= band.y && n.y + n.height <= band.y + band.height, `${n.id} inside band ${band.label}`);
      for (const below of layout.bands.slice(i + 1)) {
        assert.ok(band.y + band.height <= below.y, `band ${band.label} above ${below.label}`);
        const lowest = Math.max(...members.map((n) => n.y + n.height));
        const highestBelow = Math.min(...layout.nodes.filter((n) => n.band === below.id).map((n) => n.y));
        assert.ok(lowest < highestBelow, `${band.label} nodes above ${below.label} nodes`);
      }
    }
  });

  it('routes every edge from its source box to its target box', async () => {
    const layout = await layoutDiagram(systemGraph());
    assert.equal(layout.edges.length, 8);
    const onBorder = (p: { x: number; y: number }, id: string) => {
      const n = layout.nodes.find((candidate) => candidate.id === id)!;
      const near = (a: number, b: number) => Math.abs(a - b) < 1.5;
      const withinX = p.x >= n.x - 1.5 && p.x <= n.x + n.width + 1.5;
      const withinY = p.y >= n.y - 1.5 && p.y <= n.y + n.height + 1.5;
      return (withinX && (near(p.y, n.y) || near(p.y, n.y + n.height))) || (withinY && (near(p.x, n.x) || near(p.x, n.x + n.width)));
    };
    for (const e of layout.edges) {
      assert.ok(e.points.length >= 2, `${e.id} has a route`);
      assert.ok(onBorder(e.points[0], e.source), `${e.id} starts on ${e.source}`);
      assert.ok(onBorder(e.points[e.points.length - 1], e.target), `${e.id} ends on ${e.target}`);
    }
  });

  it('keeps nodes and edge labels apart, with room for the names', async () => {
    const layout = await layoutDiagram(systemGraph());
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const a of layout.nodes) {
      assert.ok(a.width >= textWidth(a.name, 14, true) + 16, `${a.id} is wide enough for its name`);
      for (const b of layout.nodes) if (a !== b) assert.ok(!overlap(a, b), `${a.id} and ${b.id} do not overlap`);
      for (const e of layout.edges) if (e.label) assert.ok(!overlap(a, e.label), `label of ${e.id} clear of ${a.id}`);
    }
    // Every edge that says how it travels carries that as its label (the bare `- ghost` says nothing).
    assert.deepEqual(layout.edges.filter((e) => !e.label).map((e) => e.id), ['mailer->missing:ghost#1']);
  });
});
