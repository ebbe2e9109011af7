import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, tempWorkspace } from './harness';

describe('archframe check on Backstage catalogs', () => {
  it('reports catalog-schema and catalog-reference findings with file and line, and skips ordinary YAML', () => {
    const workspace = tempWorkspace({
      'services/orders/catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: orders }',
        'spec:',
        '  type: service',
        '  lifecyle: production',
        '  owner: team-a',
        '  consumesApis: [payments-api]',
        '',
      ].join('\n'),
      'org.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n',
      'deploy/k8s.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: orders }\n',
    });
    try {
      const { code, stdout } = run(['check', '.'], workspace.dir);
      assert.equal(code, 1);
      assert.deepEqual(stdout.trim().split('\n'), [
        "services/orders/catalog-info.yaml:6:3 error catalog-schema 'lifecyle' does not belong to a Component's spec. Did you mean 'lifecycle'?",
        "services/orders/catalog-info.yaml:8:18 error catalog-reference 'payments-api' names no API in the workspace's catalogs.",
      ]);
    } finally {
      workspace.remove();
    }
  });
});
