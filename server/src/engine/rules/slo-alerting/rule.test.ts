import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('slo-alerting', {
  valid: [
    { name: 'burn-rate alerts on the slo', manifest: lines(...head, '  api:', '    kind: service', '    observability: { alerts: burn-rate }', '    slo: { availability: 99.9 }') },
    { name: 'no slo, no alert needed', manifest: lines(...head, '  api:', '    kind: service') },
  ],
  invalid: [
    { name: 'an slo without alerts', manifest: lines(...head, '  api:', '    kind: service', '    slo: { availability: 99.9 }'), findings: [{ text: 'slo', message: /'api' has an slo but no observability\.alerts/, severity: 'info' }] },
    { name: 'alerts: none', manifest: lines(...head, '  api:', '    kind: service', '    observability: { alerts: none }', '    slo: { availability: 99.9 }'), findings: [{ text: 'none', message: /alerts: none/ }] },
  ],
});
