import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('reports bytes that are not UTF-8 where they are, and still checks the rest of the file', () => {
    const ws = tempWorkspace({});
    try {
      // Saved as Latin-1: 0xE9 is 'é' there, and not UTF-8.
      const latin1 = Buffer.concat([
        Buffer.from('archframe: 1\nsystem: shop\ndescription: Orders for the caf'),
        Buffer.from([0xe9]),
        Buffer.from('\ncomponents:\n  api: { kind: service, owner: nobody }\n'),
      ]);
      writeFileSync(join(ws.dir, 'architecture.yaml'), latin1);
      const { stdout } = run(['check', '.'], ws.dir);
      assert.match(stdout, /^architecture\.yaml:3:32 warning file-encoding This file is not valid UTF-8 \(first at line 3\)/m);
      assert.match(stdout, /unknown-reference .*'nobody'/, 'the rest of the file is checked');
      // The same text in UTF-8: no such finding.
      writeFileSync(join(ws.dir, 'architecture.yaml'), latin1.toString('latin1'));
      assert.doesNotMatch(run(['check', '.'], ws.dir).stdout, /file-encoding/);
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
