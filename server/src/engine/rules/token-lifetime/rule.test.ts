import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const service = (lifetime: string) => lines('archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', '    auth: jwt', `    tokenLifetime: ${lifetime}`);

ruleTests('token-lifetime', {
  valid: [{ name: 'one hour exactly', manifest: service('1h') }, { name: 'fifteen minutes', manifest: service('15m') }],
  invalid: [{ name: 'a day', manifest: service('1d'), findings: [{ text: '1d', message: /live 1d/ }] }, { name: 'just over an hour', manifest: service('61m'), findings: [{ text: '61m', message: /Tokens of 'api' live 61m/ }] }],
});
