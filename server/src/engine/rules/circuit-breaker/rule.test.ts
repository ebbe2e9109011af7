import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'components:', '  payments: { kind: service }'];

ruleTests('circuit-breaker', {
  valid: [
    { name: 'a breaker', manifest: lines(...head, '  checkout: { kind: service, slo: { availability: 99.9 }, dependsOn: [{ target: payments, timeout: 1s, circuitBreaker: { failureThreshold: 5 } }] }') },
    { name: 'a fallback', manifest: lines(...head, '  checkout: { kind: service, slo: { availability: 99.9 }, dependsOn: [{ target: payments, timeout: 1s, fallback: queue the charge }] }') },
    { name: 'no SLO, no promise to protect', manifest: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: payments, timeout: 1s }] }') },
    {
      name: 'datastores and events are not judged',
      manifest: lines(...head, '  checkout: { kind: service, slo: { availability: 99.9 }, dependsOn: [{ target: db, timeout: 1s }, { target: payments, via: event }] }', 'datastores:', '  db: { owner: checkout }'),
    },
  ],
  invalid: [
    {
      name: 'an unprotected call in a block item',
      manifest: lines(...head, '  checkout:', '    kind: service', '    slo: { availability: 99.9 }', '    dependsOn:', '      - target: payments', '        timeout: 1s'),
      findings: [{ text: 'payments', line: 9, message: /^'checkout' has an SLO but calls 'payments' with neither a circuitBreaker nor a fallback:/ }],
      fixed: lines(...head, '  checkout:', '    kind: service', '    slo: { availability: 99.9 }', '    dependsOn:', '      - target: payments', '        timeout: 1s', '        circuitBreaker: { failureThreshold: 5, resetTimeout: 30s }'),
    },
    {
      name: 'a bare item becomes a map with the breaker',
      manifest: lines(...head, '  checkout:', '    kind: service', '    slo: { latencyP99: 1s }', '    dependsOn: [payments]'),
      findings: [{ text: 'payments', message: /'checkout' has an SLO but calls 'payments' with neither a circuitBreaker nor a fallback/, line: 8 }],
      fixed: lines(...head, '  checkout:', '    kind: service', '    slo: { latencyP99: 1s }', '    dependsOn: [{ target: payments, circuitBreaker: { failureThreshold: 5, resetTimeout: 30s } }]'),
    },
  ],
});
