import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:'];

ruleTests('audit-log', {
  valid: [
    { name: 'restricted with an audit log', manifest: lines(...head, '  db: { classification: restricted, auditLog: true }') },
    { name: 'confidential data without pii needs none', manifest: lines(...head, '  db: { classification: confidential }') },
  ],
  invalid: [
    {
      name: 'pii without audit log',
      manifest: lines(...head, '  users:', '    pii: true', '', '  # next store', '  other: { engine: redis }'),
      findings: [{ text: 'users', message: /personal data without auditLog/ }],
      fixed: lines(...head, '  users:', '    pii: true', '    auditLog: true', '', '  # next store', '  other: { engine: redis }'),
    },
    {
      name: 'restricted with auditLog: false',
      manifest: lines(...head, '  vault: { classification: restricted, auditLog: false }'),
      findings: [{ text: 'false', message: /'vault' holds restricted data without auditLog: true/ }],
      fixed: lines(...head, '  vault: { classification: restricted, auditLog: true }'),
    },
  ],
});
