import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SHOP_ELEMENTS = ['web', 'api-gateway', 'catalog', 'checkout', 'payments', 'inventory', 'shipping-worker', 'carrier-api', 'search-index', 'nightly-report', 'catalog-db', 'orders-db', 'payments-db', 'order-events'];
/** The example's deliberate misspelt target (unknown-reference) is drawn as a dashed placeholder node. */
const SHOP_MISSING = ['missing:catalog-dbb'];

describe('archframe diagram', () => {
  it('writes the example workspace as SVG on stdout, one node group per element, and exits 0', () => {
    const { code, stdout, stderr } = run(['diagram', 'examples/shop']);
    assert.equal(code, 0, stderr);
    assert.equal(XMLValidator.validate(stdout), true);
    const ids = [...stdout.matchAll(/<g class="af-node [^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(ids.sort(), [...SHOP_ELEMENTS, ...SHOP_MISSING].sort());
    // The cycle between checkout and payments stands out, with the rule ids on hover.
    assert.match(stdout, /<g class="af-edge af-sync af-error af-cycle af-upward" data-id="payments-&gt;checkout#1"[^>]*><title>payments → checkout \(http\)\ncloses a dependency cycle\npoints to a layer above its source\n[^<]*error dependency-cycle: /);
    assert.match(stdout, /<style>/, 'a file on its own carries its stylesheet');
  });

  it('writes Mermaid and DOT, to a file with --output, focused with --focus', () => {
    const mermaid = run(['diagram', 'examples/shop', '--format', 'mermaid']);
    assert.equal(mermaid.code, 0);
    assert.match(mermaid.stdout, /^---\ntitle: "shop: architecture"\n---\nflowchart TB\n {2}subgraph band_0\["presentation"\]/);

    const folder = mkdtempSync(join(tmpdir(), 'archframe-diagram-cli-'));
    try {
      const file = join(folder, 'shop.dot');
      const dot = run(['diagram', 'examples/shop', '-f', 'dot', '-o', file, '--focus', 'checkout']);
      assert.equal(dot.code, 0, dot.stderr);
      assert.equal(dot.stdout, '');
      assert.match(dot.stderr, /wrote .*shop\.dot: 5 element\(s\), 5 dependencies, \d+ with findings/);
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^digraph "shop" \{/);
      assert.match(text, /label="shop: architecture around checkout"/);
      assert.ok(!text.includes('"web"'), 'only checkout and its neighbours');
      assert.match(text, /"checkout" -> "order-events" \[label="event · write", style=dashed/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 on bad usage and 1 when there is nothing to draw', () => {
    const format = run(['diagram', 'examples/shop', '--format', 'png']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format 'png': use svg, mermaid, dot/);
    const focus = run(['diagram', 'examples/shop', '--focus', 'nope']);
    assert.equal(focus.code, 2);
    assert.match(focus.stderr, /'nope' is not a component, datastore or channel/);
    const typo = run(['diagram', 'examples/shop', '--focus', 'chekout']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /'chekout' is not a component, datastore or channel of this workspace\. Did you mean 'checkout'\?/);
    assert.equal(run(['diagram', 'no/such/folder']).code, 2);
    const empty = mkdtempSync(join(tmpdir(), 'archframe-diagram-empty-'));
    try {
      const nothing = run(['diagram', '.'], empty);
      assert.equal(nothing.code, 1);
      assert.equal(nothing.stdout, '');
      assert.match(nothing.stderr, /no component, datastore or channel found/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    assert.match(run(['diagram', '--help']).stdout, /Usage: archframe diagram \[options\] \[paths…\]/);
  });
});
