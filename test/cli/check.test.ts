import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('archframe check', () => {
  it('prints the example workspace\'s findings as file:line:col severity id message and exits 1', () => {
    const { code, stdout } = run(['check', 'examples']);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.match(line, /^examples\/\S+:\d+:\d+ (error|warning|info|hint) [a-z0-9-]+ .+$/);
    assert.ok(lines.some((l) => /^examples\/shop\/architecture\.yaml:\d+:9 error schema-unknown-key Unknown key 'timout'.*Did you mean 'timeout'\?/.test(l)), stdout);
  });

  it('exits 0 on a clean workspace', () => {
    const folder = mkdtempSync(join(tmpdir(), 'archframe-cli-'));
    try {
      writeFileSync(join(folder, 'architecture.yaml'), 'archframe: 1\nsystem: tiny\n');
      const { code, stdout } = run(['check', '.'], folder);
      assert.equal(stdout, '');
      assert.equal(code, 0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exits 2 with a message on bad usage', () => {
    assert.equal(run(['frobnicate']).code, 2);
    const missing = run(['check', 'no/such/folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder/);
    assert.match(run(['check', '--bogus']).stderr, /unknown option '--bogus'/);
  });
});
