import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, findingsOf, lines, uriOf } from '../../../../test/helpers/engine';

const MANIFEST = lines('archframe: 1', 'system: shop', 'components:', '  api: { kind: service, replicas: 2 }', '  worker: { kind: worker, replicas: 1 }');
const api = (replicas: number) => lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: api }', `spec: { replicas: ${replicas}, template: { spec: { containers: [{ name: a, image: acme/api }] } } }`);
const WORKER = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: worker }', 'spec: { replicas: 1, template: { spec: { containers: [{ name: w, image: acme/worker }] } } }');

describe('drift, incrementally', () => {
  it('an edit to one source re-reads that file only, and the drift findings follow it', () => {
    const engine = engineFor({ '.archframe.yaml': lines('sources: [k8s]'), 'architecture.yaml': MANIFEST, 'k8s/api.yaml': api(3), 'k8s/worker.yaml': WORKER, 'k8s/values.yaml': lines('replicaCount: 2') });
    assert.equal(engine.document(uriOf('k8s/api.yaml'))?.kind, 'source');
    assert.equal(engine.document(uriOf('k8s/values.yaml'))?.kind, 'source', 'listed, so read; it describes nothing');
    assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'drift-mismatch').map((f) => f.message), ["'api' runs 3 replicas in k8s/api.yaml:3; the manifest says 2."]);
    const worker = engine.document(uriOf('k8s/worker.yaml'));
    const manifest = engine.document(uriOf('architecture.yaml'));

    engine.setFile(uriOf('k8s/api.yaml'), api(2));
    assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'drift-mismatch'), []);
    assert.equal(engine.document(uriOf('k8s/worker.yaml')), worker, 'the other source is not read again');
    assert.equal(engine.document(uriOf('architecture.yaml')), manifest, 'nor the manifest');

    engine.deleteFile(uriOf('k8s/worker.yaml'));
    assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'drift-extra').map((f) => f.message), ["'worker' is in the manifest but in none of the sources (k8s/api.yaml, k8s/values.yaml): retired, renamed, or not deployed from them?"]);
  });

  it('reports a broken source on its own line, and YAML outside the sources stays unread', () => {
    const engine = engineFor({ '.archframe.yaml': lines('sources: deploy/compose.yaml'), 'architecture.yaml': MANIFEST, 'deploy/compose.yaml': lines('services:', '  api: nginx'), 'deploy/other.yaml': lines('services: {}') });
    assert.deepEqual(findingsOf(engine, 'deploy/compose.yaml').map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.message}`), ["2 schema-type Compose: service 'api' must be a map (image, ports, depends_on…)."]);
    assert.equal(engine.document(uriOf('deploy/other.yaml')), undefined);
  });
});
