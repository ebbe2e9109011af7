import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { fileUri } from '../../server/src/engine/text/uri';
import { TestClient } from '../helpers/lspClient';

interface Element {
  id: string;
  name: string;
  kind: string;
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
  ruleIds: string[];
}
type Result = { svg: string; css: string; system?: string; focus?: string; elements: Element[]; names: string[] } | { message: string; names: string[] };

const MANIFEST = [
  'archframe: 1',
  'system: shop',
  'layers: [edge, core]',
  'components:',
  '  gateway:',
  '    kind: gateway',
  '    layer: edge',
  '    dependsOn:',
  '      - { target: orders, via: http, timeout: 1s }',
  '  orders:',
  '    kind: service',
  '    layer: core',
  '',
].join('\n');

describe('archframe.diagram over the protocol', () => {
  let folder: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'archframe-diagram-'));
    writeFileSync(join(folder, 'architecture.yaml'), MANIFEST);
    uri = fileUri(join(folder, 'architecture.yaml'));
    client = new TestClient();
    const result = await client.initialize(fileUri(folder));
    assert.ok(result.capabilities.executeCommandProvider?.commands.includes('archframe.server.diagram'));
    await client.waitForDiagnostics(uri);
  });

  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  const diagram = (options: Record<string, unknown> = {}) => client.request<Result>('workspace/executeCommand', { command: 'archframe.server.diagram', arguments: [options] });

  it('answers the SVG and where each node and edge is written', async () => {
    const result = await diagram();
    assert.ok('svg' in result, JSON.stringify(result));
    assert.equal(XMLValidator.validate(result.svg), true);
    assert.doesNotMatch(result.svg, /<style>/, 'the webview styles the markup under its CSP');
    assert.match(result.css, /\.af-node|\.af-shape/);
    assert.deepEqual(result.names, ['gateway', 'orders']);
    const gateway = result.elements.find((e) => e.id === 'gateway')!;
    assert.equal(gateway.location?.uri, uri);
    assert.deepEqual(gateway.location?.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } });
    const edge = result.elements.find((e) => e.kind === 'edge')!;
    assert.equal(edge.name, 'gateway → orders');
    assert.deepEqual(edge.location?.range.start, { line: 8, character: 8 });
    assert.equal((result.svg.match(/class="af-node /g) ?? []).length, 2);
  });

  it('follows edits of an open manifest, findings included', async () => {
    client.open(uri, MANIFEST);
    // orders now calls back up into the edge layer: a cycle and an upward dependency.
    client.replace(uri, MANIFEST.replace('    layer: core\n', '    layer: core\n    dependsOn:\n      - { target: gateway, via: grpc, timeout: 1s }\n'));
    const result = await diagram();
    assert.ok('svg' in result);
    const back = result.elements.find((e) => e.name === 'orders → gateway');
    assert.ok(back, 'the new dependency is drawn');
    assert.ok(back.ruleIds.includes('dependency-cycle') && back.ruleIds.includes('layer-direction'), back.ruleIds.join(','));
    assert.match(result.svg, /class="af-edge af-sync af-error af-cycle af-upward" data-id="orders-&gt;gateway#0"/);
  });

  it('narrows to a neighbourhood, embeds the style for export, and says when a name is unknown', async () => {
    client.replace(uri, MANIFEST.replace('  orders:\n', '  audit:\n    kind: job\n  orders:\n'));
    const focused = await diagram({ focus: 'orders' });
    assert.ok('svg' in focused);
    assert.deepEqual(focused.elements.filter((e) => e.kind !== 'edge').map((e) => e.id).sort(), ['gateway', 'orders']);
    assert.deepEqual(focused.names, ['audit', 'gateway', 'orders']);
    const standalone = await diagram({ standalone: true });
    assert.ok('svg' in standalone && standalone.svg.includes('<style>'));
    const unknown = await diagram({ focus: 'nothing' });
    assert.ok('message' in unknown && /'nothing' is not a component/.test(unknown.message));
  });
});
