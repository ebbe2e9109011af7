import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('structured-logs', {
  valid: [{ name: 'structured logs', manifest: lines(...head, '  api:', '    kind: service', '    observability: { logs: structured }') }],
  invalid: [
    {
      name: 'unstructured logs',
      manifest: lines(...head, '  api:', '    kind: service', '    observability:', '      logs: unstructured'),
      findings: [{ text: 'unstructured', message: /'api' writes unstructured logs/, severity: 'info' }],
      fixed: lines(...head, '  api:', '    kind: service', '    observability:', '      logs: structured'),
    },
  ],
});
