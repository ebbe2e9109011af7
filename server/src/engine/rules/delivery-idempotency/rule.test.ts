import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'channels:', '  order-events: { kind: topic, delivery: at-least-once, deadLetter: dlq }', '  dlq: { kind: queue }', '  payments: { kind: stream, delivery: exactly-once }', 'components:'];

ruleTests('delivery-idempotency', {
  valid: [
    { name: 'an idempotent consumer', manifest: lines(...head, '  mailer: { kind: worker, dependsOn: [{ target: order-events, via: event, access: read, idempotent: true }] }') },
    { name: 'a producer of an at-least-once channel', manifest: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: order-events, via: event, access: write }] }') },
    {
      name: 'an exactly-once channel with an outbox',
      manifest: lines('archframe: 1', 'system: s', 'channels:', '  payments: { kind: stream, delivery: exactly-once, outbox: true }', 'components:', '  checkout: { kind: service, dependsOn: [{ target: payments, access: write }] }'),
    },
  ],
  invalid: [
    {
      name: 'a consumer that is not idempotent',
      manifest: lines(...head, '  mailer: { kind: worker, dependsOn: [{ target: order-events, via: event, access: read }] }'),
      findings: [{ text: 'order-events', line: 8, message: /^'mailer' consumes 'order-events', which delivers at least once, but its handling is not declared idempotent: a redelivered message is processed twice\./ }],
    },
    {
      name: 'exactly-once without an outbox, reported on the channel',
      manifest: lines(...head, '  checkout: { kind: service, dependsOn: [{ target: payments, access: write }] }'),
      findings: [{ text: 'exactly-once', message: /^'payments' promises exactly-once delivery, but its producers \('checkout'\) do not publish through a transactional outbox:/ }],
    },
  ],
});
