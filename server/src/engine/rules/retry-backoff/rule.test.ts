import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const withRetry = (...retry: string[]) =>
  lines('archframe: 1', 'system: shop', 'components:', '  payments: { kind: service }', '  checkout:', '    kind: service', '    dependsOn:', '      - target: payments', '        timeout: 300ms', ...retry);

ruleTests('retry-backoff', {
  valid: [
    { name: 'exponential backoff with jitter', manifest: withRetry('        retry: { attempts: 3, backoff: exponential, jitter: true }') },
    { name: 'a single attempt needs no backoff', manifest: withRetry('        retry: { attempts: 1 }') },
  ],
  invalid: [
    {
      name: 'fixed backoff without jitter, in a block map',
      manifest: withRetry('        retry:', '          attempts: 5', '          backoff: fixed # for now'),
      findings: [
        {
          text: 'retry',
          message: /^'checkout' retries 'payments' 5 times with a fixed wait and no jitter: retries that do not back off keep hammering a service that is already struggling; without jitter, every caller retries at the same instants \(a thundering herd\)\.$/,
        },
      ],
      fixed: withRetry('        retry:', '          attempts: 5', '          backoff: exponential # for now', '          jitter: true'),
    },
    {
      name: 'exponential backoff without jitter, in a flow map',
      manifest: withRetry('        retry: { attempts: 3, backoff: exponential }'),
      findings: [{ text: 'retry', message: /with exponential backoff and no jitter: without jitter/ }],
      fixTitle: /^Set jitter: true$/,
      fixed: withRetry('        retry: { attempts: 3, backoff: exponential, jitter: true }'),
    },
  ],
});
