import { CHANNEL_KINDS, CLASSIFICATIONS, COMPONENT_KINDS, CONSISTENCY, DELIVERIES, TOPOLOGIES } from '../model/manifest';
import { SnippetBuilder } from './snippet';

/**
 * Manifest snippets. Each fills in what the rules expect of a well-described
 * element, so that a new element starts clean: timeouts and retries with
 * exponential backoff and jitter (Part VII §2), a circuit breaker, one owner,
 * observability and an SLO (Part XXVII, Appendix D §1), a consistency model
 * (Part V §2), encryption and backups (Part XXIII §2), a dead-letter channel.
 * Bodies are relative to the line they are inserted on (the editor indents
 * the following lines to match).
 */

/** Where a manifest snippet goes: under which section, or inside a component. */
export type ManifestSnippetHost = 'components' | 'datastores' | 'channels' | 'dependsOn' | 'component';

const SYNC_VIA = ['http', 'grpc', 'graphql', 'database'] as const;
const DEPLOYMENTS_SAFE_FIRST = ['rolling', 'blue-green', 'canary', 'recreate'] as const;
const EXPOSURES_INTERNAL_FIRST = ['internal', 'public', 'private'] as const;
const AUTH_STRONG_FIRST = ['mtls', 'oauth2', 'jwt', 'session', 'api-key'] as const;

/** Puts the preferred value first (the default of a choice is its first option). */
function preferring<T extends string>(values: readonly T[], first: T): T[] {
  return [first, ...values.filter((v) => v !== first)];
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');
}

/** One item of `dependsOn`: a synchronous call with a timeout, bounded retries and a circuit breaker. */
export function dependencySnippet(b: SnippetBuilder): string {
  return [
    `- target: ${b.field('other-component')}`,
    `  via: ${b.choice(SYNC_VIA)}`,
    `  timeout: ${b.field('500ms')}`,
    `  retry: { attempts: ${b.field('3')}, backoff: exponential, jitter: true, baseDelay: ${b.field('100ms')}, maxDelay: ${b.field('2s')} }`,
    `  circuitBreaker: { failureThreshold: ${b.field('5')}, resetTimeout: ${b.field('30s')} }`,
  ].join('\n');
}

export function sloSnippet(b: SnippetBuilder): string {
  return ['slo:', `  availability: ${b.choice(['99.9', '99.5', '99.95', '99.99'])}`, `  latencyP99: ${b.field('300ms')}`, `  errorRate: ${b.field('1')}`].join('\n');
}

export function componentSnippet(): string {
  const b = new SnippetBuilder();
  const name = b.field('component-name');
  const nameIndex = b.last;
  return [
    `${name}:`,
    `  kind: ${b.choice(preferring(COMPONENT_KINDS, 'service'))}`,
    `  layer: ${b.field('application')}`,
    `  owner: ${b.field('team-name')}`,
    `  description: ${b.field('What it does, in one line.')}`,
    `  replicas: ${b.field('2')}`,
    `  deployment: ${b.choice(DEPLOYMENTS_SAFE_FIRST)}`,
    `  exposure: ${b.choice(EXPOSURES_INTERNAL_FIRST)}`,
    `  auth: ${b.choice(AUTH_STRONG_FIRST)}`,
    '  tls: true',
    `  observability: { logs: structured, metrics: red, traces: true, healthCheck: ${b.field('/healthz')}, alerts: burn-rate }`,
    indent(sloSnippet(b), 2),
    `  runbook: docs/runbooks/${b.mirror(nameIndex)}.md`,
    '  dependsOn:',
    indent(dependencySnippet(b), 4),
    '$0',
  ].join('\n');
}

export function datastoreSnippet(): string {
  const b = new SnippetBuilder();
  return [
    `${b.field('datastore-name')}:`,
    `  engine: ${b.field('postgresql')}`,
    `  owner: ${b.field('owning-component')}`,
    `  consistency: ${b.choice(CONSISTENCY)}`,
    `  classification: ${b.choice(preferring(CLASSIFICATIONS, 'internal'))}`,
    `  pii: ${b.choice(['false', 'true'])}`,
    `  encryption: { atRest: true, algorithm: ${b.field('aes-256-gcm')} }`,
    `  replication: { topology: ${b.choice(TOPOLOGIES)}, replicas: ${b.field('2')} }`,
    `  backup: { copies: ${b.field('3')}, media: ${b.field('2')}, offsite: ${b.field('1')}, schedule: ${b.choice(['daily', 'hourly', 'weekly'])} }`,
    `  rpo: ${b.field('15m')}`,
    `  rto: ${b.field('1h')}`,
    '  auditLog: true',
    '$0',
  ].join('\n');
}

export function channelSnippet(): string {
  const b = new SnippetBuilder();
  const name = b.field('channel-name');
  const nameIndex = b.last;
  return [
    `${name}:`,
    `  kind: ${b.choice(preferring(CHANNEL_KINDS, 'topic'))}`,
    `  technology: ${b.field('kafka')}`,
    `  delivery: ${b.choice(preferring(DELIVERIES, 'at-least-once'))}`,
    `  ordering: ${b.choice(['true', 'false'])}`,
    // The dead-letter channel's name defaults to this channel's name with -dlq.
    `  deadLetter: ${b.fieldOf(`${b.mirror(nameIndex)}-dlq`)}`,
    '  outbox: true',
    `  consistency: ${b.choice(preferring(CONSISTENCY, 'eventual'))}`,
    '$0',
  ].join('\n');
}
