import type { KnowledgeInput } from './types';

/** Infrastructure, testing, documentation and delivery practice: Part XI, Part XII, Part XV, Part XXIV, Part XXV, Appendix F. */
export const ENGINEERING: KnowledgeInput[] = [
  {
    id: 'infrastructure-as-code',
    title: 'Infrastructure as code',
    aliases: ['infrastructure as code', 'IaC', 'immutable infrastructure', 'drift detection', 'environment parity'],
    summary:
      'Infrastructure is described in versioned files and applied by the delivery pipeline, never changed by hand. ' +
      'Applying the same description twice changes nothing, servers are replaced rather than patched, environments stay alike from development to production, and drift between the description and reality is detected.',
    reference: 'Part XI §3, Infrastructure as Code; Appendix F §4, Infrastructure as Code',
    related: ['technology-radar', 'reversibility'],
    rules: [],
  },
  {
    id: 'compute-options',
    title: 'Compute options',
    aliases: ['compute options', 'bare metal', 'virtual machines', 'containers', 'container orchestration', 'Kubernetes', 'pod', 'pods'],
    summary:
      'From bare metal through virtual machines and containers to functions, each step up hides more of the machine: less flexibility, but also less to operate. ' +
      'Containers are usually run by an orchestrator whose units are pods, stable service endpoints, declarative deployments and managed configuration.',
    reference: 'Part XI §1, Compute Options; Part XI §2, Container Orchestration',
    related: ['serverless', 'sidecar'],
    rules: [],
  },
  {
    id: 'testing-pyramid',
    title: 'Testing pyramid',
    aliases: ['testing pyramid', 'test pyramid', 'contract test', 'contract tests', 'contract testing', 'end-to-end tests', 'unit tests', 'integration tests'],
    summary:
      'Most tests should be fast, stable unit tests; fewer should check component boundaries; only a handful should drive the whole system end to end, since those are slow and brittle. ' +
      'Contract tests guard API compatibility on every commit; performance and chaos tests run before releases or periodically.',
    reference: 'Part XII §1, Testing Pyramid; Part XII §2, Testing Types',
    related: ['testing-in-production'],
    rules: [],
  },
  {
    id: 'load-balancing',
    title: 'Load balancing',
    aliases: ['load balancing', 'load balancer', 'load balancers', 'round robin', 'least connections', 'consistent hashing', 'sticky sessions'],
    summary:
      'A load balancer spreads requests over instances: round robin is simplest but blind to load, least-connections follows load but keeps state, hashing on the client address gives stickiness but uneven spread, and consistent hashing moves few keys when nodes change. ' +
      'It should probe instances and watch real traffic, and stop sending work to unhealthy ones.',
    reference: 'Part XXV §4, Load Balancing',
    related: ['health-check', 'redundancy', 'scaling-dimensions'],
    rules: [],
  },
  {
    id: 'c4-model',
    title: 'C4 model and diagram standards',
    aliases: ['C4 model', 'C4', 'architecture diagram', 'architecture diagrams', 'system context diagram', 'container diagram'],
    summary:
      'Architecture is drawn at four zoom levels: the system in its context, its containers (the main technology choices), the components inside a container, and optionally code. ' +
      'Every diagram carries a title and date, a legend, clear boundaries and connections labelled with their protocol, and lives in version control.',
    reference: 'Part XXIV §2, Architecture Diagram Standards',
    related: ['documentation-types', 'component'],
    rules: [],
  },
  {
    id: 'documentation-types',
    title: 'Documentation types',
    aliases: ['documentation types', 'API reference', 'onboarding guide', 'onboarding guides', 'documentation as code'],
    summary:
      'Each kind of document has its readers and its rhythm: diagrams for everyone, refreshed when the system changes; API references for developers, every release; runbooks for operators, after incidents teach something; ADRs for future engineers, whenever a decision is made; onboarding guides for newcomers, every quarter. ' +
      'A document without an owner and an update trigger goes stale.',
    reference: 'Part XXIV §1, Documentation Types',
    related: ['adr', 'runbook', 'c4-model'],
    rules: [],
  },
  {
    id: 'twelve-factor',
    title: 'Twelve-factor app',
    aliases: ['twelve-factor', 'twelve-factor app', '12-factor', '12 factor app', 'cloud native'],
    summary:
      'A checklist for services that run well on cloud platforms: one codebase, declared dependencies, configuration from the environment, backing services as attachable resources, separate build/release/run stages, ' +
      'stateless processes, self-contained port binding, scaling by adding processes, quick start and clean stop, similar environments, logs as event streams and one-off admin tasks. ' +
      'The framework adds API-first design, built-in telemetry, security as code and feature flags.',
    reference: 'Appendix F §2, Cloud Native Principles',
    related: ['observability', 'infrastructure-as-code'],
    rules: [],
  },
  {
    id: 'architecture-checklist',
    title: 'Architecture checklist',
    aliases: ['architecture checklist', 'design checklist', 'pre-deployment checklist'],
    summary:
      'Before a system ships, the framework asks for a short list per phase: documented requirements, trade-offs and ADRs at design time; reviews, tests, runbooks and a rehearsed rollback during implementation; ' +
      'monitoring, alerts, on-call and canary and rollback criteria at deployment; measured SLOs, capacity planning, incident drills, postmortems and tracked debt in operation. ' +
      'archframe checks the parts of this list that a manifest can express.',
    reference: 'Part XV, Checklist',
    related: ['adr', 'runbook', 'slo', 'deployment-strategies'],
    rules: [],
  },
];
