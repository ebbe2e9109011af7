import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service'];

ruleTests('public-auth', {
  valid: [
    { name: 'public with oauth2', manifest: lines(...head, '    exposure: public', '    auth: oauth2') },
    { name: 'internal without auth is not this rule\'s concern', manifest: lines(...head, '    exposure: internal') },
  ],
  invalid: [
    {
      name: 'public without auth, one fix per method',
      manifest: lines(...head, '    exposure: public  # the storefront', '    replicas: 2'),
      findings: [{ text: 'public', message: /'api' is public and declares no auth/, severity: 'error' }],
      fixTitle: /jwt/,
      fixed: lines(...head, '    exposure: public  # the storefront', '    replicas: 2', '    auth: jwt'),
    },
    {
      name: 'public with auth: none',
      manifest: lines(...head, '    exposure: public', '    auth: none'),
      findings: [{ text: 'none', message: /with auth: none/ }],
      fixTitle: /mtls/,
      fixed: lines(...head, '    exposure: public', '    auth: mtls'),
    },
  ],
});
