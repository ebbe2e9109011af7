import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const layered = (...components: string[]) => lines('archframe: 1', 'system: shop', 'style: layered', 'components:', ...components);

ruleTests('layer-direction', {
  valid: [
    { name: 'downward and same-layer dependencies', manifest: layered('  web: { kind: frontend, layer: presentation, dependsOn: [api] }', '  api: { kind: service, layer: application, dependsOn: [jobs, db-adapter] }', '  jobs: { kind: worker, layer: application }', '  db-adapter: { kind: library, layer: infrastructure }') },
    { name: 'components without a layer are not judged', manifest: layered('  api: { kind: service, dependsOn: [web] }', '  web: { kind: frontend, layer: presentation }') },
    {
      name: 'declared layers replace the style\'s defaults',
      manifest: lines('archframe: 1', 'system: shop', 'style: layered', 'layers: [api, core]', 'components:', '  a: { kind: service, layer: api, dependsOn: [b] }', '  b: { kind: service, layer: core }'),
    },
  ],
  invalid: [
    {
      name: 'domain depending on application, with the default layers of the layered style',
      manifest: layered('  checkout: { kind: service, layer: application }', '  payments: { kind: service, layer: domain, dependsOn: [{ target: checkout, via: http }] }'),
      findings: [
        {
          text: 'checkout',
          line: 6,
          message: /^'payments' \(layer domain\) depends on 'checkout' \(layer application\), a layer above its own: dependencies only point down \(presentation → application → domain → infrastructure\)\./,
        },
      ],
    },
    {
      name: 'a declared order is what counts',
      manifest: lines('archframe: 1', 'system: shop', 'layers: [edge, logic, data]', 'components:', '  store: { kind: service, layer: data, dependsOn: [rules] }', '  rules: { kind: service, layer: logic }'),
      findings: [{ text: 'rules', line: 5, message: /\(edge → logic → data\)/ }],
    },
    {
      name: 'layers declared in architecture.yaml apply to the components of billing.arch.yaml',
      files: {
        'architecture.yaml': lines('archframe: 1', 'system: shop', 'layers: [edge, logic, data]'),
        'billing.arch.yaml': lines('archframe: 1', 'system: shop', 'components:', '  store: { kind: service, layer: data, dependsOn: [rules] }', '  rules: { kind: service, layer: logic }'),
      },
      findings: [{ file: 'billing.arch.yaml', text: 'rules', line: 4, message: /\(edge → logic → data\)/ }],
    },
  ],
});
