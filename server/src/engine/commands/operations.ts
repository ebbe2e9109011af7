import { isMap } from 'yaml';
import { addKey } from '../fixes/yamlEdits';
import type { TextEdit } from '../model/findings';
import type { Component } from '../model/manifest';
import type { DependencyEdge } from '../workspace/manifestModel';
import { durationMs, percentValue } from '../model/values';
import type { ManifestElement } from '../parse/manifest';
import { templatesFor, type Template, type TemplateTarget } from '../templates';
import { dependencyText, postmortemSnippet, SEVERITIES, runbookSnippet, type RunbookFill, type RunbookIssueFill } from '../templates/operations';
import { dateVariables, expandSnippet } from '../templates/snippet';
import { compareText, kebabCase } from '../text/strings';
import { joinUri, relativePath } from '../text/uri';
import type { DocumentKind } from '../workspace/classify';
import type { WorkspaceSnapshot } from '../workspace/snapshot';

/**
 * What the New Runbook and New Postmortem commands write, computed without
 * touching anything: the language server asks the user, calls these, and
 * applies the result with `workspace/applyEdit` (never over an existing file).
 */

export interface PlannedDocument {
  uri: string;
  /** Workspace-relative path, for messages. */
  path: string;
  text: string;
  /** Edits to other documents that go with the new one (the manifest's `runbook:` link). */
  edits: TextEdit[];
}

export type Plan = { ok: true; document: PlannedDocument } | { ok: false; message: string; existing?: string };

export interface RunbookCandidate {
  name: string;
  kind: string;
  description?: string;
  owner?: string;
  /** The runbook it already has (a URI), when that file exists. */
  runbook?: string;
}

/** Components of the workspace's manifests, for the quick pick; those without a runbook first. */
export function runbookCandidates(workspace: WorkspaceSnapshot): RunbookCandidate[] {
  const out: RunbookCandidate[] = [];
  for (const element of workspace.manifests.components.values()) {
    const value = element.value;
    if (!value) continue;
    const existing = [declaredRunbook(workspace, element), defaultRunbookUri(workspace, element)].find((uri) => uri !== undefined && workspace.exists(uri));
    out.push({ name: element.name, kind: value.kind, description: value.description, owner: value.owner, runbook: existing });
  }
  return out.sort((a, b) => Number(a.runbook !== undefined) - Number(b.runbook !== undefined) || compareText(a.name, b.name));
}

function workspaceFolder(workspace: WorkspaceSnapshot, uri: string): string {
  return workspace.folderOf(uri) ?? workspace.folders[0] ?? uri.slice(0, uri.lastIndexOf('/'));
}

function declaredRunbook(workspace: WorkspaceSnapshot, element: ManifestElement<'components'>): string | undefined {
  const path = element.value?.runbook;
  return path ? workspace.resolveWorkspacePath(element.manifest.uri, path) : undefined;
}

function defaultRunbookUri(workspace: WorkspaceSnapshot, element: ManifestElement<'components'>): string {
  return joinUri(workspaceFolder(workspace, element.manifest.uri), workspace.documentFolders.runbooks[0] ?? 'docs/runbooks', `${element.name}.md`);
}

function planned(workspace: WorkspaceSnapshot, uri: string, text: string, edits: TextEdit[] = []): Plan {
  return { ok: true, document: { uri, path: relativePath(workspaceFolder(workspace, uri), uri) ?? uri, text, edits } };
}

/**
 * A runbook for a component, filled from the manifest: Overview from its
 * description, owner and on-call; Dependencies from `dependsOn`; one Common
 * Issue per SLO objective. It goes where the component's `runbook:` points, or
 * to `<runbooks folder>/<name>.md` (and the manifest gets the `runbook:` link).
 */
export function planRunbook(workspace: WorkspaceSnapshot, componentName: string): Plan {
  const element = workspace.manifests.components.get(componentName);
  if (!element?.value) return { ok: false, message: `No component named '${componentName}' in the workspace's manifests.` };
  const declared = declaredRunbook(workspace, element);
  const uri = declared ?? defaultRunbookUri(workspace, element);
  if (workspace.exists(uri)) {
    const path = relativePath(workspaceFolder(workspace, uri), uri) ?? uri;
    return { ok: false, message: `${componentName} already has a runbook: ${path}. It was left as it is.`, existing: uri };
  }
  const text = expandSnippet(runbookSnippet(runbookFill(workspace, element)));
  const edits: TextEdit[] = [];
  if (!declared && isMap(element.node)) {
    const path = relativePath(workspaceFolder(workspace, element.manifest.uri), uri);
    if (path) edits.push(addKey(element.manifest, element.node, 'runbook', path));
  }
  return planned(workspace, uri, text, edits);
}

/** A postmortem dated `date` (YYYY-MM-DD), named `<date>-<kebab-title>.md`, never over an existing file. */
export function planPostmortem(workspace: WorkspaceSnapshot, title: string, date: string, severity?: string): Plan {
  const trimmed = title.trim().replace(/\s+/g, ' ');
  if (!trimmed) return { ok: false, message: 'A postmortem needs a title: what happened, in a few words.' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, message: `'${date}' is not a date (YYYY-MM-DD).` };
  const folder = joinUri(workspace.folders[0] ?? 'file:///', workspace.documentFolders.postmortems[0] ?? 'docs/postmortems');
  const base = `${date}-${kebabCase(trimmed).slice(0, 60).replace(/-+$/, '') || 'incident'}`;
  let uri = joinUri(folder, `${base}.md`);
  for (let n = 2; workspace.exists(uri); n++) uri = joinUri(folder, `${base}-${n}.md`);
  return planned(workspace, uri, expandSnippet(postmortemSnippet({ title: trimmed, date, severity: severity ?? `${SEVERITIES.join(', ')}: to be decided` }), dateVariables(date)));
}

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
  const synchronous = edges.filter((e) => !e.spec.via || ['http', 'grpc', 'graphql', 'database'].includes(e.spec.via)).map((e) => e.spec.target);
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

/**
 * Which templates fit a file, for Insert Template: a manifest gets the
 * manifest snippets; an ADR, runbook or postmortem (as the engine classified
 * it) the Markdown templates of its kind; other Markdown files every Markdown
 * template. Whole-document templates come first in an empty file.
 */
export function templatesForFile(kind: DocumentKind | undefined, languageId: string, text: string): Template[] {
  const target: TemplateTarget | undefined =
    kind === 'manifest' || languageId === 'archframe-manifest' ? 'manifest' : kind === 'adr' || kind === 'runbook' || kind === 'postmortem' ? kind : languageId === 'markdown' ? 'markdown' : undefined;
  return target ? templatesFor(target, { empty: text.trim() === '' }) : [];
}
