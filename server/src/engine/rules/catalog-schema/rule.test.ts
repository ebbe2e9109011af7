import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const COMPONENT = ['apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata:', '  name: orders', '  description: Takes orders'];

ruleTests('catalog-schema', {
  valid: [
    {
      name: 'a component, an API, a group and a system with the fields of their kinds',
      files: {
        'catalog-info.yaml': lines(
          ...COMPONENT,
          '  annotations: { github.com/project-slug: acme/orders }',
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: team-a',
          '  providesApis: [orders-api]',
          '---',
          'apiVersion: backstage.io/v1alpha1',
          'kind: API',
          'metadata: { name: orders-api }',
          'spec: { type: openapi, lifecycle: production, owner: team-a, definition: "openapi: 3.0.0" }',
          '---',
          'apiVersion: backstage.io/v1alpha1',
          'kind: Group',
          'metadata: { name: team-a }',
          'spec: { type: team, children: [] }',
        ),
      },
    },
    {
      name: 'ordinary YAML beside a catalog is not a catalog',
      files: { 'deploy/values.yaml': lines('kind: Compnent', 'spec: { whatever: 1 }') },
    },
  ],
  invalid: [
    {
      name: 'an unknown kind, with a did-you-mean fix',
      files: { 'catalog-info.yaml': lines('apiVersion: backstage.io/v1alpha1', 'kind: Compnent', 'metadata: { name: orders }') },
      findings: [{ text: 'Compnent', message: /^'Compnent' is not a kind of entity Backstage knows\. Did you mean 'Component'\?$/ }],
      fixed: lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: orders }'),
    },
    {
      name: 'a misspelt spec field, with a did-you-mean fix',
      files: { 'catalog-info.yaml': lines(...COMPONENT, 'spec:', '  type: service', '  lifecyle: production', '  owner: team-a') },
      findings: [{ text: 'lifecyle', message: /^'lifecyle' does not belong to a Component's spec\. Did you mean 'lifecycle'\?$/ }],
      fixed: lines(...COMPONENT, 'spec:', '  type: service', '  lifecycle: production', '  owner: team-a'),
    },
    {
      name: 'a spec field of another kind, and the required fields missing',
      files: { 'catalog-info.yaml': lines(...COMPONENT, 'spec:', '  type: service', '  definition: x') },
      findings: [
        { text: 'definition', message: /^'definition' does not belong to a Component's spec \(it belongs to API\)\./ },
        { text: 'spec', message: /^Component 'orders' needs `spec\.lifecycle`, `spec\.owner`\.$/ },
      ],
    },
    {
      name: 'a metadata field misspelt, an invalid name, a list written as one reference',
      files: {
        'catalog-info.yaml': lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata:', '  name: orders service', '  descripton: x', 'spec: { type: service, lifecycle: production, owner: team-a, dependsOn: resource:db }'),
      },
      findings: [
        { text: 'orders service', message: /is not a valid entity name/ },
        { text: 'descripton', message: /Did you mean 'description'\?/ },
        { text: 'resource:db', message: /^`dependsOn` is a list of entity references: write it as `\[resource:db\]`/ },
      ],
    },
    {
      name: 'a document without kind, in a file of entities',
      files: { 'catalog-info.yaml': lines('apiVersion: backstage.io/v1alpha1', 'metadata: { name: orders }') },
      findings: [{ text: 'apiVersion', message: /^An entity needs a `kind`/ }],
    },
  ],
});
