import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, tempWorkspace } from './harness';

describe('archframe check with sources: drift', () => {
  it('reports what the manifest lacks, has in excess, and says otherwise than the sources, and a broken source on its line', () => {
    const workspace = tempWorkspace({
      '.archframe.yaml': 'sources:\n  - docker-compose.yml\n  - k8s\n  - catalog-info.yaml\n',
      'architecture.yaml': [
        'archframe: 1',
        'system: shop',
        'teams:',
        '  payments: {}',
        'components:',
        '  web: { kind: frontend, owner: payments, replicas: 1 }',
        '  billing: { kind: service, owner: payments }',
        '  legacy: { kind: service, owner: payments }',
        '',
      ].join('\n'),
      'docker-compose.yml': 'services:\n  web:\n    image: acme/web\n    deploy: { replicas: 2 }\n',
      'k8s/billing.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: billing }\nspec: { template: { spec: { containers: [{ name: b, image: acme/billing }] } } }\n---\nmetadata: { name: stray }\n',
      'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: { name: ledger }\nspec: { type: postgresql, owner: payments }\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: payments }\nspec: { type: team, children: [] }\n',
    });
    try {
      const { code, stdout } = run(['check', '--fail-on', 'warning', '.'], workspace.dir);
      assert.equal(code, 1);
      const drift = stdout.split('\n').filter((line) => / (drift-|schema-type)/.test(line));
      assert.deepEqual(drift, [
        "architecture.yaml:2:1 warning drift-missing 'ledger' is a datastore in catalog-info.yaml:3, and not in the manifest.",
        "architecture.yaml:6:53 warning drift-mismatch 'web' runs 2 replicas in docker-compose.yml:2; the manifest says 1.",
        "architecture.yaml:8:3 warning drift-extra 'legacy' is in the manifest but in none of the sources (catalog-info.yaml, docker-compose.yml, k8s/billing.yaml): retired, renamed, or not deployed from them?",
        'k8s/billing.yaml:6:1 error schema-type Kubernetes: a document without `kind` and `apiVersion`, in a file of Kubernetes manifests.',
      ]);
    } finally {
      workspace.remove();
    }
  });
});
