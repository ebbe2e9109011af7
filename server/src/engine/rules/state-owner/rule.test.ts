import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:', '  checkout: { kind: service, dependsOn: [{ target: orders-db, timeout: 1s }] }', '  report: { kind: job, dependsOn: [{ target: orders-db, access: read, timeout: 1s }] }', 'datastores:'];

ruleTests('state-owner', {
  valid: [
    { name: 'an owner that uses its datastore', manifest: lines(...head, '  orders-db: { engine: postgresql, owner: checkout }') },
    { name: 'an owner that names nothing is left to unknown-reference', manifest: lines(...head, '  orders-db: { engine: postgresql, owner: chekout }') },
    {
      name: 'an owner that cannot be read (no kind) depends on what it says: no false advice to add the dependency',
      manifest: lines('archframe: 1', 'system: shop', 'components:', '  api:', '    dependsOn: [{ target: orders-db, timeout: 1s }]', 'datastores:', '  orders-db: { engine: postgresql, owner: api }'),
    },
  ],
  invalid: [
    {
      name: 'no owner, one writer among two users: the fix names it',
      manifest: lines(...head, '  orders-db:', '    engine: postgresql # primary', '    consistency: strong'),
      findings: [{ text: 'orders-db', message: /^Datastore 'orders-db' has no owner: nobody is answerable for its schema, its migrations and its consistency\. 'checkout' is the only component that writes it\.$/ }],
      fixed: lines(...head, '  orders-db:', '    engine: postgresql # primary', '    consistency: strong', '    owner: checkout'),
    },
    {
      name: 'no owner and nobody obvious',
      manifest: lines('archframe: 1', 'system: s', 'components:', '  a: { kind: service, dependsOn: [db] }', '  b: { kind: service, dependsOn: [db] }', 'datastores:', '  db: {}'),
      findings: [{ text: 'db', line: 7, message: /has no owner: .* It is used by 'a', 'b'\.$/ }],
    },
    {
      name: 'an owner that does not depend on its datastore',
      files: {
        'architecture.yaml': lines(...head, '  orders-db: { engine: postgresql, owner: billing }'),
        'billing.arch.yaml': lines('archframe: 1', 'system: billing', 'components:', '  billing: { kind: service }'),
      },
      findings: [{ text: 'billing', message: /^'billing' owns 'orders-db' but does not depend on it: an owner that neither reads nor writes its state cannot guard it\./ }],
    },
  ],
});
