import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const call = (fields: string) =>
  lines('archframe: 1', 'system: shop', 'components:', '  payments: { kind: service }', '  checkout:', '    kind: service', '    dependsOn:', `      - { target: payments, timeout: 1s, retry: { attempts: 3, backoff: exponential, jitter: true }${fields} }`);

ruleTests('retry-idempotency', {
  valid: [
    { name: 'a retried write with an idempotency key', manifest: call(', access: write, idempotencyKey: true') },
    { name: 'a retried write declared idempotent', manifest: call(', access: write, idempotent: true') },
    { name: 'a retried read', manifest: call(', access: read') },
  ],
  invalid: [
    {
      name: 'a retried write',
      manifest: call(', access: write'),
      findings: [
        {
          text: 'retry',
          message: /^'checkout' retries a write not declared idempotent on 'payments' \(3 attempts\) without an idempotency key: when a response is lost, the retry performs the operation a second time\./,
        },
      ],
    },
    { name: 'a retried operation marked not idempotent', manifest: call(', idempotent: false'), findings: [{ text: 'retry', message: /retries an operation marked idempotent: false on 'payments'/ }] },
  ],
});
