import type { KnowledgeInput } from './types';

/** Decisions, trade-offs and technology choice: Part XIV, Appendix A (Technology Radar), Appendix E. */
export const DECISIONS: KnowledgeInput[] = [
  {
    id: 'adr',
    title: 'Architecture decision records (ADRs)',
    aliases: ['ADR', 'ADRs', 'architecture decision record', 'architecture decision records', 'decision record', 'decision records'],
    summary:
      'A short Markdown document per significant decision, with a status (proposed, accepted, superseded…), the context that forced the decision, the decision itself and its consequences, good and bad. ' +
      'Together they explain later why the system is the way it is. In a manifest, `decisions` lists the ADRs behind an element.',
    reference: 'Part XIV §1, Architecture Decision Records (ADRs)',
    related: ['reversibility', 'trade-offs', 'axiom-5'],
    rules: ['decision-record', 'decision-status'],
  },
  {
    id: 'trade-offs',
    title: 'Trade-off analysis',
    aliases: ['trade-off', 'trade-offs', 'tradeoff', 'tradeoffs', 'trade-off analysis'],
    summary:
      'No choice is free: stronger consistency costs latency, lower latency risks inconsistency, high availability adds operational complexity, simplicity may cap scale and flexibility has a learning curve. ' +
      'Name what you give up for what you gain, ideally in the ADR.',
    reference: 'Part XIV §2, Trade-off Analysis',
    related: ['adr', 'consistency-models', 'reversibility'],
    rules: [],
  },
  {
    id: 'reversibility',
    title: 'Reversibility matrix',
    aliases: ['reversibility', 'reversibility matrix', 'reversible', 'irreversible', 'hard to reverse', 'hard-to-reverse', 'easy to reverse', 'one-way door', 'two-way door'],
    summary:
      'Decisions sit on a scale from very hard to undo (the programming language, the database) through medium (the framework) to easy (a library) and trivial (configuration). ' +
      'The harder the reversal, the slower and more careful the decision, and the more it deserves an ADR; archframe asks for one behind languages, frameworks, datastore engines, channel technologies and the system style.',
    reference: 'Part XIV §3, Reversibility Matrix',
    related: ['axiom-5', 'adr', 'technology-radar'],
    rules: ['decision-record', 'rollback-strategy'],
  },
  {
    id: 'technology-radar',
    title: 'Technology radar',
    aliases: ['technology radar', 'tech radar', 'radar', 'adopt', 'trial', 'assess', 'hold ring'],
    summary:
      'Technologies are placed in four rings: adopt (the safe default), trial (use where the risk is acceptable), assess (explore) and hold (do not start new work with it). ' +
      'The framework\'s radar holds Docker Swarm, and MongoDB for ACID workloads; adopt includes Go, Rust, TypeScript, PostgreSQL, Redis, Kubernetes and Terraform. ' +
      'A manifest can override the rings with `radar`.',
    reference: 'Appendix A, Technology Radar',
    related: ['reversibility', 'technology-selection', 'acid-transactions'],
    rules: ['radar-hold'],
  },
  {
    id: 'technology-selection',
    title: 'Technology selection',
    aliases: ['technology selection', 'build vs buy', 'build versus buy', 'proof of concept'],
    summary:
      'Choosing a technology is a hard-to-reverse decision. ' +
      'Weigh building against buying, evaluate candidates by whether they solve the problem, whether you can operate them, their maturity, the support around them and the lock-in they bring, and settle doubts with a time-boxed proof of concept.',
    reference: 'Appendix E §1, Decision Framework',
    related: ['technology-radar', 'reversibility', 'adr'],
    rules: ['decision-record'],
  },
];
