import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const consumer = ['components:', '  mailer: { kind: worker, dependsOn: [{ target: order-events, via: event, access: read, idempotent: true }] }'];

ruleTests('dead-letter', {
  valid: [
    { name: 'a dead-letter queue, which itself needs none', manifest: lines('archframe: 1', 'system: s', 'channels:', '  order-events: { kind: topic, deadLetter: order-events-dlq }', '  order-events-dlq: { kind: queue }', ...consumer) },
    { name: 'a topic nobody consumes', manifest: lines('archframe: 1', 'system: s', 'channels:', '  order-events: { kind: topic }') },
    { name: 'streams are replayed, not dead-lettered', manifest: lines('archframe: 1', 'system: s', 'channels:', '  order-events: { kind: stream }', ...consumer) },
  ],
  invalid: [
    {
      name: 'a consumed topic without a dead letter: the fix defines the queue too',
      manifest: lines('archframe: 1', 'system: s', ...consumer, 'channels:', '  order-events:', '    kind: topic', '    technology: kafka', '    decisions: [ADR-0004]'),
      findings: [{ text: 'order-events', line: 6, severity: 'info', message: /^topic 'order-events' has consumers \('mailer'\) but no deadLetter:/ }],
      fixed: lines(
        'archframe: 1',
        'system: s',
        ...consumer,
        'channels:',
        '  order-events:',
        '    kind: topic',
        '    technology: kafka',
        '    decisions: [ADR-0004]',
        '    deadLetter: order-events-dlq',
        '  order-events-dlq: { kind: queue, technology: kafka, decisions: [ADR-0004] }',
      ),
    },
  ],
});
