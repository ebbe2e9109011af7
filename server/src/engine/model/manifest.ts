import { z } from 'zod';
import { adrReference, duration, kebabName, percent } from './values';

/**
 * The manifest format (shared/spec/manifest.md), as zod schemas. The model's
 * TypeScript types are inferred from these, and the JSON Schema shipped for
 * other YAML tools is generated from them at build time.
 */

const describe = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description }) as T;

const PHASES = ['genesis', 'growth', 'maturity', 'legacy'] as const;
const STYLES = ['layered', 'hexagonal', 'event-driven', 'microservices', 'modular-monolith', 'serverless'] as const;
export const TEAM_TYPES = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
export const COMPONENT_KINDS = ['service', 'frontend', 'gateway', 'worker', 'function', 'job', 'library'] as const;
const DEPLOYMENTS = ['recreate', 'rolling', 'blue-green', 'canary'] as const;
const EXPOSURES = ['public', 'internal', 'private'] as const;
const AUTH_METHODS = ['none', 'session', 'jwt', 'oauth2', 'mtls', 'api-key'] as const;
const INTERFACE_TYPES = ['rest', 'grpc', 'graphql', 'events', 'websocket', 'sse'] as const;
const LOG_KINDS = ['structured', 'unstructured', 'none'] as const;
const METRIC_KINDS = ['red', 'use', 'none'] as const;
const ALERT_KINDS = ['burn-rate', 'threshold', 'none'] as const;
export const VIA = ['http', 'grpc', 'graphql', 'websocket', 'event', 'queue', 'library', 'database'] as const;
const ACCESS = ['read', 'write', 'read-write'] as const;
const BACKOFFS = ['none', 'fixed', 'exponential'] as const;
const DISTANCES = ['same-host', 'same-datacenter', 'cross-region', 'cross-continent'] as const;
export const CONSISTENCY = ['strong', 'eventual', 'causal', 'session'] as const;
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export const TOPOLOGIES = ['single-leader', 'multi-leader', 'leaderless'] as const;
export const CONFLICT_RESOLUTIONS = ['lww', 'multi-value', 'crdt', 'application'] as const;
export const CHANNEL_KINDS = ['queue', 'topic', 'stream'] as const;
export const DELIVERIES = ['at-most-once', 'at-least-once', 'exactly-once'] as const;

export const SYNCHRONOUS_VIA: ReadonlySet<string> = new Set(['http', 'grpc', 'graphql', 'database']);
export const ASYNCHRONOUS_VIA: ReadonlySet<string> = new Set(['event', 'queue']);

const decisions = describe(z.array(adrReference), 'ADRs that record the decisions behind this element.');

export const teamSchema = z.strictObject({
  type: describe(z.enum(TEAM_TYPES), 'Team type (Part XIII §2).').optional(),
  members: describe(z.number().int().nonnegative(), 'Number of people on the team.').optional(),
  oncall: describe(z.union([z.string(), z.boolean()]), 'On-call rotation name, or true/false.').optional(),
  contact: describe(z.string(), 'How to reach the team.').optional(),
});

const retrySchema = z.strictObject({
  attempts: describe(z.number().int().min(1), 'Total attempts, the first call included.').optional(),
  backoff: describe(z.enum(BACKOFFS), 'How the wait between attempts grows (Part VII §2).').optional(),
  jitter: describe(z.boolean(), 'Randomise the wait so callers do not retry in lockstep.').optional(),
  baseDelay: duration.optional(),
  maxDelay: duration.optional(),
});

const circuitBreakerSchema = z.strictObject({
  failureThreshold: describe(z.number().int().min(1), 'Failures that open the circuit.').optional(),
  resetTimeout: duration.optional(),
});

export const dependencyObjectSchema = z.strictObject({
  target: describe(kebabName, 'The component, datastore or channel depended on.'),
  via: describe(z.enum(VIA), 'How the call travels: synchronous (http, grpc, graphql, database), asynchronous (event, queue) or in-process (library).').optional(),
  access: describe(z.enum(ACCESS), 'read, write or read-write; for channels write = produce, read = consume.').optional(),
  idempotent: describe(z.boolean(), 'Is the operation safe to repeat?').optional(),
  idempotencyKey: describe(z.boolean(), 'The caller sends a key that makes repeats safe.').optional(),
  timeout: duration.optional(),
  retry: retrySchema.optional(),
  circuitBreaker: circuitBreakerSchema.optional(),
  fallback: describe(z.string(), 'What the caller does when the target is down (graceful degradation).').optional(),
  distance: describe(z.enum(DISTANCES), 'Network latency class of the call (Part VIII §1, Appendix B).').optional(),
  parallel: describe(z.boolean(), 'Called in parallel with the caller\'s other calls.').optional(),
  tls: describe(z.boolean(), 'Is the call encrypted in transit?').optional(),
});

/** A dependency is an object, or a bare target name with every other field at its default. */
const dependencySchema = z.union([kebabName, dependencyObjectSchema]);

const observabilitySchema = z.strictObject({
  logs: describe(z.enum(LOG_KINDS), 'Log format.').optional(),
  metrics: describe(z.enum(METRIC_KINDS), 'Metric method: RED for services, USE for resources.').optional(),
  traces: describe(z.boolean(), 'Distributed tracing enabled.').optional(),
  healthCheck: describe(z.string(), 'Health-check endpoint or command.').optional(),
  alerts: describe(z.enum(ALERT_KINDS), 'Alerting style; burn-rate alerts follow the SLO.').optional(),
});

const sloSchema = z.strictObject({
  availability: percent.optional(),
  latencyP99: duration.optional(),
  errorRate: percent.optional(),
});

export const componentSchema = z.strictObject({
  kind: describe(z.enum(COMPONENT_KINDS), 'What the component is.'),
  layer: describe(z.string(), 'One of the declared layers.').optional(),
  owner: describe(z.string(), 'The one owning team (Part XIII §3).').optional(),
  description: z.string().optional(),
  technology: z
    .strictObject({ language: z.string().optional(), framework: z.string().optional(), runtime: z.string().optional() })
    .optional(),
  replicas: describe(z.number().int().nonnegative(), 'Number of running instances.').optional(),
  deployment: describe(z.enum(DEPLOYMENTS), 'Deployment strategy (Part X §1).').optional(),
  exposure: describe(z.enum(EXPOSURES), 'Who can reach it.').optional(),
  auth: describe(z.enum(AUTH_METHODS), 'How callers authenticate (Part IX §2).').optional(),
  tokenLifetime: duration.optional(),
  tls: describe(z.boolean(), 'Serves over TLS.').optional(),
  passwordHashing: describe(z.string(), 'Password hashing algorithm, e.g. argon2id.').optional(),
  interface: z.strictObject({ type: z.enum(INTERFACE_TYPES).optional(), spec: z.string().optional() }).optional(),
  observability: observabilitySchema.optional(),
  slo: sloSchema.optional(),
  runbook: describe(z.string(), 'Workspace-relative path of the runbook.').optional(),
  decisions: decisions.optional(),
  dependsOn: describe(z.array(dependencySchema), 'What this component calls, reads, writes, produces or consumes.').optional(),
});

export const datastoreSchema = z.strictObject({
  engine: describe(z.string(), 'Storage engine, e.g. postgresql.').optional(),
  owner: describe(z.string(), 'The one component that owns this state.').optional(),
  consistency: describe(z.enum(CONSISTENCY), 'Consistency model (Part V §2).').optional(),
  classification: describe(z.enum(CLASSIFICATIONS), 'Data classification (Part XXII §1).').optional(),
  pii: describe(z.boolean(), 'Holds personal data.').optional(),
  encryption: z.strictObject({ atRest: z.boolean().optional(), algorithm: z.string().optional() }).optional(),
  replication: z
    .strictObject({
      topology: describe(z.enum(TOPOLOGIES), 'Replication topology (Part XVII §4).').optional(),
      replicas: z.number().int().min(1).optional(),
      w: describe(z.number().int().min(0), 'Write quorum.').optional(),
      r: describe(z.number().int().min(0), 'Read quorum.').optional(),
      conflictResolution: z.enum(CONFLICT_RESOLUTIONS).optional(),
    })
    .optional(),
  backup: z
    .strictObject({
      copies: z.number().int().nonnegative().optional(),
      media: z.number().int().nonnegative().optional(),
      offsite: z.number().int().nonnegative().optional(),
      schedule: z.string().optional(),
    })
    .optional(),
  rpo: duration.optional(),
  rto: duration.optional(),
  auditLog: z.boolean().optional(),
  transactions: describe(z.boolean(), 'Holds ACID workloads.').optional(),
  decisions: decisions.optional(),
});

export const channelSchema = z.strictObject({
  kind: describe(z.enum(CHANNEL_KINDS), 'queue, topic or stream.').optional(),
  technology: z.string().optional(),
  delivery: describe(z.enum(DELIVERIES), 'Delivery guarantee (Appendix C §2).').optional(),
  ordering: z.boolean().optional(),
  deadLetter: describe(z.string(), 'Channel that receives messages that cannot be processed.').optional(),
  outbox: describe(z.boolean(), 'Producers publish through a transactional outbox.').optional(),
  consistency: z.enum(CONSISTENCY).optional(),
  decisions: decisions.optional(),
});

const names = z.array(z.string());

/** The top level, except the four maps of named elements, which are validated entry by entry. */
export const rootSchema = z.strictObject({
  archframe: describe(z.literal(1), 'Manifest format version.'),
  system: describe(z.string(), 'The system\'s name.'),
  description: z.string().optional(),
  phase: describe(z.enum(PHASES), 'Lifecycle phase (Part I §2).').optional(),
  style: describe(z.enum(STYLES), 'Main architectural pattern (Part IV, Appendix C).').optional(),
  layers: describe(names, 'Layer names, top to bottom; dependencies point downward (Part IV §1).').optional(),
  decisions: decisions.optional(),
  radar: z
    .strictObject({ adopt: names.optional(), trial: names.optional(), assess: names.optional(), hold: names.optional() })
    .optional(),
});

export const ELEMENT_SECTIONS = {
  teams: teamSchema,
  components: componentSchema,
  datastores: datastoreSchema,
  channels: channelSchema,
} as const;

export type ElementSection = keyof typeof ELEMENT_SECTIONS;
export const ELEMENT_SECTION_NAMES = Object.keys(ELEMENT_SECTIONS) as ElementSection[];

/** The whole manifest, for the JSON Schema and for documentation. */
export const manifestSchema = rootSchema.extend({
  teams: z.record(kebabName, teamSchema).optional(),
  components: z.record(kebabName, componentSchema).optional(),
  datastores: z.record(kebabName, datastoreSchema).optional(),
  channels: z.record(kebabName, channelSchema).optional(),
});

export type Root = z.infer<typeof rootSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Datastore = z.infer<typeof datastoreSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type DependencyObject = z.infer<typeof dependencyObjectSchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type ManifestData = z.infer<typeof manifestSchema>;
