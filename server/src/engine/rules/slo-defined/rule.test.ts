import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('slo-defined', {
  valid: [
    { name: 'an internal service with an slo', manifest: lines(...head, '  api:', '    kind: service', '    exposure: internal', '    slo: { availability: 99.9 }') },
    { name: 'a private service needs none', manifest: lines(...head, '  api:', '    kind: service', '    exposure: private') },
    { name: 'a public frontend is not a service', manifest: lines(...head, '  web:', '    kind: frontend', '    exposure: public') },
  ],
  invalid: [
    { name: 'a public gateway without slo', manifest: lines(...head, '  edge:', '    kind: gateway', '    exposure: public'), findings: [{ text: 'edge', message: /public gateway 'edge' has no slo/ }] },
  ],
});
