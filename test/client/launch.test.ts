import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_MALLOC_ENV, SERVER_NODE_OPTIONS } from '../../client/src/serverProcess';

const ROOT = resolve(__dirname, '../..');

/** Activates the built extension with a stub `vscode` and reports how it would start the server (the spawn is refused). */
function launch(env: NodeJS.ProcessEnv = {}): { module: string; args: string[]; execArgv: string[]; env: Record<string, string> } {
  const probe = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/activate-probe.cjs'), join(ROOT, 'dist/extension.js')], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(probe.status, 0, probe.stderr);
  const { launch: found } = JSON.parse(probe.stdout);
  assert.ok(found, 'activation reached the point of starting the server');
  return found;
}

describe('the extension starts the language server', () => {
  it('as dist/server.js over stdio, with the Node options and malloc settings of client/src/serverProcess.ts', () => {
    const found = launch();
    assert.equal(found.module, join('dist', 'server.js'));
    assert.ok(found.args.includes('--stdio'));
    assert.deepEqual(found.execArgv, SERVER_NODE_OPTIONS);
    assert.ok(SERVER_NODE_OPTIONS.includes('--expose-gc'), 'the heap nudge needs the gc extension');
    for (const [name, value] of Object.entries(SERVER_MALLOC_ENV)) assert.equal(found.env[name], value, name);
  });

  it("keeps a malloc setting the user has made", () => {
    const [name] = Object.keys(SERVER_MALLOC_ENV);
    assert.equal(launch({ [name]: '0' }).env[name], undefined, 'not overridden (the server inherits the user\'s value)');
  });
});
