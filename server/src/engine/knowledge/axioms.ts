import type { KnowledgeInput } from './types';

/** Part II (the six axioms) and Part III (what a component is). */
export const AXIOMS: KnowledgeInput[] = [
  {
    id: 'axiom-1',
    title: 'Axiom 1: Separation of Concerns',
    aliases: ['Axiom 1', 'separation of concerns', 'single reason to change', 'one reason to change'],
    summary:
      'A component should change for one reason only, and what ties it to other components should be small and visible. ' +
      'Dependencies point one way, towards the parts of the system that change least. ' +
      'The manifest makes this checkable: layers, dependency cycles and instability all derive from the `dependsOn` graph.',
    reference: 'Part II, Axiom 1: Separation of Concerns',
    related: ['dependency-direction', 'layered-architecture', 'hexagonal-architecture', 'coupling'],
    rules: ['dependency-cycle', 'layer-direction', 'core-independence', 'stable-dependencies', 'unknown-reference'],
  },
  {
    id: 'axiom-2',
    title: 'Axiom 2: Distributed State',
    aliases: ['Axiom 2', 'distributed state', 'shared mutable state'],
    summary:
      'State is where complexity comes from, and state that several parties can change is behind most failures of distributed systems. ' +
      'Each piece of data therefore needs exactly one owner and an explicitly chosen consistency model.',
    reference: 'Part II, Axiom 2: Distributed State',
    related: ['state-ownership', 'consistency-models', 'shared-datastore', 'cap-theorem'],
    rules: ['shared-datastore', 'state-owner', 'consistency-model', 'quorum', 'conflict-resolution'],
  },
  {
    id: 'axiom-3',
    title: 'Axiom 3: Failure Modes',
    aliases: ['Axiom 3', 'failure modes', 'design for failure'],
    summary:
      'Assume that every component breaks, every remote call eventually hangs and every dependency is eventually missing. ' +
      'A system is designed well when it keeps doing something useful in those moments, degrading gracefully instead of expecting perfection.',
    reference: 'Part II, Axiom 3: Failure Modes',
    related: ['timeouts', 'retry-backoff', 'circuit-breaker', 'bulkhead', 'graceful-degradation', 'failure-categories'],
    rules: ['sync-timeout', 'retry-backoff', 'retry-idempotency', 'circuit-breaker', 'single-instance', 'timeout-budget', 'retry-amplification', 'delivery-idempotency', 'dead-letter'],
  },
  {
    id: 'axiom-4',
    title: 'Axiom 4: Observability',
    aliases: ['Axiom 4'],
    summary:
      'You cannot fix what you cannot understand, and you cannot understand what you cannot see. ' +
      'Logs, metrics and traces are therefore part of the architecture itself, designed in from the start rather than bolted on.',
    reference: 'Part II, Axiom 4: Observability',
    related: ['observability', 'red-method', 'use-method', 'slo'],
    rules: ['observability-pillars', 'health-check', 'slo-defined', 'slo-alerting', 'structured-logs'],
  },
  {
    id: 'axiom-5',
    title: 'Axiom 5: Reversibility',
    aliases: ['Axiom 5'],
    summary:
      'Spend care in proportion to how hard a decision is to undo: deliberate slowly over the expensive-to-reverse ones and decide the cheap ones fast. ' +
      'Good architecture keeps as many choices as possible in the cheap, reversible category.',
    reference: 'Part II, Axiom 5: Reversibility',
    related: ['reversibility', 'adr', 'trade-offs'],
    rules: ['decision-record', 'decision-status', 'rollback-strategy'],
  },
  {
    id: 'axiom-6',
    title: 'Axiom 6: Mechanical Sympathy',
    aliases: ['Axiom 6', 'mechanical sympathy'],
    summary:
      'Software always executes on real machines, and knowing how they behave is what lets it perform well. ' +
      'Memory caches, disks and the shape of the network set hard upper limits that no amount of clever code gets around.',
    reference: 'Part II, Axiom 6: Mechanical Sympathy',
    related: ['latency-hierarchy', 'latency-budget', 'fallacies-of-distributed-computing'],
    rules: ['latency-budget', 'availability-budget', 'cross-continent-sync'],
  },
  {
    id: 'component',
    title: 'Component',
    aliases: ['unit of deployment', 'component boundaries', 'component boundary'],
    summary:
      'In the framework a component is not a file, a class or a folder: it is something deployed on its own, with a clear interface, ' +
      'a team that owns it, and a lifecycle managed independently of the rest. ' +
      'In a manifest each entry of `components` is one such unit, and its `kind` says what sort of thing it is.',
    reference: 'Part III §1, Component Boundaries',
    related: ['component-properties', 'component-relationships', 'ownership'],
    rules: ['single-owner'],
  },
  {
    id: 'component-properties',
    title: 'Component properties',
    aliases: ['component properties'],
    summary:
      'A well-formed component has five facets: the interface it offers, an implementation hidden behind it, the dependencies it needs, ' +
      'the state it owns (possibly none) and a lifecycle (how it starts, runs and stops). ' +
      'The manifest records the interface (`interface`), the dependencies (`dependsOn`) and the owned state (datastores whose `owner` it is).',
    reference: 'Part III §2, Component Properties',
    related: ['component', 'component-relationships', 'state-ownership'],
    rules: [],
  },
  {
    id: 'component-relationships',
    title: 'Component relationships',
    aliases: ['component relationships', 'compile-time coupling', 'temporal coupling', 'schema coupling'],
    summary:
      'Components are linked in four ways, each with its own coupling: a library is bound at build time and called in-process, a service at run time over the network, ' +
      'an event couples them in time through a queue, and shared data couples them through a schema. ' +
      'Each kind fails differently and is operated differently; in a manifest the `via` of a dependency says which kind it is.',
    reference: 'Part III §3, Component Relationships',
    related: ['synchronous-communication', 'asynchronous-communication', 'shared-datastore', 'coupling'],
    rules: ['dependency-cycle'],
  },
  {
    id: 'coupling',
    title: 'Coupling',
    aliases: ['coupling', 'loose coupling', 'tight coupling', 'decoupling'],
    summary:
      'Coupling is how much one component has to know about, or wait for, another. ' +
      'The framework wants it kept low and written down, and distinguishes build-time, run-time, temporal and schema coupling by the kind of relationship.',
    reference: 'Part II, Axiom 1: Separation of Concerns; Part III §3, Component Relationships',
    related: ['axiom-1', 'component-relationships', 'dependency-direction'],
    rules: ['stable-dependencies'],
  },
  {
    id: 'dependency-direction',
    title: 'Dependency direction and stability',
    aliases: ['dependency direction', 'stable dependencies', 'instability', 'dependency cycle', 'dependency cycles', 'cyclic dependency'],
    summary:
      'Dependencies should run in one direction, towards what is stable, so that a change in a volatile part never ripples into a stable one. ' +
      'archframe measures stability as instability I = Ce / (Ca + Ce), outgoing over all component dependencies, and flags cycles and dependencies on less stable components.',
    reference: 'Part II, Axiom 1: Separation of Concerns; Part IV §1, The Layered Architecture',
    related: ['axiom-1', 'layered-architecture', 'coupling'],
    rules: ['dependency-cycle', 'stable-dependencies', 'layer-direction'],
  },
  {
    id: 'system-lifecycle',
    title: 'System lifecycle',
    aliases: ['system lifecycle', 'lifecycle phase', 'genesis phase', 'growth phase', 'maturity phase', 'legacy phase'],
    summary:
      'Systems move through four phases with different priorities: genesis (fast iteration, speed first), growth (scaling pains and debt, stability first), ' +
      'maturity (optimisation, efficiency first) and legacy (maintenance burden, portability and migration first). ' +
      'Knowing the phase tells you which trade-offs are right today.',
    reference: 'Part I §2, The System Lifecycle',
    related: ['strangler-fig', 'trade-offs'],
    rules: [],
  },
  {
    id: 'dual-foundation',
    title: 'Static and dynamic dimensions',
    aliases: ['dual foundation', 'static dimension', 'dynamic dimension'],
    summary:
      'A system is both what is written down (code, schemas, configuration, infrastructure) and what happens when it runs (traffic, state, behaviour). ' +
      'The two cannot be separated: optimising only the written structure breaks under load, optimising only runtime speed makes the code unmaintainable.',
    reference: 'Part I §1, The Dual Foundation',
    related: ['system-lifecycle'],
    rules: [],
  },
];
