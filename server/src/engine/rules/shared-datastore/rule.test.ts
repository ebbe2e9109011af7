import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:', '  orders-db: { owner: checkout }', 'components:'];

ruleTests('shared-datastore', {
  valid: [
    {
      name: 'the owner writes, the others only read',
      manifest: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: orders-db, timeout: 1s }] }', '  report: { kind: job, dependsOn: [{ target: orders-db, access: read, timeout: 1s }] }'),
    },
    {
      name: 'one component writing through two dependencies',
      manifest: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: orders-db, access: write }, { target: orders-db, access: read-write }] }'),
    },
  ],
  invalid: [
    {
      name: 'a second writer, by default access, in a block item',
      manifest: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: orders-db, access: write }] }', '  inventory:', '    kind: service', '    dependsOn:', '      - target: orders-db', '        timeout: 100ms'),
      findings: [
        {
          text: 'orders-db',
          line: 10,
          message: /^'inventory' writes 'orders-db' \(access read-write by default\), and so does 'checkout': shared mutable state couples them through the schema and races their writes\. Let the owner 'checkout' be the only writer; the others call it or only read\.$/,
        },
      ],
      fixed: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: orders-db, access: write }] }', '  inventory:', '    kind: service', '    dependsOn:', '      - target: orders-db', '        timeout: 100ms', '        access: read'),
    },
    {
      name: 'without an owner every writer is reported; a bare item becomes a map',
      manifest: lines('archframe: 1', 'system: shop', 'datastores:', '  cache: {}', 'components:', '  a: { kind: service, dependsOn: [cache] }', '  b: { kind: service, dependsOn: [{ target: cache, access: write }] }'),
      findings: [
        { text: 'cache', line: 6, message: /and so does 'b':.*Give 'cache' one owner that alone writes it/ },
        { text: 'write', line: 7, message: /^'b' writes 'cache' \(access: write\), and so does 'a'/ },
      ],
      fixed: lines('archframe: 1', 'system: shop', 'datastores:', '  cache: {}', 'components:', '  a: { kind: service, dependsOn: [{ target: cache, access: read }] }', '  b: { kind: service, dependsOn: [{ target: cache, access: write }] }'),
    },
  ],
});
