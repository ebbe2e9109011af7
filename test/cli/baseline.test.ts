import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MANIFEST, run, sampleWorkspace } from './harness';

describe('archframe check: baselines', () => {
  it('--write-baseline records today\'s findings by rule, file and element (or message), sorted, and exits 0', () => {
    const ws = sampleWorkspace();
    try {
      const { code, stderr } = run(['check', '--write-baseline', 'archframe-baseline.json'], ws.dir);
      assert.equal(code, 0);
      assert.match(stderr, /wrote 5 finding\(s\) as 5 baseline entries to archframe-baseline\.json/);
      const baseline = JSON.parse(readFileSync(join(ws.dir, 'archframe-baseline.json'), 'utf8'));
      assert.equal(baseline.version, 1);
      assert.deepEqual(baseline.findings, [
        { ruleId: 'observability-pillars', file: 'architecture.yaml', element: 'components.indexer.observability', count: 1 },
        { ruleId: 'schema-unknown-key', file: 'architecture.yaml', element: 'components.indexer.dependsOn.api.timout', count: 1 },
        { ruleId: 'single-owner', file: 'architecture.yaml', element: 'components.orphan.owner', count: 1 },
        { ruleId: 'structured-logs', file: 'architecture.yaml', element: 'components.indexer.observability.logs', count: 1 },
        { ruleId: 'duplicate-name', file: 'b.arch.yaml', element: 'components.api', count: 1 },
      ]);
      const again = run(['check', '--baseline', 'archframe-baseline.json'], ws.dir);
      assert.equal(again.stdout, '');
      assert.match(again.stderr, /0 finding\(s\).*; 5 more matched the baseline/);
      assert.equal(again.code, 0);
    } finally {
      ws.remove();
    }
  });

  it('still absorbs the findings after lines are inserted above them, and lets a new finding through', () => {
    const ws = sampleWorkspace();
    try {
      run(['check', '--write-baseline', 'baseline.json'], ws.dir);
      // An unrelated edit: a description and a new, clean component above every finding.
      const edited = MANIFEST.replace(
        'components:\n',
        'description: >-\n  A longer description,\n  over three lines.\ncomponents:\n  extra:\n    kind: library\n    owner: core\n',
      );
      ws.write('architecture.yaml', edited);
      const moved = run(['check', '--baseline', 'baseline.json', '--format', 'json'], ws.dir);
      assert.equal(moved.code, 0, moved.stdout);
      assert.deepEqual(JSON.parse(moved.stdout).findings, []);
      assert.equal(JSON.parse(moved.stdout).summary.baselined, 5);

      // A new finding: a second component without an owner.
      ws.write('architecture.yaml', edited + '  stray:\n    kind: library\n');
      const fresh = run(['check', '--baseline', 'baseline.json'], ws.dir);
      assert.equal(fresh.code, 1);
      assert.equal(fresh.stdout, "architecture.yaml:25:3 error single-owner 'stray' has no owner: when it breaks, nobody is paged and nobody decides; name one team (core).\n");
      assert.match(fresh.stderr, /; 5 more matched the baseline/);
    } finally {
      ws.remove();
    }
  });

  it('a schema finding is known by its path: a new typo in another dependency gets through on its own line, the old one stays absorbed', () => {
    // The indexer calls the api twice (say, two endpoints), each call with the same typo.
    const second = '      - target: api\n        via: library\n        timout: 3s\n';
    const ws = sampleWorkspace({ 'architecture.yaml': MANIFEST.replace('        timout: 2s\n', `        timout: 2s\n${second}`) });
    try {
      run(['check', '--write-baseline', 'baseline.json'], ws.dir);
      const baseline = JSON.parse(readFileSync(join(ws.dir, 'baseline.json'), 'utf8'));
      const typos = baseline.findings.filter((f: { ruleId: string }) => f.ruleId === 'schema-unknown-key');
      assert.deepEqual(typos.map((t: { element: string; count: number }) => [t.element, t.count]), [['components.indexer.dependsOn.api.timout', 2]]);
      // A third dependency, above the others, with the typo: before, it matched the old entries' message, and an old
      // finding was reported in its place.
      const text = readFileSync(join(ws.dir, 'architecture.yaml'), 'utf8');
      const third = text.replace('    dependsOn:\n', `    dependsOn:\n      - target: orphan\n        via: library\n        timout: 4s\n`);
      ws.write('architecture.yaml', third);
      const { code, stdout } = run(['check', '--baseline', 'baseline.json'], ws.dir);
      assert.equal(code, 1);
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1, stdout);
      const line = third.split('\n').indexOf('        timout: 4s') + 1;
      assert.match(lines[0], new RegExp(`^architecture\\.yaml:${line}:9 error schema-unknown-key Unknown key 'timout' in components\\.indexer\\.dependsOn\\[0\\]`));
    } finally {
      ws.remove();
    }
  });

  it('refuses a file that is not a baseline (exit 2)', () => {
    const ws = sampleWorkspace({ 'not-a-baseline.json': '{"findings": 3}', 'broken.json': '{' });
    try {
      const wrong = run(['check', '--baseline', 'not-a-baseline.json'], ws.dir);
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /is not an archframe baseline of version 1/);
      const broken = run(['check', '--baseline', 'broken.json'], ws.dir);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /is not JSON/);
    } finally {
      ws.remove();
    }
  });
});
