import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const component = (...fields: string[]) => lines('archframe: 1', 'system: shop', 'components:', '  api:', ...fields);

ruleTests('single-instance', {
  valid: [
    { name: 'two replicas', manifest: component('    kind: service', '    replicas: 2', '    slo: { availability: 99.95 }') },
    { name: 'a lower promise', manifest: component('    kind: service', '    slo: { availability: "99.5%" }') },
    { name: 'a worker is not judged', manifest: component('    kind: worker', '    slo: { availability: 99.99 }') },
  ],
  invalid: [
    {
      name: 'one replica behind 99.9 %',
      manifest: component('    kind: gateway', '    replicas: 1 # cost', '    slo: { availability: "99.9%" }'),
      findings: [{ text: '1', message: /^gateway 'api' promises 99\.9 % availability with 1 replica: every crash, deployment or node failure takes it down entirely\. Run at least 2 replicas\.$/ }],
      fixed: component('    kind: gateway', '    replicas: 2 # cost', '    slo: { availability: "99.9%" }'),
    },
    {
      name: 'no replicas declared',
      manifest: component('    kind: service', '    slo: { availability: 99.99 }'),
      findings: [{ text: 'api', message: /with no replicas declared \(one instance\)/ }],
      fixed: component('    kind: service', '    slo: { availability: 99.99 }', '    replicas: 2'),
    },
  ],
});
