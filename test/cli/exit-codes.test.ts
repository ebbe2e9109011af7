import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run, sampleWorkspace, tempWorkspace, type TempWorkspace } from './harness';

const CLEAN = 'archframe: 1\nsystem: tiny\n';
const WARNING_ONLY = `archframe: 1
system: tiny
teams:
  core: { type: stream-aligned }
components:
  indexer:
    kind: worker
    owner: core
    observability: { logs: structured, metrics: red, traces: false }
`;
const INFO_ONLY = WARNING_ONLY.replace('logs: structured, metrics: red, traces: false', 'logs: unstructured, metrics: red, traces: true');

describe('archframe check: exit codes', () => {
  let ws: TempWorkspace;
  before(() => (ws = sampleWorkspace()));
  after(() => ws.remove());

  it('0 on a clean workspace, with nothing on stdout', () => {
    const clean = tempWorkspace({ 'architecture.yaml': CLEAN });
    try {
      const { code, stdout, stderr } = run(['check'], clean.dir);
      assert.equal(stdout, '');
      assert.match(stderr, /^0 finding\(s\)/);
      assert.equal(code, 0);
    } finally {
      clean.remove();
    }
  });

  it('1 when an error is found; --fail-on lowers the threshold to warnings or info', () => {
    assert.equal(run(['check'], ws.dir).code, 1);
    const warning = tempWorkspace({ 'architecture.yaml': WARNING_ONLY });
    const info = tempWorkspace({ 'architecture.yaml': INFO_ONLY });
    try {
      assert.equal(run(['check'], warning.dir).code, 0, 'a warning does not fail by default');
      assert.equal(run(['check', '--fail-on', 'error'], warning.dir).code, 0);
      assert.equal(run(['check', '--fail-on', 'warning'], warning.dir).code, 1);
      assert.equal(run(['check', '--fail-on=warning'], info.dir).code, 0, 'info is below warning');
      assert.equal(run(['check', '--fail-on', 'info'], info.dir).code, 1);
    } finally {
      warning.remove();
      info.remove();
    }
  });

  it('a rule turned off in .archframe.yaml neither prints nor fails', () => {
    const off = tempWorkspace({ 'architecture.yaml': WARNING_ONLY, '.archframe.yaml': 'rules:\n  observability-pillars: off\n' });
    try {
      const { code, stdout } = run(['check', '--fail-on', 'warning'], off.dir);
      assert.equal(stdout, '');
      assert.equal(code, 0);
    } finally {
      off.remove();
    }
  });

  it('2 with a message on bad usage', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['check', '--bogus'], /unknown option '--bogus'/],
      [['check', '-x'], /unknown option '-x'/],
      [['check', '--format', 'xml'], /unknown format 'xml': use text, json, sarif, github/],
      [['check', '--format'], /'--format'.*argument missing|argument missing/i],
      [['check', '--fail-on', 'hint'], /--fail-on takes error, warning, info, not 'hint'/],
      [['check', 'no/such/folder'], /no such file or folder: no\/such\/folder/],
      [['check', '--baseline', 'missing.json'], /cannot read the baseline .*missing\.json: ENOENT/],
      [['rules', 'extra'], /too many arguments: 'extra'/],
      [['explain'], /name a rule or a term/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args, ws.dir);
      assert.equal(code, 2, `${args.join(' ')} exits 2`);
      assert.match(stderr, message, args.join(' '));
      assert.equal(stdout, '', `${args.join(' ')} prints nothing on stdout`);
    }
  });

  it('2 when .archframe.yaml is invalid, naming each problem and where it is', () => {
    const bad = sampleWorkspace({ '.archframe.yaml': 'rules:\n  single-owner: fatal\nignroe:\n  - x/**\n' });
    try {
      const { code, stdout, stderr } = run(['check'], bad.dir);
      assert.equal(code, 2);
      assert.equal(stdout, '', 'no findings are printed under a broken configuration');
      assert.match(stderr, /invalid configuration/);
      assert.match(stderr, /\.archframe\.yaml:2:17 "fatal" is not a valid 'single-owner'.*\(schema-enum\)/);
      assert.match(stderr, /\.archframe\.yaml:3:1 .*'ignroe'.*Did you mean 'ignore'\?.*\(schema-unknown-key\)/);
    } finally {
      bad.remove();
    }
  });

  it('2 when .archframe.yaml is not YAML, or names a rule that does not exist', () => {
    const broken = sampleWorkspace({ '.archframe.yaml': 'rules: [unclosed\n' });
    const unknown = sampleWorkspace({ '.archframe.yaml': 'rules:\n  single-ownr: warning\n' });
    try {
      const syntax = run(['check'], broken.dir);
      assert.equal(syntax.code, 2);
      assert.match(syntax.stderr, /\.archframe\.yaml:\d+:\d+ YAML: .*\(yaml-syntax\)/);
      const typo = run(['check'], unknown.dir);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /\.archframe\.yaml:2:3 'single-ownr' is not a rule id\. Did you mean 'single-owner'\?/);
    } finally {
      broken.remove();
      unknown.remove();
    }
  });

  it('2 when .archframe.yaml cannot be read', () => {
    const unreadable = sampleWorkspace();
    try {
      // A folder where the file should be: exists, cannot be read as a file (whoever runs the tests, even root).
      mkdirSync(join(unreadable.dir, '.archframe.yaml'));
      const { code, stderr } = run(['check'], unreadable.dir);
      assert.equal(code, 2);
      assert.match(stderr, /cannot read \.archframe\.yaml: EISDIR/);
    } finally {
      unreadable.remove();
    }
  });

  it('2 when .archframe.yaml is over the size limit (not checked with what its first lines say)', () => {
    // Valid YAML that turns a rule off in its first lines, padded past the 5 MB limit with comments.
    const huge = sampleWorkspace({ '.archframe.yaml': 'rules:\n  single-owner: off\n' + '# padding\n'.repeat(600_000) });
    try {
      const { code, stdout, stderr } = run(['check'], huge.dir);
      assert.equal(code, 2);
      assert.match(stderr, /cannot use \.archframe\.yaml: File too large to analyse: 5\.\d MB > 5\.0 MB limit/);
      assert.equal(stdout, '');
    } finally {
      huge.remove();
    }
  });
});
