import type { KnowledgeInput } from './types';

/** Deployment, observability, SRE, incidents and disaster recovery: Part X, Part XXIII, Part XXIV, Part XXVII, Appendix D. */
export const OPERATIONS: KnowledgeInput[] = [
  {
    id: 'deployment-strategies',
    title: 'Deployment strategies',
    aliases: ['deployment strategy', 'deployment strategies', 'rollback', 'rollbacks', 'roll back'],
    summary:
      'How a new version replaces the old one decides the risk of a release and how fast you can go back: recreate (risky, manual rollback, cheap), rolling (medium risk, automatic rollback), ' +
      'blue-green (low risk, instant rollback, double the resources) and canary (lowest risk, instant rollback). ' +
      'In a manifest: a component\'s `deployment`.',
    reference: 'Part X §1, Deployment Strategies',
    related: ['recreate-deployment', 'rolling-deployment', 'blue-green-deployment', 'canary-release', 'reversibility'],
    rules: ['rollback-strategy'],
  },
  {
    id: 'recreate-deployment',
    title: 'Recreate deployment',
    aliases: ['recreate deployment', 'recreate strategy', 'stop-the-world deployment'],
    summary:
      'All old instances are stopped, then the new version is started. It needs no extra capacity, but there is downtime in between and going back means another manual redeploy, ' +
      'so it does not fit components with high availability targets.',
    reference: 'Part X §1, Deployment Strategies',
    related: ['deployment-strategies', 'rolling-deployment'],
    rules: ['rollback-strategy'],
  },
  {
    id: 'rolling-deployment',
    title: 'Rolling deployment',
    aliases: ['rolling deployment', 'rolling update', 'rolling updates', 'rolling release'],
    summary:
      'Instances are replaced a few at a time while the rest keep serving, and the rollout can be reversed automatically when health checks fail. ' +
      'Medium risk and cost; old and new versions run side by side for a while, so they must be compatible.',
    reference: 'Part X §1, Deployment Strategies',
    related: ['deployment-strategies', 'health-check', 'schema-evolution'],
    rules: [],
  },
  {
    id: 'blue-green-deployment',
    title: 'Blue-green deployment',
    aliases: ['blue-green', 'blue/green', 'blue green deployment', 'blue-green deployment'],
    summary:
      'A complete second environment runs the new version; traffic is switched over in one step and can be switched back just as fast. ' +
      'Low risk and instant rollback, for twice the resources during the release.',
    reference: 'Part X §1, Deployment Strategies',
    related: ['deployment-strategies', 'canary-release'],
    rules: [],
  },
  {
    id: 'canary-release',
    title: 'Canary release',
    aliases: ['canary', 'canary release', 'canary deployment', 'canaries'],
    summary:
      'The new version first receives a small share of real traffic; if its error rate and latency stay healthy the share grows, otherwise the traffic goes back at once. ' +
      'The lowest-risk strategy in the framework\'s table, and a form of testing in production.',
    reference: 'Part X §1, Deployment Strategies',
    related: ['deployment-strategies', 'slo', 'testing-in-production'],
    rules: [],
  },
  {
    id: 'testing-in-production',
    title: 'Testing in production',
    aliases: ['testing in production', 'feature flag', 'feature flags', 'shadow traffic', 'chaos engineering'],
    summary:
      'Some failures only show up under real traffic, so mature teams verify in production on purpose, with limited blast radius: feature flags per cohort, canaries, mirrored (shadow) traffic, deliberate fault injection. ' +
      'It complements the testing pyramid, it does not replace it.',
    reference: 'Part XII §3, Testing in Production',
    related: ['canary-release'],
    rules: [],
  },
  {
    id: 'observability',
    title: 'Observability: logs, metrics, traces',
    aliases: ['observability', 'three pillars', 'three pillars of observability', 'telemetry'],
    summary:
      'Three complementary signals: metrics are aggregated numbers over time (counters, gauges, histograms), logs are individual events with context, and traces follow one request across services as a tree of spans. ' +
      'A service, gateway or worker should emit all three. In a manifest: `observability` with `logs`, `metrics`, `traces`.',
    reference: 'Part X §2, Observability Stack; Part XXVII §1, The Three Pillars',
    related: ['axiom-4', 'structured-logs', 'red-method', 'use-method', 'distributed-tracing', 'health-check'],
    rules: ['observability-pillars'],
  },
  {
    id: 'structured-logs',
    title: 'Structured logs',
    aliases: ['structured logs', 'structured logging', 'unstructured logs', 'JSON logs'],
    summary:
      'Logs written as records with named fields (typically JSON) can be searched, filtered and aggregated by machines; free-text lines are for humans only. ' +
      'Prefer structured logs for anything you will need to query during an incident.',
    reference: 'Part XXVII §1, Logs',
    related: ['observability'],
    rules: ['structured-logs', 'observability-pillars'],
  },
  {
    id: 'red-method',
    title: 'RED method',
    aliases: ['RED method', 'RED metrics', 'rate errors duration'],
    summary:
      'For anything that serves requests, watch three numbers: the rate of requests, the rate of failed requests and the distribution of their durations. ' +
      'Together they show what users experience. In a manifest: `metrics: red`.',
    reference: 'Part X §2, Key Metrics (RED Method)',
    related: ['use-method', 'observability', 'slo'],
    rules: ['observability-pillars'],
  },
  {
    id: 'use-method',
    title: 'USE method',
    aliases: ['USE method', 'USE metrics', 'utilization saturation errors', 'utilisation saturation errors', 'saturation'],
    summary:
      'For every resource (CPU, memory, disk, pool, queue), watch how busy it is, how much work is waiting for it and how many errors it produces. ' +
      'Suited to workers and infrastructure, where there is no request rate to speak of. In a manifest: `metrics: use`.',
    reference: 'Part X §2, Key Metrics (USE Method)',
    related: ['red-method', 'observability'],
    rules: ['observability-pillars'],
  },
  {
    id: 'distributed-tracing',
    title: 'Distributed tracing',
    aliases: ['distributed tracing', 'tracing', 'trace', 'traces', 'span', 'spans'],
    summary:
      'A trace records the path of one request through every service it touches, each step a span with its timing. ' +
      'It is how you find which hop made a request slow or failed. In a manifest: `observability.traces: true`.',
    reference: 'Part XXVII §1, Traces',
    related: ['observability'],
    rules: ['observability-pillars'],
  },
  {
    id: 'health-check',
    title: 'Health checks',
    aliases: ['health check', 'health checks', 'health-check', 'healthcheck', 'liveness probe', 'readiness probe'],
    summary:
      'An endpoint or command that tells the platform and load balancers whether an instance works, probed periodically, complemented by watching real traffic. ' +
      'It is how crashed instances are detected and taken out of rotation. In a manifest: `observability.healthCheck`.',
    reference: 'Part XXV §4, Health Checking; Part VII §1, Failure Categories',
    related: ['failure-categories', 'redundancy', 'observability'],
    rules: ['health-check'],
  },
  {
    id: 'slo',
    title: 'Service level objectives (SLOs)',
    aliases: ['SLO', 'SLOs', 'service level objective', 'service level objectives', 'SLA', 'SLAs', 'SLI', 'SLIs', 'availability target'],
    summary:
      'An SLO defines "reliable enough" in numbers a user would care about: an availability percentage, a latency percentile, an error rate. ' +
      'It is a target, not a hope: alerts, error budgets and capacity follow from it. 99.9 % availability, for instance, allows about 8.8 hours of downtime a year. ' +
      'In a manifest: a component\'s `slo`.',
    reference: 'Appendix D §1, Service Level Objectives (SLOs)',
    related: ['error-budget', 'burn-rate-alerting', 'availability-budget', 'latency-budget'],
    rules: ['slo-defined', 'slo-alerting', 'availability-budget', 'latency-budget', 'single-instance'],
  },
  {
    id: 'error-budget',
    title: 'Error budget',
    aliases: ['error budget', 'error budgets'],
    summary:
      'The unreliability an SLO permits: a 99.9 % objective leaves 0.1 % of requests (or time) that may fail. ' +
      'While budget remains, the team ships and experiments; once it is spent, work shifts to reliability until it recovers.',
    reference: 'Appendix D §1, Error Budgets',
    related: ['slo', 'burn-rate-alerting'],
    rules: ['slo-alerting'],
  },
  {
    id: 'burn-rate-alerting',
    title: 'Burn-rate alerting',
    aliases: ['burn rate', 'burn-rate', 'burn-rate alerting', 'burn rate alerts', 'SLO-based alerting', 'fast burn', 'slow burn'],
    summary:
      'Instead of alerting on raw thresholds, alert on how fast the error budget is being used: a fast burn over a short window pages someone now, a slow burn over hours opens a ticket. ' +
      'This keeps pages rare and tied to what users feel. In a manifest: `observability.alerts: burn-rate`.',
    reference: 'Part XXVII §2, SLO-Based Alerting',
    related: ['error-budget', 'slo', 'alerting'],
    rules: ['slo-alerting'],
  },
  {
    id: 'alerting',
    title: 'Alert quality',
    aliases: ['alerting', 'alert quality', 'threshold alert', 'threshold alerts', 'alert fatigue', 'actionable alerts'],
    summary:
      'A good alert fires for real incidents, rarely fires for anything else, and says what to do. ' +
      'Static thresholds on raw metrics tend to be noisy or late; alerts derived from the SLO are usually better.',
    reference: 'Part XXVII §2, Alert Quality',
    related: ['burn-rate-alerting', 'runbook'],
    rules: ['slo-alerting'],
  },
  {
    id: 'incident-management',
    title: 'Incident management',
    aliases: ['incident', 'incidents', 'incident management', 'incident response', 'incident commander', 'SEV1', 'SEV2', 'severity level', 'severity levels'],
    summary:
      'An incident runs through detection, triage, mitigation, resolution and a postmortem. Severity levels (SEV1 customer-facing outage to SEV4 no customer impact) set how hard to respond. ' +
      'An incident commander coordinates, delegates and communicates, and deliberately does not debug.',
    reference: 'Part X §3, Incident Management; Appendix D §2, Incident Management',
    related: ['postmortem', 'runbook', 'on-call'],
    rules: [],
  },
  {
    id: 'runbook',
    title: 'Runbook',
    aliases: ['runbook', 'runbooks', 'playbook', 'playbooks'],
    summary:
      'A runbook tells whoever is on call how to operate one service: what it does, what it depends on, and for each known problem its symptoms, how to diagnose it and how to resolve it. ' +
      'In a manifest a component links its runbook with `runbook: <path>`.',
    reference: 'Part XXIV §3, Runbook Structure',
    related: ['on-call', 'incident-management', 'alerting'],
    rules: ['runbook'],
  },
  {
    id: 'postmortem',
    title: 'Postmortem',
    aliases: ['postmortem', 'postmortems', 'post-mortem', 'post-mortems', 'incident review', 'root cause', 'root cause analysis', 'action item', 'action items'],
    summary:
      'After an incident the team writes down what happened: summary, impact, timeline, root cause, what went well and badly, and action items with owners and deadlines. ' +
      'Drafted within a day or two, reviewed within a week, its action items tracked to completion.',
    reference: 'Appendix D §3, Postmortem Process',
    related: ['blameless-postmortem', 'incident-management'],
    rules: [],
  },
  {
    id: 'blameless-postmortem',
    title: 'Blameless postmortem culture',
    aliases: ['blameless', 'blameless postmortem', 'blameless culture', 'blameless postmortems'],
    summary:
      'A postmortem asks what in the system allowed the failure, never who is to blame. ' +
      'People must be safe to report their mistakes, or the organisation stops learning about its weak spots; the lessons are shared widely.',
    reference: 'Appendix D §3, Blameless Culture; Part XXVII §3, Postmortem Culture',
    related: ['postmortem'],
    rules: [],
  },
  {
    id: 'on-call',
    title: 'On-call rotation',
    aliases: ['on-call', 'on call', 'oncall', 'on-call rotation', 'pager', 'paging'],
    summary:
      'Someone of the owning team is always reachable when a component breaks. ' +
      'The framework lists an on-call rotation as part of owning a component; in a manifest the team\'s `oncall` names it.',
    reference: 'Part XIII §3, Ownership Model',
    related: ['ownership', 'runbook', 'incident-management'],
    rules: ['on-call'],
  },
  {
    id: 'toil',
    title: 'Toil',
    aliases: ['toil'],
    summary:
      'Manual, repetitive work that could be automated and grows with the system. ' +
      'The framework wants it to stay under half of an SRE\'s time, reduced through automation, self-healing and better tools.',
    reference: 'Appendix D §1, Toil',
    related: ['slo'],
    rules: [],
  },
  {
    id: 'recovery-objectives',
    title: 'Recovery objectives (RTO and RPO)',
    aliases: ['RTO', 'RPO', 'recovery time objective', 'recovery point objective', 'recovery objectives', 'hot standby', 'warm standby', 'cold standby'],
    summary:
      'RTO is how long a service may stay down after a disaster; RPO is how much recent data may be lost, measured as time. ' +
      'Lower values cost more: a hot standby gets both near zero for about double the cost, warm and cold standbys trade minutes or hours for less, and backups alone may mean days to recover. ' +
      'In a manifest each datastore states `rpo` and `rto`.',
    reference: 'Part XXIII §1, Recovery Objectives',
    related: ['backup-3-2-1', 'dr-testing', 'replication-topologies'],
    rules: ['recovery-objectives'],
  },
  {
    id: 'backup-3-2-1',
    title: '3-2-1 backups',
    aliases: ['3-2-1', '3-2-1 rule', '3-2-1 backup', 'backup', 'backups', 'offsite backup', 'incremental backup', 'differential backup'],
    summary:
      'Keep three copies of the data, on two different kinds of storage, with one of them somewhere else. ' +
      'Full backups restore fastest, incremental ones are smallest but restore through a chain, differential ones sit in between. ' +
      'In a manifest: a datastore\'s `backup` with `copies`, `media` and `offsite`.',
    reference: 'Part XXIII §2, 3-2-1 Rule',
    related: ['recovery-objectives', 'dr-testing'],
    rules: ['backup-3-2-1'],
  },
  {
    id: 'dr-testing',
    title: 'Disaster-recovery testing',
    aliases: ['DR testing', 'disaster recovery', 'disaster recovery test', 'tabletop exercise', 'failover test'],
    summary:
      'A recovery plan that was never exercised is a guess. The framework escalates from tabletop discussions (quarterly) and walkthroughs to full simulations (yearly) and real failovers (every two years).',
    reference: 'Part XXIII §3, DR Testing',
    related: ['recovery-objectives', 'backup-3-2-1'],
    rules: [],
  },
  {
    id: 'capacity-planning',
    title: 'Capacity planning and estimation',
    aliases: ['capacity planning', 'capacity estimation', 'back-of-the-envelope', 'back of the envelope'],
    summary:
      'Estimate traffic, storage and bandwidth with rough arithmetic before building. ' +
      'Once running, track utilisation and growth signals to forecast when more capacity is needed, and provision ahead of it.',
    reference: 'Appendix C, Capacity Estimation; Appendix D §4, Capacity Planning',
    related: ['scaling-dimensions', 'use-method'],
    rules: [],
  },
];
