import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, run, tempWorkspace } from './harness';

const FIXTURES = join(ROOT, 'test/fixtures/import');

describe('archframe import', () => {
  it('prints one manifest from Compose, Kubernetes and Backstage sources on stdout, and the to-do list on stderr', () => {
    const { code, stdout, stderr } = run(['import', 'backstage', 'compose', 'kubernetes'], FIXTURES);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^# Imported by archframe import backstage compose kubernetes from 5 files\./);
    assert.match(stdout, /# from compose\/docker-compose\.yml:45 \(image docker\.io\/library\/postgres:16\)\n {2}db:\n {4}engine: postgresql/);
    assert.match(stdout, /# from kubernetes\/redis\.yaml:4 \(StatefulSet, image docker\.io\/redis:6\.0\.5\)\n {2}redis-leader:/);
    assert.match(stderr, /^backstage\/catalog-info\.yaml:50:18: note: 'playback-order' consumes api:streaming-events, which no imported component provides/m);
    assert.match(stderr, /archframe import: 10 components, 4 datastores, 2 channels, 1 team from 5 files\.\nWhat the rules report on this manifest now is the team's to-do list: 'archframe check' finds \d+ things to settle \(most: \d+ sync-timeout/);
  });

  it('writes a manifest that archframe check reads without a schema or YAML problem', () => {
    const workspace = tempWorkspace({});
    try {
      const imported = run(['import', join(FIXTURES, 'compose'), join(FIXTURES, 'kubernetes'), join(FIXTURES, 'backstage'), '-o', join(workspace.dir, 'architecture.yaml')], workspace.dir);
      assert.equal(imported.code, 0, imported.stderr);
      assert.equal(imported.stdout, '');
      const checked = run(['check', '--format', 'json', '.'], workspace.dir);
      const findings = JSON.parse(checked.stdout).findings as { ruleId: string }[];
      assert.ok(findings.length > 20, 'the rules have plenty to say');
      assert.deepEqual(findings.filter((f) => /^(schema|yaml)-/.test(f.ruleId) || f.ruleId === 'unknown-reference' || f.ruleId === 'duplicate-name'), []);
    } finally {
      workspace.remove();
    }
  });

  it('never overwrites: an existing output file is refused with exit 2 and left as it was', () => {
    const workspace = tempWorkspace({ 'architecture.yaml': 'mine\n', 'compose.yaml': 'services:\n  api:\n    image: acme/api\n' });
    try {
      const refused = run(['import', 'compose.yaml', '-o', 'architecture.yaml'], workspace.dir);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /architecture\.yaml exists: archframe import never overwrites a file/);
      assert.equal(readFileSync(join(workspace.dir, 'architecture.yaml'), 'utf8'), 'mine\n');
      const intoInput = run(['import', 'compose.yaml', '-o', 'compose.yaml'], workspace.dir);
      assert.equal(intoInput.code, 2);
      assert.match(intoInput.stderr, /compose\.yaml is one of the files imported/);
      const written = run(['import', 'compose.yaml', '-o', 'new.arch.yaml'], workspace.dir);
      assert.equal(written.code, 0, written.stderr);
      assert.match(readFileSync(join(workspace.dir, 'new.arch.yaml'), 'utf8'), /# from compose\.yaml:2 \(image acme\/api\)\n {2}api:/);
      assert.deepEqual(readdirSync(workspace.dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left behind');
    } finally {
      workspace.remove();
    }
  });

  it('names file and line for bad input, writes nothing and exits 1', () => {
    const workspace = tempWorkspace({
      'compose.yaml': 'services:\n  web:\n    image: "nginx\n',
      'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n---\napiVersion: v1\nmetadata:\n  name: nameless\n',
      'notes.yaml': 'title: not a source\n',
    });
    try {
      const compose = run(['import', 'compose.yaml', '-o', 'out.yaml'], workspace.dir);
      assert.equal(compose.code, 1);
      assert.match(compose.stderr, /^compose\.yaml:3:\d+: error: YAML: /m);
      assert.match(compose.stderr, /1 error in the sources: nothing written/);
      assert.equal(existsSync(join(workspace.dir, 'out.yaml')), false);

      const kubernetes = run(['import', 'k8s'], workspace.dir);
      assert.equal(kubernetes.code, 1);
      assert.equal(kubernetes.stdout, '');
      assert.match(kubernetes.stderr, /^k8s\/app\.yaml:6:1: error: Kubernetes: a document without `kind` \(apiVersion v1\)/m);

      const named = run(['import', 'notes.yaml'], workspace.dir);
      assert.equal(named.code, 1);
      assert.match(named.stderr, /^notes\.yaml:1:1: error: not a Compose file, Kubernetes manifests or a Backstage catalog\./m);

      const missing = run(['import', 'nope.yaml'], workspace.dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read nope\.yaml: no such file or folder/);
    } finally {
      workspace.remove();
    }
  });

  it('skips YAML files of a folder that are no source, and says which', () => {
    const workspace = tempWorkspace({ 'deploy/compose.yaml': 'services:\n  api:\n    image: acme/api\n', 'deploy/values.yaml': 'replicaCount: 2\n' });
    try {
      const { code, stdout, stderr } = run(['import', 'deploy'], workspace.dir);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^system: deploy$/m, 'named after the folder when no source names the system');
      assert.match(stderr, /skipped 1 YAML file that is no source: deploy\/values\.yaml/);
    } finally {
      workspace.remove();
    }
  });
});
