import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const store = (consistency: string, replication: string) => lines('archframe: 1', 'system: s', 'datastores:', '  carts:', '    engine: cassandra', `    consistency: ${consistency}`, `    replication: ${replication}`);

ruleTests('quorum', {
  valid: [
    { name: 'overlapping quorums', manifest: store('strong', '{ topology: leaderless, replicas: 3, w: 2, r: 2 }') },
    { name: 'eventual consistency needs no overlap', manifest: store('eventual', '{ topology: leaderless, replicas: 3, w: 1, r: 1 }') },
    { name: 'single-leader replication is not about quorums', manifest: store('strong', '{ topology: single-leader, replicas: 3, w: 1, r: 1 }') },
  ],
  invalid: [
    {
      name: 'w + r equal to the replicas',
      manifest: store('strong', '{ topology: leaderless, replicas: 4, w: 2, r: 2 }'),
      findings: [{ text: 'replication', message: /^'carts' claims strong consistency, but its quorums do not overlap: w \+ r = 2 \+ 2 = 4, not more than its 4 replicas, so a read can miss the latest write\. Use w \+ r > 4 \(e\.g\. w = r = 3\)/ }],
      fixed: store('strong', '{ topology: leaderless, replicas: 4, w: 3, r: 3 }'),
    },
  ],
});
