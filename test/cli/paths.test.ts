import assert from 'node:assert/strict';
import type * as Fs from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { loadWorkspace } from '../../server/src/node/loadWorkspace';
import { MANIFEST, run, runOnTerminal, tempWorkspace } from './harness';

const BROKEN = 'archframe: 1\nsystem: legacy\ncomponents:\n  old:\n    kind: library\n    owner: nobody-knows\n    colour: red\n';
const CONFIG = 'ignore:\n  - legacy/**\n  - "**/*.draft.md"\n';

describe('archframe check: paths and ignore globs', () => {
  it('leaves out files that .archframe.yaml ignores', () => {
    const ws = tempWorkspace({ '.archframe.yaml': CONFIG, 'architecture.yaml': 'archframe: 1\nsystem: tiny\n', 'legacy/architecture.yaml': BROKEN });
    try {
      const { code, stdout } = run(['check'], ws.dir);
      assert.equal(stdout, '');
      assert.equal(code, 0);
    } finally {
      ws.remove();
    }
  });

  it('never reads an ignored file', () => {
    const ws = tempWorkspace({
      '.archframe.yaml': CONFIG,
      'architecture.yaml': 'archframe: 1\nsystem: tiny\n',
      'legacy/architecture.yaml': BROKEN,
      'legacy/docs/adr/0001-old.md': '# 1. Old\n',
      'docs/adr/0002-next.draft.md': '# 2. Next\n',
      'docs/adr/0001-kept.md': '# 1. Kept\n',
    });
    // The module object itself (an `import *` namespace is read-only): the loader reads through it.
    const fs: typeof Fs = require('node:fs');
    const read: string[] = [];
    const original = fs.readFileSync;
    fs.readFileSync = ((path: Fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      read.push(String(path));
      return (original as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readFileSync;
    try {
      const engine = loadWorkspace([fileUri(ws.dir)]);
      assert.ok(engine.hasFile(fileUri(join(ws.dir, 'docs/adr/0001-kept.md'))), 'the spy sees the loader (a kept ADR was read)');
      assert.ok(read.some((p) => p.endsWith('0001-kept.md')));
      assert.deepEqual(read.filter((p) => p.includes('/legacy/') || p.endsWith('.draft.md')), []);
    } finally {
      fs.readFileSync = original;
      ws.remove();
    }
  });

  it('a named file is checked within the workspace around it, and only its findings are printed', () => {
    // b.arch.yaml redefines 'api' from the root manifest: only visible when the root manifest is read too.
    const ws = tempWorkspace({ 'architecture.yaml': MANIFEST, 'sub/b.arch.yaml': 'archframe: 1\nsystem: tiny\ncomponents:\n  api:\n    kind: library\n    owner: core\n' });
    try {
      const { code, stdout } = run(['check', 'sub/b.arch.yaml'], ws.dir);
      assert.equal(stdout, "sub/b.arch.yaml:4:3 error duplicate-name 'api' is already defined in architecture.yaml (as one of the components); names must be unique across the workspace.\n");
      assert.equal(code, 1);
    } finally {
      ws.remove();
    }
  });

  it('says so when a named file is ignored or is not an archframe document', () => {
    const ws = tempWorkspace({ '.archframe.yaml': CONFIG, 'architecture.yaml': 'archframe: 1\nsystem: tiny\n', 'legacy/architecture.yaml': BROKEN, 'notes.md': '# Notes\n' });
    try {
      const ignored = run(['check', 'legacy/architecture.yaml'], ws.dir);
      assert.equal(ignored.stdout, '');
      assert.match(ignored.stderr, /legacy\/architecture\.yaml is not checked: it matches an `ignore:` glob of \.archframe\.yaml\./);
      assert.equal(ignored.code, 2, 'nothing was checked');
      const notes = run(['check', 'notes.md'], ws.dir);
      assert.match(notes.stderr, /notes\.md is not checked: it is not an ADR, runbook or postmortem/);
      const both = run(['check', 'notes.md', 'architecture.yaml'], ws.dir);
      assert.equal(both.code, 0, 'one named file is checked: the run is not empty');
    } finally {
      ws.remove();
    }
  });

  it('a named folder is a workspace of its own (as when opened in the editor): the parent\'s ignore globs do not apply', () => {
    const ws = tempWorkspace({ '.archframe.yaml': CONFIG, 'legacy/architecture.yaml': BROKEN });
    try {
      const { code, stdout } = run(['check', 'legacy'], ws.dir);
      assert.equal(code, 1);
      assert.match(stdout, /^legacy\/architecture\.yaml:7:5 error schema-unknown-key Unknown key 'colour'/m);
    } finally {
      ws.remove();
    }
  });

  it('shows a progress line on a terminal\'s stderr for a large workspace, and clears it', async () => {
    const files: Record<string, string> = { 'architecture.yaml': 'archframe: 1\nsystem: big\n' };
    for (let i = 0; i < 1100; i++) files[`notes/n${i}.md`] = `# Note ${i}\n`;
    const ws = tempWorkspace(files);
    try {
      const { code, stderr } = await runOnTerminal(['check'], ws.dir);
      assert.equal(code, 0);
      assert.match(stderr, /\r\u001b\[Karchframe: reading files 500\/1101…\r\u001b\[Karchframe: reading files 1000\/1101…\r\u001b\[K0 finding/);
      const piped = run(['check'], ws.dir);
      assert.ok(!piped.stderr.includes('reading files'), 'no progress line when stderr is not a terminal');
    } finally {
      ws.remove();
    }
  });
});
