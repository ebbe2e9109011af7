import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:'];

ruleTests('encryption-at-rest', {
  valid: [
    { name: 'confidential and encrypted', manifest: lines(...head, '  db:', '    classification: confidential', '    encryption: { atRest: true }') },
    { name: 'internal data need not be', manifest: lines(...head, '  db:', '    classification: internal') },
  ],
  invalid: [
    {
      name: 'pii without encryption',
      manifest: lines(...head, '  users:', '    engine: postgresql', '    pii: true  # names and addresses'),
      findings: [{ text: 'users', severity: 'error', message: /personal data/ }],
      fixed: lines(...head, '  users:', '    engine: postgresql', '    pii: true  # names and addresses', '    encryption: { atRest: true }'),
    },
    {
      name: 'restricted with an encryption map but atRest false',
      manifest: lines(...head, '  vault:', '    classification: restricted', '    encryption:', '      algorithm: aes-256-gcm', '      atRest: false'),
      findings: [{ text: 'false', message: /restricted data/ }],
      fixed: lines(...head, '  vault:', '    classification: restricted', '    encryption:', '      algorithm: aes-256-gcm', '      atRest: true'),
    },
    {
      name: 'an encryption map without atRest gets the key inside it',
      manifest: lines(...head, '  vault: { classification: confidential, encryption: { algorithm: aes-256-gcm } }'),
      findings: [{ text: 'vault', message: /'vault' holds confidential data without encryption\.atRest: true/ }],
      fixed: lines(...head, '  vault: { classification: confidential, encryption: { algorithm: aes-256-gcm, atRest: true } }'),
    },
  ],
});
