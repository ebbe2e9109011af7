import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('observability-pillars', {
  valid: [
    { name: 'a service with all three pillars', manifest: lines(...head, '  api:', '    kind: service', '    observability: { logs: structured, metrics: red, traces: true }') },
    { name: 'a library needs none', manifest: lines(...head, '  money:', '    kind: library') },
  ],
  invalid: [
    {
      name: 'a worker without traces and with metrics none',
      manifest: lines(...head, '  mailer:', '    kind: worker', '    observability: { logs: structured, metrics: none }'),
      findings: [{ text: 'observability', message: /has no metrics, no traces/, severity: 'warning' }],
    },
    { name: 'a gateway with no observability at all', manifest: lines(...head, '  edge:', '    kind: gateway'), findings: [{ text: 'edge', message: /no logs, no metrics, no traces/ }] },
  ],
});
