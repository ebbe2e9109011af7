import { catalogEntities, referenceNodes, type CatalogEntity } from '../catalog/entities';
import { entityKey, parseEntityRef } from '../catalog/entityRef';
import { problemAt, spanOf, text, type YamlFile } from '../parse/yamlDocuments';
import type { SourceElement, SourceFields, SourcePart, SourceSection } from './types';

/** `backstage:component:default/orders` */
function backstageId(kind: string, namespace: string, name: string): string {
  return `backstage:${entityKey(kind, namespace, name)}`;
}

const COMPONENT_KINDS: Record<string, string> = { service: 'service', website: 'frontend', library: 'library', frontend: 'frontend', worker: 'worker', job: 'job', function: 'function', gateway: 'gateway' };

/** Resource types that are messaging, not storage. */
const CHANNEL_TYPE = /queue|topic|stream|kafka|sqs|sns|pubsub|pub-sub|kinesis|event|broker|bus/i;
/** Resource types that say what a resource is, not which engine it runs. */
const GENERIC_TYPE = /^(database|db|datastore|data-store|storage|store|cache|bucket|s3-bucket|blob|volume|table)$/i;

/** The entities of a Backstage catalog file: Components, Resources and Groups become elements, Systems name the system. */
export function readBackstage(file: YamlFile, part: SourcePart): void {
  for (const entity of catalogEntities(file)) {
    const kind = entity.kind?.toLowerCase();
    if (kind === undefined) {
      part.problems.push(problemAt(file.path, file.lines, entity.documentSpan, `Backstage: an entity without \`kind\` (apiVersion ${entity.apiVersion}).`, 'error'));
      continue;
    }
    if (entity.name === undefined) {
      if (['component', 'resource', 'group', 'system', 'api'].includes(kind)) {
        part.problems.push(problemAt(file.path, file.lines, entity.kindSpan, `Backstage: ${entity.kind} without \`metadata.name\`.`, 'error'));
      }
      continue;
    }
    const description = text(entity.metadata, 'description');
    switch (kind) {
      case 'component':
        part.elements.push(component(file, entity, entity.name, description));
        break;
      case 'resource':
        part.elements.push(resource(file, entity, entity.name));
        break;
      case 'group':
        part.elements.push({ ...base(file, entity, 'teams', entity.name), notes: noted(entity, ['type']) });
        break;
      case 'system':
        part.systems.push({ name: entity.name, description });
        break;
      case 'api':
        part.apis.push({ id: backstageId('api', entity.namespace, entity.name), type: text(entity.spec, 'type') });
        break;
    }
  }
}

function base(file: YamlFile, entity: CatalogEntity, section: SourceSection, name: string): SourceElement {
  return {
    source: 'backstage',
    section,
    id: backstageId(entity.kind!, entity.namespace, name),
    name,
    origin: { path: file.path, span: entity.nameSpan, line: file.lines.position(entity.nameSpan[0]).line + 1 },
    fields: {},
    dependsOn: [],
    notes: [],
  };
}

/** `lifecycle production`, `type database`: what the manifest has no field for, kept in the comment. */
function noted(entity: CatalogEntity, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const value = text(entity.spec, key);
    return value === undefined ? [] : [`${key} ${value}`];
  });
}

function component(file: YamlFile, entity: CatalogEntity, name: string, description: string | undefined): SourceElement {
  const element = base(file, entity, 'components', name);
  const type = text(entity.spec, 'type');
  const fields: SourceFields = { kind: COMPONENT_KINDS[type?.toLowerCase() ?? ''] ?? 'service' };
  if (description) fields.description = description;
  element.fields = fields;
  element.notes = noted(entity, ['type', 'lifecycle']);
  const owner = ownerOf(entity);
  if (owner?.kind === 'group') {
    element.ownerId = backstageId('group', owner.namespace, owner.name);
    element.ownerName = owner.name;
  }
  else if (owner) element.notes.push(`owner ${text(entity.spec, 'owner')} is not a group; the manifest's owners are teams`);
  dependencies(entity, element);
  for (const { value, node } of referenceNodes(entity.spec, 'consumesApis')) {
    const ref = parseEntityRef(value, 'api', entity.namespace);
    if (ref) element.dependsOn.push({ targetId: backstageId(ref.kind ?? 'api', ref.namespace, ref.name), span: spanOf(node, element.origin.span) });
  }
  element.provides = referenceNodes(entity.spec, 'providesApis').flatMap(({ value }) => {
    const ref = parseEntityRef(value, 'api', entity.namespace);
    return ref ? [backstageId(ref.kind ?? 'api', ref.namespace, ref.name)] : [];
  });
  return element;
}

function resource(file: YamlFile, entity: CatalogEntity, name: string): SourceElement {
  const type = text(entity.spec, 'type');
  const channel = type !== undefined && CHANNEL_TYPE.test(type);
  const element = base(file, entity, channel ? 'channels' : 'datastores', name);
  if (channel) {
    element.fields = { technology: /kafka/i.test(type!) ? 'kafka' : undefined, channelKind: /stream|kafka|kinesis/i.test(type!) ? 'stream' : /queue|sqs/i.test(type!) ? 'queue' : 'topic' };
    if (element.fields.technology === undefined) delete element.fields.technology;
  } else if (type !== undefined && !GENERIC_TYPE.test(type)) {
    element.fields = { engine: type };
  }
  element.notes = noted(entity, ['type']);
  const owner = text(entity.spec, 'owner');
  if (owner) element.notes.push(channel ? `owner ${owner}` : `owner ${owner}; a datastore's owner is the component that owns its state`);
  return element;
}

function ownerOf(entity: CatalogEntity) {
  const owner = text(entity.spec, 'owner');
  return owner === undefined ? undefined : parseEntityRef(owner, 'group', entity.namespace);
}

/** `spec.dependsOn`: components and resources (`component:orders`, `resource:default/orders-db`; a bare name is a component). */
function dependencies(entity: CatalogEntity, element: SourceElement): void {
  for (const { value, node } of referenceNodes(entity.spec, 'dependsOn')) {
    const ref = parseEntityRef(value, 'component', entity.namespace);
    if (!ref) continue;
    const targetId = backstageId(ref.kind ?? 'component', ref.namespace, ref.name);
    if (!element.dependsOn.some((d) => d.targetId === targetId)) element.dependsOn.push({ targetId, span: spanOf(node, element.origin.span) });
  }
}
