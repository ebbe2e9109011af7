import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'teams:', '  checkout: {}', '  platform: {}', 'components:'];

ruleTests('single-owner', {
  valid: [
    { name: 'an owned component', manifest: lines(...head, '  api:', '    kind: service', '    owner: checkout') },
    { name: 'an unknown owner is unknown-reference\'s concern', manifest: lines(...head, '  api:', '    kind: service', '    owner: nobody') },
    { name: 'an owner of the wrong type is the schema\'s finding, not a missing owner', manifest: lines(...head, '  api:', '    kind: service', '    owner: [checkout, platform]') },
  ],
  invalid: [
    {
      name: 'no owner: one fix per team',
      manifest: lines(...head, '  api:', '    kind: service', '    # the public API', '    replicas: 2'),
      findings: [{ text: 'api', severity: 'error', message: /\(checkout, platform\)/ }],
      fixTitle: /platform/,
      fixed: lines(...head, '  api:', '    kind: service', '    # the public API', '    replicas: 2', '    owner: platform'),
    },
    {
      name: 'a flow-style component',
      manifest: lines(...head, '  api: { kind: service }'),
      findings: [{ text: 'api', message: /'api' has no owner: .* name one team \(checkout, platform\)/ }],
      fixed: lines(...head, '  api: { kind: service, owner: checkout }'),
    },
  ],
});
