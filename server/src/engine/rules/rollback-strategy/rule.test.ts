import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const component = (deployment: string, availability: string) => lines('archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', `    deployment: ${deployment}`, `    slo: { availability: ${availability} }`);

ruleTests('rollback-strategy', {
  valid: [
    { name: 'rolling deployment at 99.95', manifest: component('rolling', '99.95') },
    { name: 'recreate is fine below 99.9', manifest: component('recreate', '99.5') },
  ],
  invalid: [{ name: 'recreate at 99.9', manifest: component('recreate', '"99.9%"'), findings: [{ text: 'recreate', message: /promises 99\.9 % but deploys with recreate/ }] }],
});
