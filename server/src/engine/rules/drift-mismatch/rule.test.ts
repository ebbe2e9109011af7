import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const CONFIG = lines('sources: [compose.yaml]');
const COMPOSE = lines('services:', '  api:', '    image: acme/api', '    deploy: { replicas: 3 }', '    depends_on: [db, search]', '  search:', '    image: acme/search', '    expose: ["9200"]', '  db:', '    image: postgres:16', '  auth:', '    image: acme/auth', '    expose: ["80"]');
const HEAD = ['archframe: 1', 'system: shop'];
const TAIL = ['  search: { kind: service }', '  auth: { kind: service }', 'datastores:', '  db: { engine: postgresql, owner: api }'];

ruleTests('drift-mismatch', {
  valid: [
    {
      name: 'replicas and dependencies as the sources say (other dependencies are the manifest\'s own)',
      files: {
        'architecture.yaml': lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 3', '    dependsOn: [db, search, payments-provider]', '  payments-provider: { kind: service }', ...TAIL),
        '.archframe.yaml': CONFIG,
        'compose.yaml': COMPOSE,
      },
    },
  ],
  invalid: [
    {
      name: 'other replicas: the fix sets the sources\' number',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 2', '    dependsOn: [db, search]', ...TAIL), '.archframe.yaml': CONFIG, 'compose.yaml': COMPOSE },
      findings: [{ text: '2', message: /^'api' runs 3 replicas in compose\.yaml:2; the manifest says 2\.$/ }],
      fixed: lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 3', '    dependsOn: [db, search]', ...TAIL),
    },
    {
      name: 'a dependency the sources have and the manifest lacks: the fix adds it',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 3', '    dependsOn:', '      - { target: db, via: database }', ...TAIL), '.archframe.yaml': CONFIG, 'compose.yaml': COMPOSE },
      findings: [{ text: 'dependsOn', message: /^'api' depends on 'search' in compose\.yaml:2; the manifest does not say so\.$/ }],
      fixed: lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 3', '    dependsOn:', '      - { target: db, via: database }', '      - search', ...TAIL),
    },
    {
      name: 'a dependency on an element of the sources that they do not have: the fix removes it',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 3', '    dependsOn: [db, search, auth]', ...TAIL), '.archframe.yaml': CONFIG, 'compose.yaml': COMPOSE },
      findings: [{ text: 'auth', line: 7, message: /^The manifest has 'api' depend on 'auth'; compose\.yaml:2 does not\.$/ }],
      fixed: lines(...HEAD, 'components:', '  api:', '    kind: service', '    replicas: 3', '    dependsOn: [db, search]', ...TAIL),
    },
  ],
});
