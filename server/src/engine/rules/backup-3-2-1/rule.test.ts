import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:'];

ruleTests('backup-3-2-1', {
  valid: [
    { name: 'three copies, two media, one offsite', manifest: lines(...head, '  db:', '    backup: { copies: 3, media: 2, offsite: 1 }') },
    { name: 'replication without backup is not flagged', manifest: lines(...head, '  cache:', '    replication: { topology: single-leader, replicas: 2 }') },
  ],
  invalid: [
    { name: 'two copies on one medium', manifest: lines(...head, '  db:', '    backup: { copies: 2, media: 1, offsite: 1 }'), findings: [{ text: 'backup', message: /2 of 3 copies, 1 of 2 media\.$/ }] },
    { name: 'no backup, no replication', manifest: lines(...head, '  db: { engine: postgresql }'), findings: [{ text: 'db', message: /neither backup nor replication/ }] },
  ],
});
