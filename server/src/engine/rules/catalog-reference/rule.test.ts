import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const GROUPS = lines('apiVersion: backstage.io/v1alpha1', 'kind: Group', 'metadata: { name: team-a }', 'spec: { type: team, children: [] }', '---', 'apiVersion: backstage.io/v1alpha1', 'kind: System', 'metadata: { name: shop }', 'spec: { owner: team-a }');
const component = (...spec: string[]) => lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: orders }', 'spec:', '  type: service', '  lifecycle: production', ...spec);

ruleTests('catalog-reference', {
  valid: [
    {
      name: 'references in every form, across files',
      files: {
        'catalog-info.yaml': component('  owner: group:default/team-a', '  system: shop', '  dependsOn: [resource:orders-db, component:default/payments]', '  consumesApis: [payments-api]'),
        'org/groups.yaml': GROUPS,
        'payments/catalog-info.yaml': lines(
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata: { name: payments }',
          'spec: { type: service, lifecycle: production, owner: team-a, providesApis: [api:payments-api] }',
          '---',
          'apiVersion: backstage.io/v1alpha1',
          'kind: API',
          'metadata: { name: payments-api }',
          'spec: { type: openapi, lifecycle: production, owner: team-a, definition: x }',
          '---',
          'apiVersion: backstage.io/v1alpha1',
          'kind: Resource',
          'metadata: { name: orders-db }',
          'spec: { type: database, owner: team-a, system: shop }',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'an owner that names no group, with a did-you-mean fix',
      files: { 'catalog-info.yaml': component('  owner: team-b', '  system: shop'), 'org/groups.yaml': GROUPS },
      findings: [{ text: 'team-b', message: /^'team-b' names no Group in the workspace's catalogs\. Did you mean 'team-a'\?$/ }],
      fixed: component('  owner: team-a', '  system: shop'),
    },
    {
      name: 'a system, an API and a partOf relation that name nothing; a reference of the wrong kind',
      files: {
        'catalog-info.yaml': lines(
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata: { name: orders }',
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: component:payments',
          '  system: shopp',
          '  consumesApis:',
          '    - billing-api',
          'relations:',
          '  - { type: partOf, targetRef: "system:default/warehouse" }',
        ),
        'org/groups.yaml': GROUPS,
      },
      findings: [
        { text: 'component:payments', message: /^`owner` names Component 'payments'; it takes a Group or User\.$/ },
        { text: 'shopp', message: /Did you mean 'shop'\?/ },
        { text: 'billing-api', message: /^'billing-api' names no API in the workspace's catalogs\.$/ },
        { text: '"system:default/warehouse"', message: /names no System/ },
      ],
    },
  ],
});
