// Renders the example workspace's architecture diagram to docs/diagram.png:
// `archframe diagram` writes the SVG, headless Chromium photographs it.
//
//   npm run build && node scripts/render-diagram.mjs [workspace] [output.png]
//
// Needs Chromium (Debian: apt-get install chromium); CHROMIUM=path overrides.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
const workspace = resolve(root, process.argv[2] ?? 'examples/shop');
const output = resolve(root, process.argv[3] ?? 'docs/diagram.png');
const MARGIN = 16;
const SCALE = 1.5;

const cli = join(root, 'dist/cli.js');
if (!existsSync(cli)) fail('dist/cli.js is missing: run `npm run build` first.');
const drawn = spawnSync(process.execPath, [cli, 'diagram', workspace, '--format', 'svg'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (drawn.status !== 0) fail(`archframe diagram failed (${drawn.status}):\n${drawn.stderr}`);
const svg = drawn.stdout;
const size = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
if (!size) fail('the SVG has no width and height.');
const [width, height] = [Math.ceil(Number(size[1])) + 2 * MARGIN, Math.ceil(Number(size[2])) + 2 * MARGIN];

const chromium = process.env.CHROMIUM ?? ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync('which', [name]).status === 0);
if (!chromium) fail('no Chromium found: apt-get install chromium, or set CHROMIUM.');

const scratch = mkdtempSync(join(tmpdir(), 'archframe-render-'));
try {
  const page = join(scratch, 'diagram.html');
  writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html, body { margin: 0; background: #ffffff; } body { padding: ${MARGIN}px; }</style></head><body>${svg}</body></html>`);
  const profile = join(scratch, 'profile');
  const shot = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      `--force-device-scale-factor=${SCALE}`,
      `--window-size=${width},${height}`,
      `--screenshot=${output}`,
      pathToFileURL(page).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (shot.status !== 0 || !existsSync(output)) fail(`Chromium failed (${shot.status ?? shot.signal}):\n${shot.stderr}`);
  console.log(`wrote ${output} (${width}×${height} CSS px at ${SCALE}×)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function fail(message) {
  console.error(`render-diagram: ${message}`);
  process.exit(1);
}
