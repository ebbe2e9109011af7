import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:'];

ruleTests('recovery-objectives', {
  valid: [
    { name: 'both objectives', manifest: lines(...head, '  db: { rpo: 15m, rto: 1h }') },
    { name: 'invalid objectives are the schema\'s finding, not missing ones', manifest: lines(...head, '  db: { rpo: 1 hour, rto: -5m }') },
  ],
  invalid: [
    { name: 'rto only', manifest: lines(...head, '  db: { rto: 1h }'), findings: [{ text: 'db', message: /has no rpo:/ }] },
    { name: 'neither', manifest: lines(...head, '  db:', '    engine: postgresql'), findings: [{ text: 'db', message: /no rpo and no rto/ }] },
  ],
});
