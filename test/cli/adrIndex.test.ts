import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run, tempWorkspace } from './harness';

const adr = (title: string, status: string, date = '2024-01-05') => ['# ' + title, '', `Date: ${date}`, '', '## Status', '', status, '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'It costs a migration.', ''].join('\n');
const COLLECTION = {
  'docs/adr/0001-use-postgresql.md': adr('1. Use PostgreSQL', 'Superseded by [3. Use CockroachDB](0003-use-cockroachdb.md)'),
  'docs/adr/0002-publish-events.md': adr('2. Publish events', 'Accepted', '2024-02-01'),
  'docs/adr/0003-use-cockroachdb.md': adr('3. Use CockroachDB', 'Accepted\n\nSupersedes [1. Use PostgreSQL](0001-use-postgresql.md)', '2024-03-01'),
};
const START = '<!-- archframe:adr-index:start -->';
const END = '<!-- archframe:adr-index:end -->';

describe('archframe adr index', () => {
  it('writes a new README with the table and the decision graph, which check then finds up to date', () => {
    const workspace = tempWorkspace(COLLECTION);
    try {
      const { code, stderr } = run(['adr', 'index'], workspace.dir);
      assert.equal(code, 0, stderr);
      assert.match(stderr, /wrote docs\/adr\/README\.md \(3 ADRs\)/);
      const readme = readFileSync(join(workspace.dir, 'docs/adr/README.md'), 'utf8');
      assert.ok(readme.startsWith(`# Architecture Decision Records\n\n${START}\n`));
      assert.ok(readme.endsWith(`${END}\n`));
      assert.match(readme, /^\| 1 \| \[Use PostgreSQL\]\(0001-use-postgresql\.md\) \| Superseded \| 2024-01-05 \| Superseded by \[3\]\(0003-use-cockroachdb\.md\) \|$/m);
      assert.match(readme, /^\| 3 \| \[Use CockroachDB\]\(0003-use-cockroachdb\.md\) \| Accepted \| 2024-03-01 \| Supersedes \[1\]\(0001-use-postgresql\.md\) \|$/m);
      assert.match(readme, /```mermaid\nflowchart LR\n {2}adr1\["1\. Use PostgreSQL"\]\n {2}adr3\["3\. Use CockroachDB"\]\n {2}adr3 -->\|supersedes\| adr1\n/);
      assert.match(readme, /class adr1 retired/);
      const checked = run(['check', '--format', 'json', '.'], workspace.dir);
      assert.deepEqual((JSON.parse(checked.stdout).findings as { ruleId: string }[]).filter((f) => f.ruleId === 'adr-index'), []);
      assert.equal(run(['adr', 'index', '--check'], workspace.dir).code, 0);
    } finally {
      workspace.remove();
    }
  });

  it('rewrites only what is between the markers, keeping the rest byte for byte (CRLF too); --check tells an outdated index first', () => {
    const before = ['# Our decisions\r\n', '\r\n', 'Read these first.\r\n', '\r\n', `${START}\r\n`, 'stale\r\n', `${END}\r\n`, '\r\n', '## Process\r\n', '\r\n', 'We meet on Tuesdays.\r\n'].join('');
    const workspace = tempWorkspace({ ...COLLECTION, 'docs/adr/README.md': before });
    try {
      const checking = run(['adr', 'index', '--check'], workspace.dir);
      assert.equal(checking.code, 1);
      assert.match(checking.stderr, /docs\/adr\/README\.md is out of date: run 'archframe adr index'/);
      assert.equal(readFileSync(join(workspace.dir, 'docs/adr/README.md'), 'utf8'), before, '--check writes nothing');
      const findings = JSON.parse(run(['check', '--format', 'json', '.'], workspace.dir).stdout).findings as { ruleId: string; message: string }[];
      assert.match(findings.find((f) => f.ruleId === 'adr-index')?.message ?? '', /out of date: '0001-use-postgresql\.md', '0002-publish-events\.md', '0003-use-cockroachdb\.md' are not in it/);

      const { code, stderr } = run(['adr', 'index', 'docs'], workspace.dir);
      assert.equal(code, 0, stderr);
      assert.match(stderr, /updated docs\/adr\/README\.md/);
      const after = readFileSync(join(workspace.dir, 'docs/adr/README.md'), 'utf8');
      const [head, rest] = after.split(`${START}\r\n`);
      assert.equal(head, '# Our decisions\r\n\r\nRead these first.\r\n\r\n');
      assert.equal(rest.slice(rest.indexOf(END)), `${END}\r\n\r\n## Process\r\n\r\nWe meet on Tuesdays.\r\n`);
      assert.ok(!/[^\r]\n/.test(after), 'the generated lines keep the file\'s CRLF');
      assert.deepEqual(readdirSync(join(workspace.dir, 'docs/adr')).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
      // Again: nothing to do.
      const again = run(['adr', 'index'], workspace.dir);
      assert.equal(again.code, 0);
      assert.match(again.stderr, /docs\/adr: up to date/);
    } finally {
      workspace.remove();
    }
  });

  it('refuses a README without markers or with malformed ones, saying where and how, and writes nothing', () => {
    const cases: [string, RegExp][] = [
      ['# Decisions\n\nSee the files.\n', /docs\/adr\/README\.md has no index markers, and archframe writes only between them: add these two lines where the index should go, then run it again:\n<!-- archframe:adr-index:start -->\n<!-- archframe:adr-index:end -->/],
      [`# Decisions\n\n${START}\n\nold\n`, /docs\/adr\/README\.md:3: <!-- archframe:adr-index:start --> has no <!-- archframe:adr-index:end --> after it\. Nothing written\./],
      [`# Decisions\n\n${END}\n${START}\n`, /README\.md:3: <!-- archframe:adr-index:end --> comes before <!-- archframe:adr-index:start -->/],
      [`# Decisions\n\n${START}\n${START}\n${END}\n`, /README\.md:4: A second <!-- archframe:adr-index:start -->/],
      [`# Decisions\n\nIndex: ${START}\n${END}\n`, /README\.md:3: An index marker must stand on a line of its own/],
    ];
    for (const [readme, message] of cases) {
      const workspace = tempWorkspace({ ...COLLECTION, 'docs/adr/README.md': readme });
      try {
        const file = join(workspace.dir, 'docs/adr/README.md');
        const mtime = statSync(file).mtimeMs;
        const { code, stderr } = run(['adr', 'index'], workspace.dir);
        assert.equal(code, 2, readme);
        assert.match(stderr, message);
        assert.equal(readFileSync(file, 'utf8'), readme);
        assert.equal(statSync(file).mtimeMs, mtime);
      } finally {
        workspace.remove();
      }
    }
  });

  it('indexes each collection under the folders named, and says so when there is none', () => {
    const workspace = tempWorkspace({ ...COLLECTION, 'services/billing/adr/0001-use-stripe.md': adr('1. Use Stripe', 'Accepted'), 'notes/todo.md': '# Notes\n' });
    try {
      const some = run(['adr', 'index', 'services'], workspace.dir);
      assert.equal(some.code, 0, some.stderr);
      assert.ok(existsSync(join(workspace.dir, 'services/billing/adr/README.md')));
      assert.ok(!existsSync(join(workspace.dir, 'docs/adr/README.md')), 'only under the folder named');
      const none = run(['adr', 'index', 'notes'], workspace.dir);
      assert.equal(none.code, 0);
      assert.match(none.stderr, /no ADRs under notes: nothing to index/);
      const usage = run(['adr', 'list'], workspace.dir);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /unknown adr command 'list': the only one is/);
    } finally {
      workspace.remove();
    }
  });
});
