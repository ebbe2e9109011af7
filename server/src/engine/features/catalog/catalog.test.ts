import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../../test/helpers/engine';
import type { CatalogDocument } from '../../parse/catalog';
import { catalogFeatures } from '.';

const ORG = lines(
  'apiVersion: backstage.io/v1alpha1',
  'kind: Group',
  'metadata: { name: team-a, title: Team A }',
  'spec: { type: team, children: [] }',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: User',
  'metadata: { name: jdoe }',
  'spec: { memberOf: [team-a] }',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Resource',
  'metadata: { name: orders-db, namespace: data }',
  'spec: { type: database, owner: team-a }',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata: { name: payments }',
  'spec: { type: service, lifecycle: production, owner: team-a }',
);

/** Completions at the `|` of the text. */
function complete(marked: string): string[] {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const engine = engineFor({ 'catalog-info.yaml': text, 'org.yaml': ORG });
  const document = engine.document(uriOf('catalog-info.yaml')) as CatalogDocument;
  assert.equal(document?.kind, 'catalog');
  return (catalogFeatures.completions!(engine.snapshot(), document, offset) ?? []).map((c) => c.label);
}

const HEAD = ['apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: orders }', 'spec:', '  type: service', '  lifecycle: production'];

describe('catalog completion', () => {
  it('offers the groups and users of the workspace for an owner, groups without a kind prefix', () => {
    assert.deepEqual(complete(lines(...HEAD, '  owner: |')).sort(), ['team-a', 'user:jdoe']);
  });

  it('offers components and resources in dependsOn, with their namespace when it differs', () => {
    assert.deepEqual(complete(lines(...HEAD, '  owner: team-a', '  dependsOn:', '    - |')).sort(), ['payments', 'resource:data/orders-db']);
    assert.deepEqual(complete(lines(...HEAD, '  owner: team-a', '  dependsOn: [pay|]')).sort(), ['payments', 'resource:data/orders-db']);
  });

  it('offers nothing outside reference fields', () => {
    assert.deepEqual(complete(lines(...HEAD.slice(0, 4), '  type: serv|')), []);
  });
});
