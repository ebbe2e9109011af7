import type { KnowledgeInput } from './types';

/** State, consistency and replication: Part V, Part XVII, Appendix A §5–6. */
export const DATA: KnowledgeInput[] = [
  {
    id: 'state-ownership',
    title: 'State ownership',
    aliases: ['state ownership', 'state owner', 'data ownership', 'owns the data'],
    summary:
      'Every piece of state has one owning component; everyone else goes through that owner instead of touching the data directly. ' +
      'In a manifest a datastore names its `owner` component, which must also depend on it, and only one component may write it.',
    reference: 'Part II, Axiom 2: Distributed State',
    related: ['axiom-2', 'shared-datastore', 'consistency-models'],
    rules: ['state-owner', 'shared-datastore'],
  },
  {
    id: 'shared-datastore',
    title: 'Shared database',
    aliases: ['shared database', 'shared datastore', 'integration database'],
    summary:
      'When several components write the same database they are coupled through its schema: none can change it alone, and their writes interfere. ' +
      'The framework counts this as the loosest-looking but riskiest relationship, since shared mutable state is where distributed failures start.',
    reference: 'Part III §3, Component Relationships; Part II, Axiom 2: Distributed State',
    related: ['state-ownership', 'axiom-2', 'component-relationships'],
    rules: ['shared-datastore'],
  },
  {
    id: 'consistency-models',
    title: 'Consistency models',
    aliases: ['consistency model', 'consistency models', 'weakest consistency'],
    summary:
      'A consistency model states what a reader may observe after a write. The framework names four for everyday design: strong, eventual, causal and session. ' +
      'Pick the weakest one the use case tolerates, because every step up in strength costs latency and availability. ' +
      'Each datastore in a manifest should state its `consistency`.',
    reference: 'Part V §2, Consistency Models',
    related: ['strong-consistency', 'eventual-consistency', 'causal-consistency', 'session-consistency', 'linearizability', 'sequential-consistency', 'cap-theorem'],
    rules: ['consistency-model', 'quorum'],
  },
  {
    id: 'strong-consistency',
    title: 'Strong consistency',
    aliases: ['strong consistency', 'strongly consistent'],
    summary:
      'Any read returns the most recent write, as if there were one copy of the data. ' +
      'It is what money movements and similar transactions need, and the most expensive model: it adds latency and, during a partition, forces a choice against availability. ' +
      'On leaderless replication it requires overlapping quorums (w + r > replicas).',
    reference: 'Part V §2, Consistency Models',
    related: ['consistency-models', 'linearizability', 'quorum', 'cap-theorem'],
    rules: ['quorum', 'consistency-model'],
  },
  {
    id: 'eventual-consistency',
    title: 'Eventual consistency',
    aliases: ['eventual consistency', 'eventually consistent'],
    summary:
      'Replicas may disagree for a while, but without new writes they all end up with the same value; nothing is promised about how long that takes. ' +
      'Fine for feeds, caches and other data where a slightly stale read is acceptable. ' +
      'Concurrent writes must be reconciled: last write wins, keeping all values, or CRDTs.',
    reference: 'Part V §2, Consistency Models; Appendix A §5, Eventual Consistency',
    related: ['consistency-models', 'conflict-resolution', 'crdt', 'cap-theorem'],
    rules: ['consistency-model', 'conflict-resolution'],
  },
  {
    id: 'causal-consistency',
    title: 'Causal consistency',
    aliases: ['causal consistency', 'causally consistent', 'causal ordering'],
    summary:
      'If one operation could have influenced another, every process sees them in that order; operations with no such link may appear in different orders to different readers. ' +
      'Typical use: collaborative editing, comment threads.',
    reference: 'Part V §2, Consistency Models; Appendix A §5, Causal Consistency',
    related: ['consistency-models', 'logical-clocks'],
    rules: ['consistency-model'],
  },
  {
    id: 'session-consistency',
    title: 'Session consistency (read your writes)',
    aliases: ['session consistency', 'read your writes', 'read-your-writes'],
    summary:
      'Within one user\'s session, reads always reflect that user\'s own earlier writes, even if other users may still see older data. ' +
      'Enough for views that are specific to the user, and much cheaper than strong consistency.',
    reference: 'Part V §2, Consistency Models',
    related: ['consistency-models', 'eventual-consistency'],
    rules: ['consistency-model'],
  },
  {
    id: 'linearizability',
    title: 'Linearizability',
    aliases: ['linearizability', 'linearizable', 'linearisability', 'linearisable'],
    summary:
      'The strictest model: each operation seems to take effect at a single instant between its start and its end, so all operations form one total order that also respects real time. ' +
      'Every read sees the latest write. Costly to provide, since replicas must coordinate on every operation.',
    reference: 'Appendix A §5, Linearizability (Strongest)',
    related: ['sequential-consistency', 'strong-consistency', 'consensus'],
    rules: [],
  },
  {
    id: 'sequential-consistency',
    title: 'Sequential consistency',
    aliases: ['sequential consistency', 'sequentially consistent'],
    summary:
      'All processes agree on one total order of operations, and each process\'s own operations keep their program order within it. ' +
      'Unlike linearizability, that order need not match wall-clock time.',
    reference: 'Appendix A §5, Sequential Consistency',
    related: ['linearizability', 'causal-consistency'],
    rules: [],
  },
  {
    id: 'cap-theorem',
    title: 'CAP theorem',
    aliases: ['CAP theorem', 'CAP', 'network partition', 'partition tolerance', 'CP system', 'AP system'],
    summary:
      'While the network is split, a distributed store cannot both answer every request and guarantee all nodes agree. ' +
      'A CP system refuses to answer when unsure (ZooKeeper is the framework\'s example); an AP system answers, possibly with stale data (Cassandra).',
    reference: 'Part V §3, The CAP Theorem',
    related: ['consistency-models', 'strong-consistency', 'eventual-consistency'],
    rules: [],
  },
  {
    id: 'replication-topologies',
    title: 'Replication topologies',
    aliases: ['replication topology', 'replication topologies', 'replication', 'replica', 'replicas'],
    summary:
      'Copies of the data can be kept in three arrangements: one leader taking all writes, several leaders taking writes in parallel, or no leader at all with quorum reads and writes. ' +
      'Each trades simplicity and consistency against write scalability and geographic reach. In a manifest: `replication.topology`.',
    reference: 'Part XVII §4, Replication Topologies',
    related: ['single-leader-replication', 'multi-leader-replication', 'leaderless-replication', 'quorum'],
    rules: ['quorum', 'conflict-resolution', 'backup-3-2-1'],
  },
  {
    id: 'single-leader-replication',
    title: 'Single-leader replication',
    aliases: ['single-leader', 'single leader', 'leader-follower', 'primary-replica', 'read replica', 'read replicas'],
    summary:
      'One node accepts every write and ships it to followers, which can serve reads. ' +
      'Simple and consistent for writes; the leader limits write throughput, and failing over to a new leader is the tricky part.',
    reference: 'Part XVII §4, Single-Leader',
    related: ['replication-topologies', 'multi-leader-replication'],
    rules: [],
  },
  {
    id: 'multi-leader-replication',
    title: 'Multi-leader replication',
    aliases: ['multi-leader', 'multi leader', 'multi-master'],
    summary:
      'Several nodes accept writes and replicate to each other, which scales writes and serves users in several regions. ' +
      'Two leaders can accept conflicting writes, so a conflict-resolution strategy is mandatory.',
    reference: 'Part XVII §4, Multi-Leader',
    related: ['replication-topologies', 'conflict-resolution'],
    rules: ['conflict-resolution'],
  },
  {
    id: 'leaderless-replication',
    title: 'Leaderless replication',
    aliases: ['leaderless', 'leaderless replication', 'Dynamo-style'],
    summary:
      'Any node takes reads and writes; a write goes to w nodes and a read asks r nodes. ' +
      'Reads see the latest write only when the two sets must overlap (w + r > n); concurrent writes still need conflict resolution.',
    reference: 'Part XVII §4, Leaderless',
    related: ['quorum', 'replication-topologies', 'conflict-resolution'],
    rules: ['quorum', 'conflict-resolution'],
  },
  {
    id: 'quorum',
    title: 'Quorum (w + r > n)',
    aliases: ['quorum', 'quorums', 'w + r > n', 'read quorum', 'write quorum'],
    summary:
      'With n replicas, writing to w of them and reading from r of them guarantees that every read set shares a node with the last write set exactly when w + r > n. ' +
      'If w + r ≤ n a read can miss the latest write, so such a store cannot claim strong consistency.',
    reference: 'Part XVII §4, Leaderless',
    related: ['leaderless-replication', 'strong-consistency', 'consensus'],
    rules: ['quorum'],
  },
  {
    id: 'conflict-resolution',
    title: 'Conflict resolution',
    aliases: ['conflict resolution', 'write conflict', 'write conflicts', 'multi-value', 'siblings'],
    summary:
      'When replicas accept concurrent writes to the same item, something must decide the outcome: keep the latest by timestamp (may silently lose data), ' +
      'keep every conflicting value and let the application merge, or use data types that merge by construction (CRDTs). ' +
      'In a manifest: `replication.conflictResolution`.',
    reference: 'Appendix A §5, Eventual Consistency; Part XVII §4, Multi-Leader',
    related: ['last-write-wins', 'crdt', 'multi-leader-replication', 'leaderless-replication'],
    rules: ['conflict-resolution'],
  },
  {
    id: 'last-write-wins',
    title: 'Last write wins (LWW)',
    aliases: ['last write wins', 'last-write-wins', 'LWW'],
    summary:
      'The write with the highest timestamp survives and the others are dropped. ' +
      'Easy, but concurrent updates are lost without notice and clock skew decides who wins.',
    reference: 'Appendix A §5, Eventual Consistency; Appendix A §6, CRDTs (Conflict-Free Replicated Data Types)',
    related: ['conflict-resolution', 'crdt', 'clocks'],
    rules: ['conflict-resolution'],
  },
  {
    id: 'crdt',
    title: 'CRDTs (conflict-free replicated data types)',
    aliases: ['CRDT', 'CRDTs', 'conflict-free replicated data type', 'conflict-free replicated data types', 'G-Counter', 'PN-Counter', 'OR-Set'],
    summary:
      'Data structures designed so that replicas updated independently always merge to the same result, whatever the order: grow-only and increment/decrement counters, last-writer registers, observed-remove sets. ' +
      'Convergence is guaranteed mathematically, without coordination.',
    reference: 'Appendix A §6, CRDTs (Conflict-Free Replicated Data Types)',
    related: ['conflict-resolution', 'eventual-consistency'],
    rules: ['conflict-resolution'],
  },
  {
    id: 'consensus',
    title: 'Consensus (Paxos, Raft)',
    aliases: ['consensus', 'Paxos', 'Raft', 'consensus algorithm', 'leader election'],
    summary:
      'Consensus protocols let a group of nodes agree on one value or log despite failures, as long as a majority is reachable. ' +
      'They underpin leader election, configuration stores and strongly consistent replication.',
    reference: 'Appendix A §2, Consensus Algorithms',
    related: ['linearizability', 'quorum'],
    rules: [],
  },
  {
    id: 'clocks',
    title: 'Time and clocks in distributed systems',
    aliases: ['clock skew', 'physical clocks', 'hybrid logical clock', 'TrueTime'],
    summary:
      'Machine clocks drift and jump, so timestamps from different nodes cannot be trusted to order events. ' +
      'Logical clocks, hybrid logical clocks or bounded-uncertainty clocks give orderings that can be trusted.',
    reference: 'Appendix A §3, Time in Distributed Systems',
    related: ['logical-clocks', 'last-write-wins'],
    rules: [],
  },
  {
    id: 'logical-clocks',
    title: 'Logical clocks',
    aliases: ['logical clock', 'logical clocks', 'Lamport clock', 'Lamport clocks', 'vector clock', 'vector clocks'],
    summary:
      'Counters carried with messages that capture which event could have caused which, without relying on wall-clock time. ' +
      'They are how causal consistency is tracked in practice.',
    reference: 'Appendix A §3, Logical Clocks',
    related: ['clocks', 'causal-consistency'],
    rules: [],
  },
  {
    id: 'normalization',
    title: 'Normalisation and denormalisation',
    aliases: ['normalization', 'denormalization', 'normalisation', 'denormalisation', 'normalized', 'denormalized'],
    summary:
      'A normalised schema stores each fact once, which keeps updates consistent but needs joins; a denormalised one duplicates data for fast, simple reads at the cost of harder updates. ' +
      'The framework\'s advice: normalise where you write, denormalise where you read, and reach for CQRS when both matter.',
    reference: 'Part V §1, Normalization vs. Denormalization',
    related: ['cqrs', 'schema-evolution'],
    rules: [],
  },
  {
    id: 'schema-evolution',
    title: 'Schema evolution',
    aliases: ['schema evolution', 'backward compatibility', 'forward compatibility', 'backward compatible', 'forward compatible', 'schema migration'],
    summary:
      'Schemas always change, so plan for it: new code must read old data, old code should tolerate new data, and migrations run either all at once or lazily. ' +
      'The same holds for event schemas: add optional fields, and publish a new event type for breaking changes.',
    reference: 'Part V §1, Schema Evolution; Appendix C §2, Event Schemas',
    related: ['event-sourcing', 'event-driven-architecture'],
    rules: [],
  },
  {
    id: 'acid-transactions',
    title: 'ACID transactions and isolation',
    aliases: ['ACID', 'ACID transactions', 'isolation level', 'isolation levels', 'serializable'],
    summary:
      'A transaction groups changes that commit or roll back together, and its isolation level decides which anomalies (dirty, non-repeatable or phantom reads) concurrent transactions may see. ' +
      'Relational databases give strong guarantees here; several NoSQL stores give weaker or partial ones, which is why the radar holds MongoDB for ACID workloads. ' +
      'In a manifest, `transactions: true` marks a datastore that holds such work.',
    reference: 'Appendix B §4, Transaction Isolation; Part XVII §1, SQL vs NoSQL Decision Matrix',
    related: ['technology-radar', 'strong-consistency'],
    rules: ['radar-hold'],
  },
  {
    id: 'caching',
    title: 'Caching strategies',
    aliases: ['caching', 'cache-aside', 'read-through', 'write-through', 'write-behind', 'cache invalidation'],
    summary:
      'A cache can be filled by the application on a miss (cache-aside), by the cache itself (read-through), on every write together with the database (write-through, consistent but slower), ' +
      'or ahead of an asynchronous database write (write-behind, fast but only eventually consistent). ' +
      'Invalidation is the hard part.',
    reference: 'Part VIII §3, Caching Strategies',
    related: ['graceful-degradation', 'eventual-consistency'],
    rules: [],
  },
  {
    id: 'sharding',
    title: 'Sharding',
    aliases: ['sharding', 'shard', 'shards', 'partitioning', 'horizontal sharding', 'vertical sharding'],
    summary:
      'Data is split across nodes, by rows (horizontal, using a key such as a hash or range) or by columns and tables (vertical). ' +
      'It scales storage and writes, but queries that cross shards and rebalancing become hard, so choose the shard key with care.',
    reference: 'Part XVII §3, Sharding Strategies',
    related: ['scaling-dimensions', 'replication-topologies'],
    rules: [],
  },
];
