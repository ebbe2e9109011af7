import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const store = (...replication: string[]) => lines('archframe: 1', 'system: s', 'datastores:', '  profiles:', '    engine: cassandra', '    replication:', ...replication);

ruleTests('conflict-resolution', {
  valid: [
    { name: 'leaderless with a resolution', manifest: store('      topology: leaderless', '      conflictResolution: lww') },
    { name: 'single-leader has no write conflicts', manifest: store('      topology: single-leader', '      replicas: 3') },
  ],
  invalid: [
    {
      name: 'multi-leader without a resolution',
      manifest: store('      topology: multi-leader', '      replicas: 2'),
      findings: [{ text: 'multi-leader', message: /^'profiles' accepts writes on several replicas \(multi-leader\) but states no conflictResolution:/ }],
      fixTitle: /crdt/,
      fixed: store('      topology: multi-leader', '      replicas: 2', '      conflictResolution: crdt'),
    },
  ],
});
