import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const orders = lines('archframe: 1', 'system: orders', 'teams:', '  core: {}', 'components:', '  api: { kind: service }');

ruleTests('duplicate-name', {
  valid: [
    { name: 'distinct names across two manifests', files: { 'orders.arch.yaml': orders, 'pay.arch.yaml': lines('archframe: 1', 'system: pay', 'components:', '  pay-api: { kind: service }') } },
    { name: 'a team may share a name with a component', files: { 'orders.arch.yaml': orders, 'pay.arch.yaml': lines('archframe: 1', 'system: pay', 'teams:', '  api: {}') } },
  ],
  invalid: [
    {
      name: 'a datastore reusing a component name in another manifest',
      files: { 'orders.arch.yaml': orders, 'pay.arch.yaml': lines('archframe: 1', 'system: pay', 'datastores:', '  api: { engine: postgresql }') },
      findings: [{ text: 'api', file: 'pay.arch.yaml', message: /already defined in orders\.arch\.yaml/ }],
    },
    {
      name: 'a team defined in two manifests',
      files: { 'orders.arch.yaml': orders, 'pay.arch.yaml': lines('archframe: 1', 'system: pay', 'teams:', '  core: {}') },
      findings: [{ text: 'core', message: /'core' is already defined in orders\.arch\.yaml \(as one of the teams\)/, file: 'pay.arch.yaml' }],
    },
  ],
});
