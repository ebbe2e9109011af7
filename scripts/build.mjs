// Bundles the client, the server and the CLI with esbuild, and writes the
// JSON Schema generated from the zod schema.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir=<dir>: only the bundles, written there instead of dist/ (the benchmarks measure a production build this way).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const dist = (name) => (outdir ? join(outdir, name) : `dist/${name}`);
// The diagram's layout engine (elkjs, about 1.4 MB) is a bundle of its own, dist/layout.js: the server and the CLI
// require it on the first layout (a dynamic import in engine/diagram/layout.ts), so nothing heavy loads until needed.
const ELK = 'elkjs/lib/elk.bundled.js';
const lazyLayout = {
  name: 'lazy-layout',
  setup(build) {
    build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './layout.js', external: true } : undefined));
  },
};
const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: dist('extension.js'), external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: dist('server.js'), plugins: [lazyLayout] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: dist('cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [lazyLayout] },
  { ...common, entryPoints: [createRequire(import.meta.url).resolve(ELK)], outfile: dist('layout.js'), sourcemap: false },
];
const builds = outdir
  ? bundles
  : [
      ...bundles,
      { ...common, entryPoints: ['scripts/schema-entry.ts'], outfile: '.build/schema.js', sourcemap: false },
      { ...common, entryPoints: ['server/src/engine/templates/index.ts'], outfile: '.build/templates.js', sourcemap: false },
    ];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else if (outdir) {
  await Promise.all(builds.map((options) => esbuild.build(options)));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  const { manifestJsonSchema, configJsonSchema, manifestGrammar } = await import(join(root, '.build/schema.js'));
  mkdirSync(join(root, 'dist/schemas'), { recursive: true });
  writeFileSync(join(root, 'dist/schemas/manifest.schema.json'), JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
  writeFileSync(join(root, 'dist/schemas/config.schema.json'), JSON.stringify(configJsonSchema(), null, 2) + '\n');
  // Committed, so that the grammar is visible in review; a test checks it matches the schema.
  writeFileSync(join(root, 'syntaxes/archframe-manifest.tmLanguage.json'), JSON.stringify(manifestGrammar(), null, 2) + '\n');
  // Snippets, generated from the engine's templates (one source for snippets, commands and fixes); committed, checked by a test.
  const { snippetFiles } = await import(join(root, '.build/templates.js'));
  for (const [name, content] of Object.entries(snippetFiles())) writeFileSync(join(root, 'snippets', name), JSON.stringify(content, null, 2) + '\n');
}
