import type { KnowledgeInput } from './types';

/** Failure handling and performance: Part VII, Part VIII, Appendix A §1, Appendix B, Appendix C §2. */
export const RELIABILITY: KnowledgeInput[] = [
  {
    id: 'failure-categories',
    title: 'Failure categories',
    aliases: ['failure category', 'failure categories', 'crash failure', 'omission failure', 'timing failure', 'byzantine failure', 'byzantine'],
    summary:
      'Failures come in kinds, each noticed and handled differently: a crash (failed health check; restart or fail over), an omission (a timeout; retry or fall back), ' +
      'a timing failure (missed latency target; throttle or shed load), a wrong response (validate and reject) and byzantine behaviour (conflicting answers; consensus). ' +
      'Naming the category tells you which detection and which recovery to build.',
    reference: 'Part VII §1, Failure Categories',
    related: ['axiom-3', 'timeouts', 'health-check'],
    rules: [],
  },
  {
    id: 'timeouts',
    title: 'Timeouts',
    aliases: ['timeout', 'timeouts', 'deadline', 'deadlines', 'timeout budget'],
    summary:
      'Any remote call can hang, so every synchronous call needs an upper bound on how long the caller waits; a missing reply is how omission failures are detected at all. ' +
      'The bound must leave room for what the callee itself waits for: its own timeouts multiplied by its retries. ' +
      'In a manifest: a dependency\'s `timeout`.',
    reference: 'Part II, Axiom 3: Failure Modes; Part VII §1, Failure Categories',
    related: ['axiom-3', 'retry-backoff', 'circuit-breaker', 'graceful-degradation'],
    rules: ['sync-timeout', 'timeout-budget'],
  },
  {
    id: 'circuit-breaker',
    title: 'Circuit breaker',
    aliases: ['circuit breaker', 'circuit breakers', 'circuit breaking', 'half-open', 'open circuit'],
    summary:
      'A circuit breaker counts failures of calls to a dependency. Past a threshold it opens and fails calls at once instead of waiting on a sick service; ' +
      'after a cool-down it lets a trial call through (half-open) and closes again if that call succeeds. ' +
      'This stops one failing dependency from exhausting its callers. In a manifest: `circuitBreaker` with `failureThreshold` and `resetTimeout`.',
    reference: 'Part VII §2, Circuit Breaker',
    related: ['retry-backoff', 'bulkhead', 'graceful-degradation', 'timeouts'],
    rules: ['circuit-breaker'],
  },
  {
    id: 'retry-backoff',
    title: 'Retry with exponential backoff and jitter',
    aliases: ['retry', 'retries', 'exponential backoff', 'backoff', 'jitter', 'thundering herd', 'retry with backoff', 'retry with exponential backoff'],
    summary:
      'A failed call may be tried again, but the wait between attempts should grow (doubling up to a ceiling) and carry a random component. ' +
      'Without growth, retries pile onto a struggling service; without randomness, many clients retry at the same instant and hit it as a herd. ' +
      'Only repeat operations that are safe to repeat, and keep the total attempts along a call chain small, because retries multiply.',
    reference: 'Part VII §2, Retry with Exponential Backoff',
    related: ['idempotency', 'circuit-breaker', 'timeouts', 'retry-amplification'],
    rules: ['retry-backoff', 'retry-idempotency', 'retry-amplification'],
  },
  {
    id: 'retry-amplification',
    title: 'Retry amplification',
    aliases: ['retry amplification', 'retry storm', 'retry storms'],
    summary:
      'When every hop of a call chain retries, the attempts multiply: three layers retrying three times each can hit the bottom service 27 times for one user request. ' +
      'Retry at one level, or cap the product of attempts along a synchronous path (archframe warns above 10).',
    reference: 'Part VII §2, Retry with Exponential Backoff',
    related: ['retry-backoff', 'circuit-breaker'],
    rules: ['retry-amplification'],
  },
  {
    id: 'idempotency',
    title: 'Idempotency',
    aliases: ['idempotency', 'idempotent', 'idempotency key', 'idempotency keys', 'idempotent consumer'],
    summary:
      'An operation is idempotent when doing it twice has the same effect as doing it once. ' +
      'Retries and at-least-once delivery both cause repeats, so either the operation is naturally idempotent or the caller sends a key that lets the receiver drop duplicates. ' +
      'In a manifest: `idempotent` and `idempotencyKey` on a dependency.',
    reference: 'Appendix C §2, Delivery Guarantees; Part VII §2, Retry with Exponential Backoff',
    related: ['retry-backoff', 'at-least-once', 'delivery-guarantees'],
    rules: ['retry-idempotency', 'delivery-idempotency'],
  },
  {
    id: 'bulkhead',
    title: 'Bulkhead',
    aliases: ['bulkhead', 'bulkheads', 'resource isolation'],
    summary:
      'Like the watertight compartments of a ship, separate resource pools (threads, connections) per dependency keep one exhausted pool from sinking everything else. ' +
      'A slow database then blocks only the work that needs the database.',
    reference: 'Part VII §2, Bulkhead',
    related: ['circuit-breaker', 'graceful-degradation'],
    rules: [],
  },
  {
    id: 'graceful-degradation',
    title: 'Graceful degradation',
    aliases: ['graceful degradation', 'degrade gracefully', 'fallback', 'fallbacks', 'degraded mode'],
    summary:
      'When a dependency fails, the system should notice fast (timeouts, health checks), contain the damage (circuit breakers, bulkheads), keep offering a reduced service (a fallback or cached answer), ' +
      'recover on its own (retries, failover) and tell the operators. ' +
      'In a manifest a dependency\'s `fallback` says what the caller does when the target is down; a dependency with a fallback does not count against the caller\'s availability.',
    reference: 'Part VII §3, Graceful Degradation',
    related: ['circuit-breaker', 'bulkhead', 'timeouts', 'availability-budget'],
    rules: ['circuit-breaker', 'availability-budget'],
  },
  {
    id: 'redundancy',
    title: 'Redundancy and failover',
    aliases: ['redundancy', 'failover', 'single point of failure', 'single instance', 'horizontal scaling'],
    summary:
      'One instance is one failure away from an outage. Running at least two instances behind a load balancer, with state kept outside them, lets the system survive a crash and scale out. ' +
      'Adding nodes has no hard ceiling, unlike adding CPU and memory, but needs stateless design and brings operational complexity.',
    reference: 'Part VIII §2, Scaling Strategies; Part VII §1, Failure Categories',
    related: ['failure-categories', 'slo'],
    rules: ['single-instance'],
  },
  {
    id: 'delivery-guarantees',
    title: 'Delivery guarantees',
    aliases: ['delivery guarantee', 'delivery guarantees', 'delivery semantics'],
    summary:
      'A messaging channel promises one of three things: each message arrives at most once (may be lost), at least once (may be duplicated), or exactly once (neither). ' +
      'At-least-once needs idempotent consumers; exactly-once in practice means a transactional outbox on the producing side plus deduplication. ' +
      'In a manifest: a channel\'s `delivery`.',
    reference: 'Appendix C §2, Delivery Guarantees',
    related: ['at-most-once', 'at-least-once', 'exactly-once', 'transactional-outbox', 'idempotency'],
    rules: ['delivery-idempotency'],
  },
  {
    id: 'at-most-once',
    title: 'At-most-once delivery',
    aliases: ['at-most-once', 'at most once'],
    summary:
      'A message is sent once and never resent: it may be lost but is never duplicated. ' +
      'Acceptable for data where a gap does not matter, such as metrics or analytics.',
    reference: 'Appendix C §2, Delivery Guarantees',
    related: ['delivery-guarantees', 'at-least-once'],
    rules: [],
  },
  {
    id: 'at-least-once',
    title: 'At-least-once delivery',
    aliases: ['at-least-once', 'at least once'],
    summary:
      'The sender retries until the message is acknowledged, so nothing is lost but a message may arrive more than once. ' +
      'Consumers must therefore be idempotent, naturally or by deduplicating with a key.',
    reference: 'Appendix C §2, Delivery Guarantees',
    related: ['delivery-guarantees', 'idempotency', 'dead-letter'],
    rules: ['delivery-idempotency'],
  },
  {
    id: 'exactly-once',
    title: 'Exactly-once delivery',
    aliases: ['exactly-once', 'exactly once'],
    summary:
      'Every message takes effect once: no loss and no duplicates. ' +
      'The framework achieves it with the transactional outbox, so the producer\'s state change and the message are committed together.',
    reference: 'Appendix C §2, Delivery Guarantees',
    related: ['delivery-guarantees', 'transactional-outbox'],
    rules: ['delivery-idempotency'],
  },
  {
    id: 'transactional-outbox',
    title: 'Transactional outbox',
    aliases: ['transactional outbox', 'outbox', 'outbox pattern', 'outbox table'],
    summary:
      'Instead of writing to the database and then publishing (and risking one without the other), the service writes the event into an outbox table in the same local transaction as its data. ' +
      'A separate relay reads the outbox, publishes each entry and marks it sent. In a manifest: a channel\'s `outbox: true`.',
    reference: 'Appendix C §2, Transactional Outbox Pattern',
    related: ['exactly-once', 'delivery-guarantees', 'event-driven-architecture'],
    rules: ['delivery-idempotency'],
  },
  {
    id: 'dead-letter',
    title: 'Dead-letter channel',
    aliases: ['dead letter', 'dead letters', 'dead-letter queue', 'dead letter queue', 'DLQ', 'poison message', 'poison messages'],
    summary:
      'A message that keeps failing to be processed (a poison message) should be moved aside after a few tries rather than blocking its queue or being retried forever. ' +
      'The framework does not name the pattern; archframe applies it to the framework\'s delivery guarantees and queue patterns. ' +
      'In a manifest a channel\'s `deadLetter` names the channel that receives such messages, where someone can inspect and replay them.',
    reference: 'Appendix C §2, Delivery Guarantees; Part XIX §4, Message Queue Patterns',
    related: ['at-least-once', 'message-queue', 'delivery-guarantees'],
    rules: ['dead-letter'],
  },
  {
    id: 'latency-hierarchy',
    title: 'Latency hierarchy (numbers to know)',
    aliases: ['latency hierarchy', 'latency table', 'latency numbers', 'latency reference', 'round trip', 'round-trip', 'network round-trip'],
    summary:
      'Operations differ by orders of magnitude: a CPU cache hit takes under a nanosecond, main memory about 100 ns, a random SSD read about 150 µs, ' +
      'a round trip inside a datacenter about half a millisecond and one across a continent about 150 ms. ' +
      'Hence: avoid network calls, cache, batch. archframe uses 0, 0.5 ms, 50 ms and 150 ms for the four `distance` classes (same host, datacenter, region, continent).',
    reference: 'Part VIII §1, Latency Hierarchy; Appendix B, Latency Reference',
    related: ['axiom-6', 'latency-budget', 'fallacies-of-distributed-computing'],
    rules: ['latency-budget', 'cross-continent-sync'],
  },
  {
    id: 'latency-budget',
    title: 'Latency budget',
    aliases: ['latency budget', 'tail latency', 'p99', 'p99 latency', 'latencyP99'],
    summary:
      'A component cannot answer faster than the synchronous calls it makes: sequential calls add up, parallel ones cost as much as the slowest, and each adds its network round trip. ' +
      'Its own latency target must leave room for that sum, or the target is a promise it cannot keep.',
    reference: 'Part VIII §1, Latency Hierarchy; Appendix D §1, Service Level Objectives (SLOs)',
    related: ['latency-hierarchy', 'slo', 'timeouts'],
    rules: ['latency-budget'],
  },
  {
    id: 'availability-budget',
    title: 'Availability budget',
    aliases: ['availability budget', 'composite availability', 'serial availability'],
    summary:
      'A component that needs several dependencies to answer is at most as available as all of them together, the product of their availabilities: ' +
      'two 99.9 % dependencies give at best about 99.8 %. Promising more requires fallbacks, redundancy or fewer hard dependencies.',
    reference: 'Appendix D §1, Service Level Objectives (SLOs); Part VII §3, Graceful Degradation',
    related: ['slo', 'graceful-degradation', 'error-budget'],
    rules: ['availability-budget'],
  },
  {
    id: 'scaling-dimensions',
    title: 'Scaling dimensions',
    aliases: ['scaling dimensions', 'scale cube', 'x-axis scaling', 'y-axis scaling', 'z-axis scaling', 'vertical scaling', 'scale out', 'scale up'],
    summary:
      'Systems grow along three axes: cloning identical instances behind a load balancer, splitting by function into services, and partitioning data. ' +
      'Growing a single machine is simpler but hits a ceiling.',
    reference: 'Part VIII §2, Scaling Strategies',
    related: ['redundancy', 'sharding', 'microservices'],
    rules: [],
  },
  {
    id: 'fallacies-of-distributed-computing',
    title: 'The eight fallacies of distributed computing',
    aliases: ['fallacies of distributed computing', 'eight fallacies', 'the network is reliable', 'latency is zero', 'bandwidth is infinite', 'the network is secure', 'topology doesn\'t change', 'there is one administrator', 'transport cost is zero', 'the network is homogeneous'],
    summary:
      'Eight assumptions that feel natural and are all false: the network is reliable, has no latency, has unlimited bandwidth, is secure, never changes shape, has one administrator, costs nothing to use, and is uniform. ' +
      'Each calls for a design response: plan for failures, minimise round trips, compress and batch, encrypt everything, discover services, document interfaces, keep traffic within zones, build adapters.',
    reference: 'Appendix A §1, The Fallacies of Distributed Computing',
    related: ['axiom-3', 'latency-hierarchy', 'transport-security'],
    rules: ['transport-security', 'sync-timeout'],
  },
];
