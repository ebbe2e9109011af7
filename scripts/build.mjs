// Bundles the client, the server and the CLI with esbuild, and writes the
// JSON Schema generated from the zod schema.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
// yaml's parser and composer look up a debugging switch in process.env for every token and every document
// (LOG_TOKENS, LOG_STREAM): a getenv each time, about a tenth of parsing a large manifest. The bundles read no such
// switch; the build fails if yaml stops matching, so the rewrite is dropped rather than left doing nothing.
const YAML_DEBUG_SWITCHES = /node_process\.env\.(LOG_TOKENS|LOG_STREAM)/g;
const yamlWithoutDebugSwitches = {
  name: 'yaml-without-debug-switches',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(YAML_DEBUG_SWITCHES, 'false');
      if (contents === source) return { errors: [{ text: `${args.path} no longer reads process.env.LOG_TOKENS or LOG_STREAM: remove the yaml-without-debug-switches plugin` }] };
      return { contents, loader: 'js' };
    });
  },
};
const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: dist('extension.js'), external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: dist('server.js'), plugins: [lazyLayout, yamlWithoutDebugSwitches] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: dist('cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [lazyLayout, yamlWithoutDebugSwitches] },
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
