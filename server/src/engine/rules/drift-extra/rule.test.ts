import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const CONFIG = lines('sources:', '  - k8s/');
const K8S = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: api }', 'spec:', '  replicas: 2', '  template: { spec: { containers: [{ name: api, image: acme/api }] } }');
const HEAD = ['archframe: 1', 'system: shop'];

ruleTests('drift-extra', {
  valid: [
    {
      name: 'every component has a workload',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api: { kind: worker, replicas: 2 }'), '.archframe.yaml': CONFIG, 'k8s/api.yaml': K8S },
    },
  ],
  invalid: [
    {
      name: 'a component no source describes, removed by the fix',
      files: { 'architecture.yaml': lines(...HEAD, 'components:', '  api:', '    kind: worker', '  legacy-billing:', '    kind: service', '    replicas: 1'), '.archframe.yaml': CONFIG, 'k8s/api.yaml': K8S },
      findings: [{ text: 'legacy-billing', message: /^'legacy-billing' is in the manifest but in none of the sources \(k8s\/api\.yaml\)/ }],
      fixed: lines(...HEAD, 'components:', '  api:', '    kind: worker'),
    },
  ],
});
