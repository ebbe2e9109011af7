import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, tempWorkspace } from './harness';

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
    const ws = tempWorkspace({ 'architecture.yaml': 'archframe: 1\nsystem: tiny\n' });
    try {
      const { code, stdout } = run(['check', '.'], ws.dir);
      assert.equal(stdout, '');
      assert.equal(code, 0);
    } finally {
      ws.remove();
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
