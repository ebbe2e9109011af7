import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:'];

ruleTests('transport-security', {
  valid: [
    { name: 'tls everywhere', manifest: lines(...head, '  api:', '    kind: service', '    tls: true', '    dependsOn: [{ target: b, via: http, tls: true }]', '  b: { kind: service }') },
    { name: 'an in-process library call has no transport', manifest: lines(...head, '  api:', '    kind: service', '    dependsOn: [{ target: b, via: library, tls: false }]', '  b: { kind: library }') },
  ],
  invalid: [
    {
      name: 'tls off on a component and on a call',
      manifest: lines(...head, '  api:', '    kind: service', '    tls: false', '    dependsOn: [{ target: b, via: grpc, tls: false }]', '  b: { kind: service }'),
      findings: [{ text: 'false', line: 6, message: /serves without TLS/ }, { text: 'false', line: 7, message: /calls 'b' over the network/ }],
    },
  ],
});
