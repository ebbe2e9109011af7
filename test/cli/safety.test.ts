import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { MANIFEST, run, sampleWorkspace, tempWorkspace } from './harness';

const ADR = '# 1. Use Postgres\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nSome cost.\n';

describe('archframe never writes over a file it reads', () => {
  it('refuses --write-baseline onto a manifest, an ADR, a link to the manifest or a Markdown file of the workspace (exit 2, file intact)', () => {
    const ws = sampleWorkspace({ 'docs/adr/0001-use-postgres.md': ADR, 'README.md': '# Tiny\n' });
    try {
      symlinkSync(join(ws.dir, 'architecture.yaml'), join(ws.dir, 'manifest-link.json'));
      for (const target of ['architecture.yaml', 'b.arch.yaml', 'docs/adr/0001-use-postgres.md', 'manifest-link.json', 'README.md']) {
        const before = readFileSync(join(ws.dir, target), 'utf8');
        const { code, stderr } = run(['check', '--write-baseline', target], ws.dir);
        assert.equal(code, 2, `${target}: ${stderr}`);
        assert.match(stderr, new RegExp(`refusing to write a baseline to ${target.replace(/\./g, '\\.')}: it is a file this run reads`));
        assert.equal(readFileSync(join(ws.dir, target), 'utf8'), before, `${target} is unchanged`);
      }
    } finally {
      ws.remove();
    }
  });

  it('writes a baseline only to a new file or over a baseline, never over another file', () => {
    const ws = sampleWorkspace({ 'notes.json': '{"keep": true}\n' });
    try {
      const refused = run(['check', '--write-baseline', 'notes.json'], ws.dir);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /refusing to write a baseline over notes\.json: it exists and is not a baseline/);
      assert.equal(readFileSync(join(ws.dir, 'notes.json'), 'utf8'), '{"keep": true}\n');
      assert.equal(run(['check', '--write-baseline', 'baseline.json'], ws.dir).code, 0);
      const again = run(['check', '--write-baseline', 'baseline.json'], ws.dir);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(JSON.parse(readFileSync(join(ws.dir, 'baseline.json'), 'utf8')).tool, 'archframe');
    } finally {
      ws.remove();
    }
  });

  it('replaces a baseline atomically: a reader of the old file keeps reading it whole, and no temporary file is left', () => {
    const ws = sampleWorkspace();
    try {
      run(['check', '--write-baseline', 'baseline.json'], ws.dir);
      const old = readFileSync(join(ws.dir, 'baseline.json'), 'utf8');
      const fd = openSync(join(ws.dir, 'baseline.json'), 'r');
      try {
        writeFileSync(join(ws.dir, 'architecture.yaml'), MANIFEST.replace('  orphan:\n    kind: library\n', ''));
        assert.equal(run(['check', '--write-baseline', 'baseline.json'], ws.dir).code, 0);
        // Written in place, the open file would now hold the new, shorter baseline (or a truncated one).
        const buffer = Buffer.alloc(old.length + 100);
        const read = readSync(fd, buffer, 0, buffer.length, 0);
        assert.equal(buffer.subarray(0, read).toString('utf8'), old);
      } finally {
        closeSync(fd);
      }
      assert.notEqual(readFileSync(join(ws.dir, 'baseline.json'), 'utf8'), old, 'the new baseline is in place');
      assert.deepEqual(readdirSync(ws.dir).filter((name) => name.endsWith('.tmp')), []);
    } finally {
      ws.remove();
    }
  });

  it('refuses diagram -o onto the manifest, and writes a new or existing diagram file', () => {
    const ws = sampleWorkspace();
    try {
      const refused = run(['diagram', '-o', 'architecture.yaml'], ws.dir);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /refusing to write the diagram to architecture\.yaml: it is a file this run reads/);
      assert.equal(readFileSync(join(ws.dir, 'architecture.yaml'), 'utf8'), MANIFEST);
      assert.equal(run(['diagram', '-f', 'mermaid', '-o', 'arch.mmd'], ws.dir).code, 0);
      assert.equal(run(['diagram', '-f', 'mermaid', '-o', 'arch.mmd'], ws.dir).code, 0, 'a diagram is redrawn over the last one');
      assert.match(readFileSync(join(ws.dir, 'arch.mmd'), 'utf8'), /^flowchart/m);
    } finally {
      ws.remove();
    }
  });
});

describe('archframe check: nothing checked is a failure', () => {
  it('exits 2 on an empty folder, naming where it looked and what for', () => {
    const ws = tempWorkspace({ 'src/main.ts': 'export {};\n' });
    try {
      const { code, stdout, stderr } = run(['check'], ws.dir);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes(`no manifest or ADR found under ${ws.dir}: `), stderr);
      assert.match(stderr, /: looked for architecture\.yaml and \*\.arch\.yaml, ADRs in docs\/adr\/, doc\/adr\/.*runbooks in docs\/runbooks\/.*postmortems in docs\/postmortems\/.*Backstage catalog files/);
    } finally {
      ws.remove();
    }
  });

  it('exits 2 on a wrong path and on a YAML file that is not a manifest, saying why', () => {
    const ws = tempWorkspace({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'notes.md': '# Notes\n\nSome text.\n' });
    try {
      const wrong = run(['check', 'architecure.yaml'], ws.dir);
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /no such file or folder: architecure\.yaml/);
      const compose = run(['check', 'compose.yaml'], ws.dir);
      assert.equal(compose.code, 2);
      assert.match(compose.stderr, /compose\.yaml is not checked: it is not an architecture manifest \(it has no top-level `archframe:` or `components:` key\)/);
      assert.match(compose.stderr, /no manifest or ADR found under compose\.yaml/);
      const notes = run(['check', 'notes.md'], ws.dir);
      assert.equal(notes.code, 2);
      assert.match(notes.stderr, /notes\.md is not checked: it is not an ADR, runbook or postmortem/);
    } finally {
      ws.remove();
    }
  });

  it('checks a manifest named on the command line whatever its file name', () => {
    const ws = tempWorkspace({ 'system.yaml': MANIFEST });
    try {
      const { code, stdout, stderr } = run(['check', 'system.yaml'], ws.dir);
      assert.equal(code, 1, stderr);
      assert.match(stdout, /^system\.yaml:17:3 error single-owner /m);
      assert.match(stdout, /^system\.yaml:16:9 error schema-unknown-key Unknown key 'timout'/m);
    } finally {
      ws.remove();
    }
  });
});

describe('archframe check: any working directory', () => {
  const unusual = () => {
    const parent = mkdtempSync(join(tmpdir(), 'archframe paths '));
    const dir = join(parent, 'système é 架构');
    mkdirSync(join(dir, 'docs/adr'), { recursive: true });
    writeFileSync(join(dir, 'architecture.yaml'), MANIFEST);
    writeFileSync(join(dir, 'docs/adr/0001-use-postgres.md'), ADR);
    return { parent, dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
  };

  it('from /, with an absolute path holding spaces and non-ASCII characters', () => {
    const ws = unusual();
    try {
      const { code, stdout, stderr } = run(['check', join(ws.dir, 'architecture.yaml')], '/');
      assert.equal(code, 1, stderr);
      assert.doesNotMatch(stderr, /internal error/);
      assert.match(stdout, new RegExp(`^${ws.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${sep}architecture\\.yaml:17:3 error single-owner`, 'm'));
      const folder = run(['check', '--format', 'json', ws.dir], '/');
      assert.equal(folder.code, 1, folder.stderr);
      assert.ok(JSON.parse(folder.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'single-owner'));
    } finally {
      ws.remove();
    }
  });

  it('through a symbolic link to the folder, as the current folder and as a path', () => {
    const ws = unusual();
    try {
      const link = join(ws.parent, 'link');
      symlinkSync(ws.dir, link);
      const inside = run(['check', 'architecture.yaml'], link);
      assert.equal(inside.code, 1, inside.stderr);
      assert.match(inside.stdout, /^architecture\.yaml:17:3 error single-owner/m);
      const through = run(['check', join(link, 'architecture.yaml')], '/');
      assert.equal(through.code, 1, through.stderr);
      assert.match(through.stdout, /architecture\.yaml:17:3 error single-owner/);
    } finally {
      ws.remove();
    }
  });
});
