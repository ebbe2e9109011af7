import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const CONFIG = lines('sources: [deploy]');
const COMPOSE = lines('services:', '  api:', '    image: acme/api', '    ports: ["8080:80"]', '    depends_on: [db]', '  db:', '    image: postgres:16');
const HEAD = ['archframe: 1', 'system: shop'];

ruleTests('drift-missing', {
  valid: [
    {
      name: 'the manifest has every element of the sources',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api: { kind: service, dependsOn: [db] }', 'datastores:', '  db: { engine: postgresql }'), '.archframe.yaml': CONFIG, 'deploy/compose.yaml': COMPOSE },
    },
    {
      name: 'no sources configured: no drift, whatever the YAML beside the manifest',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  web: { kind: frontend }'), 'deploy/compose.yaml': COMPOSE },
    },
  ],
  invalid: [
    {
      name: 'a datastore of a Compose file that the manifest lacks, added by the fix',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api: { kind: service, dependsOn: [db] }', 'datastores:', '  other: { engine: redis }'), '.archframe.yaml': CONFIG, 'deploy/compose.yaml': COMPOSE },
      findings: [{ text: 'datastores', message: /^'db' is a datastore in deploy\/compose\.yaml:6, and not in the manifest\.$/ }],
      fixed: lines(...HEAD, 'components:', '  api: { kind: service, dependsOn: [db] }', 'datastores:', '  other: { engine: redis }', '  db: { engine: postgresql, owner: api }'),
    },
    {
      name: 'a component and a team of a Backstage catalog, a section the manifest does not have yet',
      files: {
        'architecture.yaml': lines(...HEAD, 'components:', '  orders: { kind: service, owner: shop-team }'),
        '.archframe.yaml': lines('sources: catalog-info.yaml'),
        'catalog-info.yaml': lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: orders }', 'spec: { type: service, lifecycle: production, owner: shop-team }'),
      },
      findings: [{ text: 'system', message: /^'shop-team' is a team in catalog-info\.yaml:3 \(as the owner of 'orders'\), and not in the manifest\./ }],
      fixed: lines(...HEAD, 'components:', '  orders: { kind: service, owner: shop-team }', 'teams: { shop-team: {} }'),
    },
  ],
});
