import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('health-check', {
  valid: [
    { name: 'a service with a health check', manifest: lines(...head, '  api:', '    kind: service', '    observability: { healthCheck: /healthz }') },
    { name: 'a worker needs none', manifest: lines(...head, '  mailer:', '    kind: worker') },
  ],
  invalid: [
    {
      name: 'a service with observability but no health check',
      manifest: lines(...head, '  api:', '    kind: service', '    observability: { logs: structured } # keep', '    replicas: 2'),
      findings: [{ text: 'api', message: /no observability\.healthCheck/ }],
      fixed: lines(...head, '  api:', '    kind: service', '    observability: { logs: structured, healthCheck: /healthz } # keep', '    replicas: 2'),
    },
    {
      name: 'a gateway without observability',
      manifest: lines(...head, '  edge:', '    kind: gateway'),
      findings: [{ text: 'edge', message: /gateway 'edge' has no observability\.healthCheck/ }],
      fixed: lines(...head, '  edge:', '    kind: gateway', '    observability: { healthCheck: /healthz }'),
    },
  ],
});
