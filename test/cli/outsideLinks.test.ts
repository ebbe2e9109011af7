import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type * as Fs from 'node:fs';
import { sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { loadWorkspace } from '../../server/src/node/loadWorkspace';
import { run, tempWorkspace } from './harness';

const ADR = '# 1. Use Postgres\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nSome cost.\n';

describe('links outside the workspace', () => {
  it('are reported as pointing outside the workspace, not as missing', () => {
    const ws = tempWorkspace({ 'architecture.yaml': 'archframe: 1\nsystem: tiny\n', 'docs/adr/0001-use-postgres.md': ADR.replace('d\n\n## Consequences', 'd, as [the host says](../../../../../../../../etc/passwd).\n\n## Consequences') });
    try {
      assert.ok(existsSync('/etc/passwd'), 'the target exists on this machine');
      const { code, stdout } = run(['check'], ws.dir);
      assert.equal(code, 1);
      assert.match(stdout, /docs\/adr\/0001-use-postgres\.md:15:\d+ error adr-links '\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd' points outside the workspace/);
      assert.doesNotMatch(stdout, /does not exist/);
    } finally {
      ws.remove();
    }
  });

  it('into another folder of the workspace are links inside it: found, or missing, never outside (two folders checked together)', () => {
    const ws = tempWorkspace({
      'a/architecture.yaml': 'archframe: 1\nsystem: tiny\n',
      'a/docs/adr/0001-use-postgres.md': ADR.replace('d\n\n## Consequences', 'd, as [b notes](../../../b/notes.md) say.\n\n## Consequences'),
      'b/notes.md': '# Notes\n',
      'b/architecture.yaml': 'archframe: 1\nsystem: other\n',
    });
    try {
      const { code, stdout, stderr } = run(['check', 'a', 'b'], ws.dir);
      assert.equal(stdout, '', stderr);
      assert.equal(code, 0);
      // A missing file there is missing, not outside.
      ws.write('a/docs/adr/0001-use-postgres.md', ADR.replace('d\n\n## Consequences', 'd, as [b notes](../../../b/gone.md) say.\n\n## Consequences'));
      const missing = run(['check', 'a', 'b'], ws.dir);
      assert.match(missing.stdout, /'\.\.\/\.\.\/\.\.\/b\/gone\.md' does not exist/);
      ws.write('a/docs/adr/0001-use-postgres.md', ADR.replace('d\n\n## Consequences', 'd, as [b notes](../../../b/notes.md) say.\n\n## Consequences'));
      const alone = run(['check', 'a'], ws.dir);
      assert.match(alone.stdout, /'\.\.\/\.\.\/\.\.\/b\/notes\.md' points outside the workspace/, 'with b not a workspace folder, it is outside');
    } finally {
      ws.remove();
    }
  });

  it('are never looked at: no stat, readlink or open of a path outside the workspace', () => {
    const ws = tempWorkspace({
      'architecture.yaml': 'archframe: 1\nsystem: tiny\ncomponents:\n  api:\n    kind: service\n    runbook: ../outside/runbook.md\n',
      'docs/adr/0001-use-postgres.md': ADR.replace('d\n\n## Consequences', 'd, see [x](../../../outside/secret.md) and [y](/../../outside/other.md).\n\n## Consequences'),
    });
    const fs: typeof Fs = require('node:fs');
    const touched: string[] = [];
    const names = ['statSync', 'lstatSync', 'existsSync', 'openSync', 'readFileSync', 'readlinkSync', 'accessSync'] as const;
    const originals = names.map((name) => fs[name]);
    const realpath = fs.realpathSync;
    const native = fs.realpathSync.native;
    const spy = <F extends (...args: never[]) => unknown>(original: F): F => ((p: unknown, ...rest: never[]) => (typeof p === 'string' && touched.push(p), original(p as never, ...rest))) as unknown as F;
    names.forEach((name, i) => ((fs as unknown as Record<string, unknown>)[name] = spy(originals[i] as never)));
    fs.realpathSync = Object.assign(spy(realpath), { native: spy(native) });
    try {
      const engine = loadWorkspace([fileUri(ws.dir)]);
      const findings = [...engine.findings().values()].flat();
      assert.ok(findings.some((f) => f.ruleId === 'adr-links' && /points outside the workspace/.test(f.message)));
      assert.ok(findings.some((f) => f.ruleId === 'runbook' && /points outside the workspace/.test(f.message)));
      assert.ok(touched.some((p) => p.startsWith(ws.dir)), 'the spy sees the loader');
      assert.deepEqual(touched.filter((p) => !p.startsWith(ws.dir + sep) && p !== ws.dir && !p.includes('node_modules')), []);
    } finally {
      names.forEach((name, i) => ((fs as unknown as Record<string, unknown>)[name] = originals[i]));
      fs.realpathSync = realpath;
      ws.remove();
    }
  });
});
