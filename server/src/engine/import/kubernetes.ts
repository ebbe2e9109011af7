import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { knownImage } from './stores';
import type { KubernetesExtras, KubernetesService, SourceElement, SourceFields, SourcePart } from './types';
import { child, childMap, integer, items, problemAt, scalarText, spanOf, text, type YamlFile } from '../parse/yamlDocuments';
import { scalarKey } from '../parse/yamlAst';
import type { Span } from '../text/types';

/** Workload kinds: what runs pods. */
const WORKLOADS: Record<string, string | undefined> = {
  deployment: undefined, // service or worker, decided by whether a Service selects it
  statefulset: undefined,
  replicaset: undefined,
  replicationcontroller: undefined,
  daemonset: 'worker',
  pod: undefined,
  job: 'job',
  cronjob: 'job',
};

function serviceAlias(namespace: string, name: string): string {
  return `kubernetes:${namespace}/service/${name}`;
}

/** Does a document look like a Kubernetes object: an `apiVersion` or a `kind` at its top? */
export function isKubernetesDocument(map: YAMLMap): boolean {
  return child(map, 'apiVersion') !== undefined || child(map, 'kind') !== undefined;
}

/** Reads one Kubernetes object (a `List`'s items too). */
export function readKubernetes(file: YamlFile, map: YAMLMap, span: Span, part: SourcePart, extras: KubernetesExtras): void {
  const kind = text(map, 'kind');
  const apiVersion = text(map, 'apiVersion');
  if (kind === undefined) {
    const where = apiVersion !== undefined ? ` (apiVersion ${apiVersion})` : '';
    part.problems.push(problemAt(file.path, file.lines, span, `Kubernetes: a document without \`kind\`${where}: every object needs its kind (Deployment, Service…).`, 'error'));
    return;
  }
  const lower = kind.toLowerCase();
  if (lower === 'list' || lower.endsWith('list')) {
    for (const item of items(map, 'items')) if (isMap(item)) readKubernetes(file, item, spanOf(item, span), part, extras);
    return;
  }
  const metadata = childMap(map, 'metadata');
  const nameNode = child(metadata, 'name');
  const name = scalarText(nameNode);
  const namespace = text(metadata, 'namespace') ?? 'default';
  const relevant = lower in WORKLOADS || lower === 'service' || lower === 'ingress';
  if (!relevant) return;
  if (name === undefined) {
    part.problems.push(problemAt(file.path, file.lines, spanOf(child(map, 'kind'), span), `Kubernetes: ${kind} without \`metadata.name\`.`, 'error'));
    return;
  }
  const spec = childMap(map, 'spec');
  if (lower === 'service') {
    const selector: Record<string, string> = {};
    for (const pair of childMap(spec, 'selector')?.items ?? []) {
      const key = scalarKey(pair);
      const value = scalarText(pair.value as Node);
      if (key !== undefined && value !== undefined) selector[key] = value;
    }
    extras.services.push({ namespace, name, selector, type: text(spec, 'type') ?? 'ClusterIP', span: spanOf(nameNode, span), path: file.path });
    return;
  }
  if (lower === 'ingress') {
    for (const service of ingressServices(spec)) extras.ingressBackends.push({ namespace, service });
    return;
  }
  readWorkload(file, lower, kind, name, namespace, spanOf(nameNode, span), spec, part, extras);
}

function readWorkload(file: YamlFile, lower: string, kind: string, name: string, namespace: string, span: Span, spec: YAMLMap | undefined, part: SourcePart, extras: KubernetesExtras): void {
  const template = lower === 'pod' ? undefined : lower === 'cronjob' ? childMap(childMap(childMap(spec, 'jobTemplate'), 'spec'), 'template') : childMap(spec, 'template');
  const podSpec = lower === 'pod' ? spec : childMap(template, 'spec');
  const containers = items(podSpec, 'containers').filter(isMap) as YAMLMap[];
  const images = containers.map((container) => text(container, 'image')).filter((image): image is string => image !== undefined);
  const known = images.map(knownImage).find((k) => k !== undefined);
  const fields: SourceFields = { ...known?.fields };
  const id = `kubernetes:${namespace}/${lower}/${name}`;
  const element: SourceElement = {
    source: 'kubernetes',
    section: known?.section ?? 'components',
    id,
    name,
    origin: { path: file.path, span, line: file.lines.position(span[0]).line + 1 },
    fields,
    dependsOn: [],
    notes: [`${kind}${namespace === 'default' ? '' : ` in ${namespace}`}`, ...images.slice(0, 2).map((image) => `image ${image}`)],
  };
  if (element.section === 'components') {
    const kindOfWorkload = WORKLOADS[lower];
    if (kindOfWorkload) fields.kind ??= kindOfWorkload;
    const replicas = integer(child(spec, 'replicas'));
    if (replicas !== undefined && lower !== 'cronjob' && lower !== 'job') fields.replicas = replicas;
    const health = containers.map(probeOf).find((probe) => probe !== undefined);
    if (health) fields.healthCheck = health;
  }
  // Hosts named in the environment (`http://orders:8080`, `redis.cache.svc.cluster.local`) may be Services this
  // workload calls: kept as candidate dependencies, resolved against the Services of every file when linked.
  for (const container of containers) {
    for (const variable of items(container, 'env')) {
      const valueNode = isMap(variable) ? child(variable, 'value') : undefined;
      const value = scalarText(valueNode);
      if (value === undefined) continue;
      for (const host of hostsIn(value)) {
        const [service, otherNamespace] = host.split('.');
        const targetId = serviceAlias(otherNamespace && !['svc', 'cluster'].includes(otherNamespace) ? otherNamespace : namespace, service);
        if (!element.dependsOn.some((d) => d.targetId === targetId)) element.dependsOn.push({ targetId, span: spanOf(valueNode, span), inferred: true });
      }
    }
  }
  const labels: Record<string, string> = {};
  for (const pair of childMap(lower === 'pod' ? undefined : childMap(template, 'metadata'), 'labels')?.items ?? []) {
    const key = scalarKey(pair);
    const value = scalarText(pair.value as Node);
    if (key !== undefined && value !== undefined) labels[key] = value;
  }
  extras.labels.set(id, labels);
  part.elements.push(element);
}

/** The names an Ingress routes to: every rule's paths' backends and the default backend (v1 and v1beta1 forms). */
function ingressServices(spec: YAMLMap | undefined): string[] {
  const backends: (YAMLMap | undefined)[] = [childMap(spec, 'defaultBackend') ?? childMap(spec, 'backend')];
  for (const rule of items(spec, 'rules')) {
    for (const path of isMap(rule) ? items(childMap(rule, 'http'), 'paths') : []) backends.push(isMap(path) ? childMap(path, 'backend') : undefined);
  }
  const names = backends.map((backend) => text(childMap(backend, 'service'), 'name') ?? text(backend, 'serviceName'));
  return [...new Set(names.filter((name): name is string => name !== undefined))];
}

/** A container's readiness (else liveness, else startup) probe: an HTTP path, a command, or a port. */
function probeOf(container: YAMLMap): string | undefined {
  for (const key of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    const probe = childMap(container, key);
    if (!probe) continue;
    const http = childMap(probe, 'httpGet');
    if (http) return text(http, 'path') ?? '/';
    const exec = child(childMap(probe, 'exec'), 'command');
    if (isSeq(exec)) return (exec.items as Node[]).map((item) => scalarText(item) ?? '').join(' ').trim() || undefined;
    const tcp = text(childMap(probe, 'tcpSocket'), 'port');
    if (tcp !== undefined) return `tcp:${tcp}`;
    const grpc = text(childMap(probe, 'grpc'), 'port');
    if (grpc !== undefined) return `grpc:${grpc}`;
  }
  return undefined;
}

/** Host names in an environment value: `postgres`, `http://orders:8080/x`, `amqp://u:p@rabbitmq:5672`, `a.b.svc`. */
function hostsIn(value: string): string[] {
  const hosts: string[] = [];
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#,]+)/i.exec(value.trim());
  if (url) hosts.push(url[1]);
  else if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9-]+)*(:\d+)?$/.test(value.trim())) hosts.push(value.trim().split(':')[0]);
  return hosts.map((host) => host.toLowerCase()).filter((host) => /^[a-z]/.test(host) && host !== 'localhost' && !/^\d+(\.\d+)*$/.test(host));
}

/**
 * Applies every Service and Ingress to the workloads they reach (in any file): a selected workload answers to the
 * Service's name, is a service rather than a worker, and is internal (LoadBalancer, NodePort: public); an
 * Ingress's backends are public.
 */
export function linkKubernetes(elements: SourceElement[], extras: KubernetesExtras[], notes: (service: KubernetesService) => void): SourceElement[] {
  const linked = elements.map((element) => (element.source === 'kubernetes' ? { ...element, fields: { ...element.fields }, aliases: [...(element.aliases ?? [])] } : element));
  const labels = new Map<string, Record<string, string>>();
  for (const extra of extras) for (const [id, set] of extra.labels) labels.set(id, set);
  const workloads = linked.filter((element) => element.source === 'kubernetes');
  const byService = new Map<string, SourceElement[]>();
  for (const extra of extras) {
    for (const service of extra.services) {
      const prefix = `kubernetes:${service.namespace}/`;
      const selector = Object.entries(service.selector);
      let selected = selector.length === 0 ? [] : workloads.filter((w) => w.id.startsWith(prefix) && selector.every(([key, value]) => labels.get(w.id)?.[key] === value));
      if (selected.length === 0) selected = workloads.filter((w) => w.id.startsWith(prefix) && w.name === service.name);
      if (selected.length === 0) {
        notes(service);
        continue;
      }
      byService.set(`${service.namespace}/${service.name}`, selected);
      const exposure = service.type === 'LoadBalancer' || service.type === 'NodePort' ? 'public' : 'internal';
      for (const workload of selected) {
        workload.aliases!.push(serviceAlias(service.namespace, service.name));
        if (workload.section !== 'components') continue;
        if (workload.fields.kind === undefined || workload.fields.kind === 'worker') workload.fields.kind = 'service';
        if (workload.fields.exposure !== 'public') workload.fields.exposure = exposure;
      }
    }
  }
  for (const extra of extras) {
    for (const backend of extra.ingressBackends) {
      for (const workload of byService.get(`${backend.namespace}/${backend.service}`) ?? []) if (workload.section === 'components') workload.fields.exposure = 'public';
    }
  }
  for (const workload of workloads) if (workload.section === 'components') workload.fields.kind ??= 'worker';
  return linked;
}
