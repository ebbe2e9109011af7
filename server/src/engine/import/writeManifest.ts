import { Document, isMap, isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ImportedElement, ImportedSystem } from './combine';
import { kebabName } from './combine';

export interface WriteOptions {
  /** The system's name when no source names one (a Backstage System, a Compose project `name`). */
  system?: string;
  /** Shown in the header: how the import was run (`archframe import compose.yaml`). */
  command?: string;
}

/** The header every imported manifest starts with: where it came from, and what to do next. */
export const TODO_NOTE = 'What the rules report on this manifest now is the team\'s to-do list';

/**
 * The imported system as manifest text, written with the `yaml` package's Document API: every element under a
 * comment naming the file and line it came from (and its original name, when that was not kebab-case).
 */
export function writeManifest(system: ImportedSystem, options: WriteOptions = {}): string {
  const name = system.system ?? options.system ?? 'imported-system';
  const data: Record<string, unknown> = { archframe: 1, system: name };
  if (system.description) data.description = system.description;
  const channelKinds = channelKindsOf(system);
  for (const section of ['teams', 'components', 'datastores', 'channels'] as const) {
    const elements = system.elements.filter((e) => e.section === section);
    if (elements.length > 0) data[section] = Object.fromEntries(elements.map((element) => [element.name, elementBody(element, channelKinds)]));
  }
  const document = new Document(data);
  document.commentBefore = [
    ` Imported by ${options.command ?? 'archframe import'} from ${system.files.length} file${system.files.length === 1 ? '' : 's'}.`,
    ` ${TODO_NOTE}: each finding names what the`,
    ' sources could not say (owners, timeouts, SLOs, consistency, backups…).',
    ' Fill it in, or record why not with an `# archframe-disable-next-line` comment.',
  ].join('\n');
  const root = document.contents as YAMLMap;
  const bySection = new Map(system.elements.map((e) => [`${e.section}.${e.name}`, e]));
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    (pair.key as Scalar).spaceBefore = true;
    for (const item of pair.value.items) {
      const element = bySection.get(`${(pair.key as Scalar).value}.${(item.key as Scalar).value}`);
      if (element) annotate(item, element);
    }
  }
  return document.toString({ lineWidth: 0 });
}

function annotate(pair: Pair, element: ImportedElement): void {
  const lines = element.origins.map((origin) => {
    const renamed = kebabName(origin.name) !== element.name || origin.name !== element.name ? ` '${origin.name}'` : '';
    const notes = origin.notes.length > 0 ? ` (${origin.notes.join(', ')})` : '';
    return ` from ${origin.origin.path}:${origin.origin.line}${renamed}${notes}`;
  });
  if (element.implied !== undefined) lines.push(` named as an owner ('${element.implied}'); no imported file describes this team`);
  (pair.key as Scalar).commentBefore = lines.join('\n');
  // Dependencies and health checks read best on one line each.
  if (!isMap(pair.value)) return;
  for (const item of pair.value.items) {
    if (!isPair(item)) continue;
    if ((item.key as Scalar).value === 'observability' && isMap(item.value)) item.value.flow = true;
    if ((item.key as Scalar).value === 'dependsOn' && item.value && 'items' in (item.value as object)) {
      for (const dependency of (item.value as { items: unknown[] }).items) if (isMap(dependency)) dependency.flow = true;
    }
  }
}

/** An element's fields as the manifest writes them. */
export function elementBody(element: ImportedElement, channelKinds: ReadonlyMap<string, string | undefined>): Record<string, unknown> {
  const f = element.fields;
  switch (element.section) {
    case 'teams':
      return {};
    case 'datastores':
      return compact({ engine: f.engine, owner: element.owner, description: f.description });
    case 'channels':
      return compact({ kind: f.channelKind, technology: f.technology });
    case 'components':
      return compact({
        kind: f.kind ?? 'service',
        description: f.description,
        owner: element.owner,
        replicas: f.replicas,
        exposure: f.exposure,
        observability: f.healthCheck === undefined ? undefined : { healthCheck: f.healthCheck },
        dependsOn: element.dependsOn.length === 0 ? undefined : element.dependsOn.map((d) => dependency(d, channelKinds)),
      });
  }
}

/** A dependency as the manifest writes it: a bare name, or `{ target, via… }`. */
export function dependency(dependency: ImportedElement['dependsOn'][number], channelKinds: ReadonlyMap<string, string | undefined>): unknown {
  switch (dependency.section) {
    case 'datastores':
      return { target: dependency.target, via: 'database' };
    case 'channels':
      // Whether it produces or consumes, no source says: read-write until the team says which.
      return { target: dependency.target, via: channelKinds.get(dependency.target) === 'queue' ? 'queue' : 'event', access: 'read-write' };
    default:
      return dependency.via ? { target: dependency.target, via: dependency.via } : dependency.target;
  }
}

function compact(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** Each channel's kind, which decides how a dependency on it travels. */
export function channelKindsOf(system: ImportedSystem): Map<string, string | undefined> {
  return new Map(system.elements.filter((e) => e.section === 'channels').map((e) => [e.name, e.fields.channelKind]));
}

/** A value as one line of flow YAML (`{ kind: service, replicas: 2 }`), for edits into an existing manifest. */
export function flowYaml(value: unknown): string {
  const document = new Document(value);
  const root = document.contents;
  if (isMap(root) || (root && 'items' in root)) (root as { flow: boolean }).flow = true;
  return document.toString({ lineWidth: 0 }).trim();
}
