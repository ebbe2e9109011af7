import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const manifest = (oncall: string) => lines('archframe: 1', 'system: shop', 'teams:', `  checkout: { ${oncall} }`, 'components:', '  api:', '    kind: service', '    owner: checkout', '    slo: { availability: 99.9 }');

ruleTests('on-call', {
  valid: [{ name: 'a named rotation', manifest: manifest('oncall: checkout-primary') }, { name: 'oncall: true', manifest: manifest('oncall: true') }],
  invalid: [
    { name: 'no rotation', manifest: manifest('type: stream-aligned'), findings: [{ text: 'checkout', line: 8, severity: 'info', message: /team 'checkout' has no on-call rotation/ }] },
    { name: 'oncall: false', manifest: manifest('oncall: false'), findings: [{ text: 'checkout', message: /its team 'checkout' has no on-call rotation/, line: 8 }] },
  ],
});
