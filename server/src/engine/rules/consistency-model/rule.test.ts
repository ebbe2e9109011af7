import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'datastores:'];

ruleTests('consistency-model', {
  valid: [{ name: 'a datastore with a consistency model', manifest: lines(...head, '  sessions: { engine: redis, consistency: session }') }],
  invalid: [
    {
      name: 'a flow-map datastore without one: a fix per model',
      manifest: lines(...head, '  sessions: { engine: redis }'),
      findings: [{ text: 'sessions', message: /^Datastore 'sessions' states no consistency model: its users cannot know whether a read sees the latest write\./ }],
      fixTitle: /eventual/,
      fixed: lines(...head, '  sessions: { engine: redis, consistency: eventual }'),
    },
    {
      name: 'a block-map datastore, strong',
      manifest: lines(...head, '  ledger:', '    engine: postgresql', '    rpo: 5m # agreed with finance'),
      findings: [{ text: 'ledger', message: /Datastore 'ledger' states no consistency model/ }],
      fixTitle: /strong \(every read sees the latest write\)/,
      fixed: lines(...head, '  ledger:', '    engine: postgresql', '    rpo: 5m # agreed with finance', '    consistency: strong'),
    },
  ],
});
