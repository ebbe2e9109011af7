import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'components:',
  '  api-gateway:',
  '    kind: gateway',
  '    dependsOn:',
  '      - { target: catalog, via: http, timeout: 300ms }',
  '      - { target: orders-db, via: database, timeout: 100ms }',
  '  catalog: { kind: service, runbook: docs/runbooks/catalogue-service.md }',
  '  search-index: { kind: service }',
  'datastores:',
  '  orders-db: { owner: api-gateway }',
);

function runbook(title: string, ...dependencies: string[]): string {
  return lines(`# ${title}`, '', '## Overview', '', 'Entry point.', '', '## Dependencies', '', ...dependencies, '', '## Common Issues', '', 'None yet.');
}

ruleTests('runbook-drift', {
  valid: [
    {
      name: 'every dependency listed, in several styles (plain, link, code, label, a name inside the text)',
      files: { 'docs/runbooks/api-gateway.md': runbook('API Gateway: Runbook', '- [catalog](catalog.md) (HTTP)', '- Database: Orders DB (`orders-db`, PostgreSQL)'), 'architecture.yaml': MANIFEST },
    },
    {
      name: 'external services and things named in prose are not drift',
      files: { 'docs/runbooks/api-gateway.md': runbook('API Gateway: Runbook', '- catalog', '- orders-db', '- External: Stripe API', '- The identity provider (Okta)'), 'architecture.yaml': MANIFEST },
    },
    {
      name: 'a runbook that names no component of the manifest',
      files: { 'docs/runbooks/billing.md': runbook('Billing: Runbook', '- ledger-db'), 'architecture.yaml': MANIFEST },
    },
    {
      name: 'matched by the component\'s runbook path: catalog has no dependencies',
      files: { 'docs/runbooks/catalogue-service.md': runbook('Catalogue service', 'None.'), 'architecture.yaml': MANIFEST },
    },
  ],
  invalid: [
    {
      name: 'a listed dependency that the manifest does not declare (matched by title)',
      files: { 'docs/runbooks/api-gateway.md': runbook('API Gateway: Runbook', '- catalog (HTTP, 300 ms timeout)', '- orders-db', '- search-index (HTTP)'), 'architecture.yaml': MANIFEST },
      findings: [{ text: 'search-index', message: /lists 'search-index' as a dependency of api-gateway, but the manifest's dependsOn does not have it/, severity: 'info' }],
      fixed: runbook('API Gateway: Runbook', '- catalog (HTTP, 300 ms timeout)', '- orders-db'),
    },
    {
      name: 'a declared dependency that the runbook leaves out, added from the manifest',
      files: { 'docs/runbooks/api-gateway.md': runbook('API Gateway: Runbook', '- catalog (HTTP)'), 'architecture.yaml': MANIFEST },
      findings: [{ text: 'Dependencies', message: /leaves out 'orders-db', which api-gateway depends on in the manifest \(orders-db \(database, 100ms timeout\)\)/ }],
      fixed: runbook('API Gateway: Runbook', '- catalog (HTTP)', '- orders-db (database, 100ms timeout)'),
    },
    {
      name: 'matched by the runbook path: an unknown name listed, a declared one left out',
      files: { 'docs/runbooks/catalogue-service.md': runbook('Catalogue service', '- payments-api'), 'architecture.yaml': MANIFEST.replace('  catalog: { kind: service, runbook: docs/runbooks/catalogue-service.md }', '  catalog: { kind: service, runbook: docs/runbooks/catalogue-service.md, dependsOn: [search-index] }') },
      findings: [
        { text: 'payments-api', message: /no element of that name/ },
        { text: 'Dependencies', message: /leaves out 'search-index'/ },
      ],
    },
  ],
});
