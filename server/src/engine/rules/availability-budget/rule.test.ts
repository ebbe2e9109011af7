import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];
const callee = (name: string, availability: string) => [`  ${name}:`, '    kind: service', `    slo: { availability: ${availability} }`];

ruleTests('availability-budget', {
  valid: [
    {
      name: 'a fallback makes a dependency soft, asynchronous calls do not count',
      manifest: lines(...head, '  api:', '    kind: service', '    slo: { availability: 99.99 }', '    dependsOn:',
        '      - { target: a, via: http, fallback: cached prices }', '      - { target: b, via: queue, access: write }', '      - { target: db, via: database }',
        ...callee('a', '99'), ...callee('b', '90'), 'datastores:', '  db: { engine: postgresql }'),
    },
  ],
  invalid: [
    {
      name: 'the arithmetic of two hard dependencies',
      manifest: lines(...head, '  api:', '    kind: service', '    slo: { availability: 99.99 }', '    dependsOn:', '      - { target: a, via: http }', '      - b', ...callee('a', '99.9'), ...callee('b', '"99.95%"')),
      findings: [{ text: '99.99', message: /promises 99\.99 %, its hard dependencies give 99\.9 × 99\.95 = 99\.85 % \(a, b\)/ }],
    },
    {
      name: 'one hard dependency',
      manifest: lines(...head, '  api:', '    kind: service', '    slo: { availability: 99.95 }', '    dependsOn: [{ target: a, via: grpc }]', ...callee('a', '99.9')),
      findings: [{ text: '99.95', message: /promises 99\.95 %, its hard dependency a gives 99\.9 %/ }],
    },
  ],
});
