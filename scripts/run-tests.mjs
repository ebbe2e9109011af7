// Runs every *.test.ts (engine tests beside the code, protocol and CLI tests
// under test/) with Node's built-in runner. The e2e suite runs in an editor
// and has its own command.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function collect(directory, out = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'e2e', 'fixtures', 'dist'].includes(entry.name)) collect(full, out);
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(relative(root, full));
    }
  }
  return out;
}

const files = [...collect(join(root, 'server/src')), ...collect(join(root, 'test'))]
  .filter((file) => only.length === 0 || only.some((pattern) => file.includes(pattern)))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '' },
});
process.exit(result.status ?? 1);
