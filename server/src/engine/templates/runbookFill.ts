import type { Component } from '../model/manifest';
import { durationMs, percentValue } from '../model/values';
import type { ManifestElement } from '../parse/manifest';
import { isSynchronous, type DependencyEdge } from '../workspace/manifestModel';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import { dependencyText, type RunbookFill, type RunbookIssueFill } from './operations';

/**
 * A runbook's content from the manifest: overview (description, owner, on-call),
 * dependencies, one issue per SLO objective. New Runbook and the runbook rules'
 * quick fixes fill the runbook template with it.
 */

const ACRONYMS = new Set(['api', 'db', 'sql', 'http', 'grpc', 'ui', 'id', 'dns', 'cdn', 'sso', 'jwt', 'io', 'ml', 'sms', 'pdf', 'url', 'etl', 'crm', 'erp', 'bff', 'dlq']);

/** `api-gateway` → `API Gateway`: the runbook title's service name (it kebab-cases back to the component). */
export function displayName(name: string): string {
  return name
    .split('-')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `800ms` → `800 ms`, `1s` → `1 s`. */
function spaced(duration: string): string {
  return duration.replace(/^(\d+(?:\.\d+)?)([a-z]+)$/, '$1 $2');
}

function percentText(value: string | number): string {
  return `${percentValue(value) ?? value} %`;
}

export function runbookFill(workspace: WorkspaceSnapshot, element: ManifestElement<'components'>): RunbookFill {
  const component = element.value!;
  const edges = workspace.manifests.dependenciesOf(element.name);
  return {
    name: displayName(element.name),
    overview: overview(workspace, element.name, component),
    dependencies: edges.map((edge) => dependencyText(edge.spec)),
    issues: sloIssues(component, edges),
  };
}

function overview(workspace: WorkspaceSnapshot, name: string, component: Component): string {
  const parts: string[] = [];
  if (component.description) parts.push(sentence(component.description));
  const shape = [component.exposure, component.kind].filter(Boolean).join(' ');
  const running = [component.replicas !== undefined ? `${component.replicas} replica${component.replicas === 1 ? '' : 's'}` : undefined, component.deployment && `deployed ${component.deployment}`].filter(Boolean);
  parts.push(`${name} is ${/^[aeiou]/.test(shape) ? 'an' : 'a'} ${shape}${running.length ? ` (${running.join(', ')})` : ''}.`);
  if (component.owner) {
    const oncall = workspace.manifests.teams.get(component.owner)?.value?.oncall;
    const team = /team$/i.test(component.owner) ? component.owner : `the ${component.owner} team`;
    parts.push(`Owned by ${team}${typeof oncall === 'string' ? `; on-call rotation: ${oncall}` : ''}.`);
  } else parts.push('No owning team is declared in the manifest.');
  if (component.observability?.healthCheck) parts.push(`Health check: \`${component.observability.healthCheck}\`.`);
  return parts.join(' ');
}

const ROLLBACK: Record<string, string> = {
  'blue-green': 'If a deploy started it, switch traffic back to the previous (blue) environment.',
  canary: 'If a canary is running, stop it and send all traffic to the stable version.',
  rolling: 'If a deploy started it, roll back to the previous version.',
  recreate: 'If a deploy started it, redeploy the previous version (recreate: expect a short outage while it starts).',
};

/** One issue per SLO objective, in the order latency, availability, error rate. */
function sloIssues(component: Component, edges: readonly DependencyEdge[]): RunbookIssueFill[] {
  const slo = component.slo;
  if (!slo) return [];
  const synchronous = edges.filter(isSynchronous).map((e) => e.spec.target);
  const slowest = [...edges].sort((a, b) => (durationMs(b.spec.timeout) ?? 0) - (durationMs(a.spec.timeout) ?? 0))[0];
  const rollback = ROLLBACK[component.deployment ?? 'rolling'];
  const alert = component.observability?.alerts === 'burn-rate' ? '; the burn-rate alert fires' : '';
  const issues: RunbookIssueFill[] = [];
  if (slo.latencyP99 !== undefined) {
    issues.push({
      name: 'High latency',
      symptoms: `P99 above ${spaced(slo.latencyP99)} (the SLO)${alert}.`,
      diagnosis: [
        synchronous.length > 0 ? `Find the slow hop in the traces: ${synchronous.join(', ')}.` : 'Find the slow span in the traces.',
        'Check the service\'s own saturation: CPU, memory, connection pools, queue depth.',
      ],
      resolution: [
        slowest ? `If one dependency is slow, let its circuit breaker open or use its fallback (the longest timeout is ${slowest.spec.target}'s${slowest.spec.timeout ? `, ${spaced(slowest.spec.timeout)}` : ''}).` : 'If a downstream call is slow, shed or defer that work.',
        `If the service itself is saturated, scale out${component.replicas !== undefined ? ` (now ${component.replicas} replica${component.replicas === 1 ? '' : 's'})` : ''}.`,
      ],
    });
  }
  if (slo.availability !== undefined) {
    issues.push({
      name: `Availability below ${percentText(slo.availability)}`,
      symptoms: `Fewer than ${percentText(slo.availability)} of requests succeed${alert}; error budget burning.`,
      diagnosis: [
        component.observability?.healthCheck ? `Check \`${component.observability.healthCheck}\` on every replica.` : 'Check that every replica is up and ready.',
        synchronous.length > 0 ? `Check the health of its dependencies: ${synchronous.join(', ')}.` : 'Check recent changes: deploys, configuration, infrastructure.',
      ],
      resolution: [rollback, 'Replace replicas that fail their health check.'],
    });
  }
  if (slo.errorRate !== undefined) {
    issues.push({
      name: `Error rate above ${percentText(slo.errorRate)}`,
      symptoms: `More than ${percentText(slo.errorRate)} of requests fail${alert}.`,
      diagnosis: ['Group the errors by endpoint and by dependency in logs and traces.', 'Compare the start of the errors with the latest deploy or configuration change.'],
      resolution: [rollback, 'If one dependency fails, degrade gracefully: open its breaker, serve its fallback.'],
    });
  }
  return issues;
}
