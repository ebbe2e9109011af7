import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { knownImage } from './stores';
import type { SourceElement, SourceFields, SourcePart } from './types';
import { child, childMap, integer, items, keySpan, problemAt, scalarText, spanOf, text, type YamlFile } from '../parse/yamlDocuments';
import { scalarKey } from '../parse/yamlAst';

/** Is this document a Compose file: a map with a `services` key, and none of Kubernetes' or Backstage's keys. */
export function isComposeDocument(map: YAMLMap): boolean {
  return child(map, 'services') !== undefined && child(map, 'apiVersion') === undefined && child(map, 'kind') === undefined;
}

function composeId(path: string, service: string): string {
  return `compose:${path}#${service}`;
}

/** The services of a Compose file (https://compose-spec.io): components, datastores and channels. */
export function readCompose(file: YamlFile, map: YAMLMap, part: SourcePart): void {
  const services = child(map, 'services');
  const at = (node: Node | null | undefined, fallback: readonly [number, number]) => spanOf(node, fallback);
  if (!isMap(services)) {
    if (services !== undefined && !(isScalar(services) && services.value === null)) {
      part.problems.push(problemAt(file.path, file.lines, at(services, [0, 0]), 'Compose: `services` must be a map of service names to services.', 'error'));
    }
    return;
  }
  const project = text(map, 'name');
  if (project) part.systems.push({ name: project });
  const names = new Set(services.items.map((pair) => scalarKey(pair)).filter((name): name is string => name !== undefined));
  // A service that others depend on answers calls, even if it publishes no port to the host.
  const called = new Set(services.items.flatMap((pair) => (isMap(pair.value) ? dependencyNames(pair.value).map(([target]) => target) : [])));
  for (const pair of services.items) {
    const name = scalarKey(pair);
    const span = keySpan(pair, [0, 0]);
    if (name === undefined) continue;
    const service = pair.value as Node | null;
    if (!isMap(service)) {
      if (service !== null && !(isScalar(service) && service.value === null)) {
        part.problems.push(problemAt(file.path, file.lines, at(service, span), `Compose: service '${name}' must be a map (image, ports, depends_on…).`, 'error'));
        continue;
      }
    }
    const body = isMap(service) ? service : undefined;
    const image = text(body, 'image');
    const known = knownImage(image);
    const fields: SourceFields = { ...known?.fields };
    const element: SourceElement = {
      source: 'compose',
      section: known?.section ?? 'components',
      id: composeId(file.path, name),
      name,
      origin: { path: file.path, span, line: file.lines.position(span[0]).line + 1 },
      fields,
      dependsOn: [],
      notes: [image ? `image ${image}` : child(body, 'build') !== undefined ? 'built from source' : 'no image'],
    };
    if (element.section === 'components') {
      const exposure = exposureOf(body);
      fields.kind ??= exposure || called.has(name) ? 'service' : 'worker';
      if (exposure) fields.exposure = exposure;
      const replicas = integer(child(childMap(body, 'deploy'), 'replicas')) ?? integer(child(body, 'scale'));
      if (replicas !== undefined) fields.replicas = replicas;
      const health = healthCheckOf(childMap(body, 'healthcheck'));
      if (health) fields.healthCheck = health;
    }
    for (const [target, node] of dependencyNames(body)) {
      const targetSpan = at(node, span);
      if (!names.has(target)) {
        part.problems.push(problemAt(file.path, file.lines, targetSpan, `Compose: service '${name}' depends on '${target}', which is not a service of this file.`, 'error'));
        continue;
      }
      if (target !== name && !element.dependsOn.some((d) => d.targetId === composeId(file.path, target))) {
        element.dependsOn.push({ targetId: composeId(file.path, target), span: targetSpan });
      }
    }
    part.elements.push(element);
  }
}

/** `depends_on` in both forms (a list of names, a map of names to conditions) and `links` (`db` or `db:alias`). */
function dependencyNames(service: YAMLMap | undefined): [string, Node][] {
  const found: [string, Node][] = [];
  const dependsOn = child(service, 'depends_on');
  if (isSeq(dependsOn)) {
    for (const item of dependsOn.items as Node[]) {
      const name = scalarText(item);
      if (name) found.push([name, item]);
    }
  } else if (isMap(dependsOn)) {
    for (const pair of dependsOn.items) {
      const name = scalarKey(pair);
      if (name) found.push([name, pair.key as Node]);
    }
  }
  for (const item of items(service, 'links')) {
    const link = scalarText(item);
    if (link) found.push([link.split(':')[0], item]);
  }
  return found;
}

/**
 * Published `ports` reach the service from outside the host: public when bound to every interface (the default),
 * private when bound to the loopback only. `expose` alone opens a port to the other services: internal.
 */
function exposureOf(service: YAMLMap | undefined): SourceFields['exposure'] {
  const hosts: (string | undefined)[] = [];
  for (const item of items(service, 'ports')) {
    if (isMap(item)) hosts.push(text(item, 'host_ip'));
    else {
      const port = scalarText(item);
      if (port !== undefined) hosts.push(hostIp(port));
    }
  }
  if (hosts.some((host) => host === undefined || host === '0.0.0.0' || host === '::')) return 'public';
  if (hosts.length > 0) return 'private';
  return items(service, 'expose').length > 0 ? 'internal' : undefined;
}

/** The host address of a short port mapping (`127.0.0.1:8080:80`, `[::1]:80:80`), if it names one. */
function hostIp(port: string): string | undefined {
  const bracketed = /^\[([^\]]+)\]:/.exec(port);
  if (bracketed) return bracketed[1];
  const parts = port.split('/')[0].split(':');
  return parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : undefined;
}

/** The health check's command: `["CMD", "curl", "-f", "http://localhost/health"]` → `curl -f http://localhost/health`. */
function healthCheckOf(healthcheck: YAMLMap | undefined): string | undefined {
  if (!healthcheck || scalarText(child(healthcheck, 'disable')) === 'true') return undefined;
  const test = child(healthcheck, 'test');
  if (isSeq(test)) {
    const words = (test.items as Node[]).map((item) => scalarText(item) ?? '');
    if (words[0] === 'NONE') return undefined;
    return (words[0] === 'CMD' || words[0] === 'CMD-SHELL' ? words.slice(1) : words).join(' ').trim() || undefined;
  }
  return scalarText(test)?.trim() || undefined;
}
