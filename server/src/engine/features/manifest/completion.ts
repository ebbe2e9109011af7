import { entryForKey, entryForValue, entryMarkdown } from '../../knowledge';
import { COMPONENT_KINDS, CONSISTENCY, CLASSIFICATIONS, CHANNEL_KINDS, DELIVERIES, TEAM_TYPES, VIA } from '../../model/manifest';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import { scalarKey, type PathSegment } from '../../parse/yamlAst';
import type { ManifestModel } from '../../workspace/manifestModel';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { Completion } from '../types';
import { MAX_COMPLETIONS, partial } from '../narrow';
import { contextAt, elementOf, fieldOf, type CursorContext } from './context';
import { fileName, singular } from './navigation';
import { description, enumValues, isArray, isBoolean, isRecord, isRequired, objectShape, schemaAt, typeLabel } from './schema';

/**
 * Completion in a manifest: the keys valid at the cursor, enum values, names
 * from the whole workspace, ADRs, and snippets for new elements. Works on
 * half-typed YAML (see context.ts). Cost: the cursor's path plus the items offered.
 */
export function completions(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number): Completion[] {
  const context = contextAt(document, offset);
  if (!context) return [];
  if (context.kind === 'key') {
    const schema = schemaAt(context.path);
    // A blank line under `dependsOn:` (no dash yet) is a new list item.
    if (isArray(schema)) return valueCompletions(workspace, document, { ...context, kind: 'value', path: [...context.path, 0], seqItem: true, needsDash: true }, offset);
    if (context.path.length === 1 && isRecord(schema)) return elementSnippets(workspace, document, context);
    return keyCompletions(document, context, schema);
  }
  return valueCompletions(workspace, document, context, offset);
}

// ── Keys ──────────────────────────────────────────────────────────────────

function keyCompletions(document: ManifestDocument, context: CursorContext, schema: ReturnType<typeof schemaAt>): Completion[] {
  const shape = objectShape(schema);
  if (!shape) return [];
  const typed = document.text.slice(context.replace[0], context.replace[1]);
  const present = new Set<string>();
  for (const pair of context.map?.items ?? []) {
    if (pair === context.pair) continue;
    // A key yaml merged across lines (a half-typed key and the next one) still names the keys it holds.
    for (const key of scalarKey(pair)?.split(/\s+/) ?? []) if (key !== typed) present.add(key);
  }
  // Editing the name of a key that already has a value: replace the name only.
  const nameOnly = context.pair !== undefined && context.pair.value !== null;
  const items: Completion[] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (present.has(key)) continue;
    const path = [...context.path, key];
    const entry = entryForKey(path);
    const docs = [description(field), entry && entryMarkdown(entry)].filter(Boolean).join('\n\n---\n\n');
    items.push({
      label: key,
      kind: 'key',
      detail: typeLabel(field),
      documentation: docs || undefined,
      insertText: nameOnly ? key : keySnippet(key, path, context.flow),
      snippet: !nameOnly,
      replace: context.replace,
      sortText: `${isRequired(field) ? 0 : 1}${key}`,
    });
  }
  return items;
}

const VALUE_SNIPPETS: Record<string, string> = {
  retry: '{ attempts: ${1:3}, backoff: exponential, jitter: true, baseDelay: ${2:100ms}, maxDelay: ${3:2s} }',
  circuitBreaker: '{ failureThreshold: ${1:5}, resetTimeout: ${2:30s} }',
  slo: '{ availability: ${1:99.9}, latencyP99: ${2:300ms} }',
  observability: '{ logs: structured, metrics: ${1|red,use|}, traces: true, healthCheck: ${2:/healthz}, alerts: burn-rate }',
  backup: '{ copies: 3, media: 2, offsite: 1, schedule: ${1:daily} }',
  replication: '{ topology: ${1|single-leader,multi-leader,leaderless|}, replicas: ${2:3} }',
  encryption: '{ atRest: true, algorithm: ${1:AES-256-GCM} }',
  technology: '{ language: ${1}, framework: ${2} }',
  interface: '{ type: ${1|rest,grpc,graphql,events,websocket,sse|}, spec: ${2} }',
  radar: '{ adopt: [$1], trial: [], assess: [], hold: [] }',
};

function choice(values: readonly string[], index = 1): string {
  return `\${${index}|${values.join(',')}|}`;
}

function keySnippet(key: string, path: PathSegment[], flow: boolean): string {
  const schema = schemaAt(path);
  const values = enumValues(schema);
  if (values && values.length > 1) return `${key}: ${choice(values)}`;
  if (values?.length === 1) return `${key}: ${values[0]}`;
  if (VALUE_SNIPPETS[key] && !isRecord(schema)) return `${key}: ${VALUE_SNIPPETS[key]}`;
  if (isArray(schema)) return key === 'dependsOn' && !flow ? `${key}:\n  - $0` : `${key}: [$0]`;
  if (objectShape(schema) || isRecord(schema)) return flow ? `${key}: { $0 }` : `${key}:\n  $0`;
  return `${key}: $0`;
}

// ── Values ────────────────────────────────────────────────────────────────

function valueCompletions(workspace: WorkspaceSnapshot, document: ManifestDocument, context: CursorContext, offset: number): Completion[] {
  const path = context.path;
  const field = fieldOf(path);
  const last = path[path.length - 1];
  const element = elementOf(path);
  if (field === undefined) return [];
  // Right after `key:` or a list dash, the value needs a space before it.
  const before = document.text[context.replace[0] - 1];
  const dash = context.needsDash ? '- ' : before === ':' || before === '-' ? ' ' : '';
  // The items are built for this request: complete them in place (a list of every name can be long).
  const finish = (items: Completion[]): Completion[] => {
    for (const item of items) {
      item.replace = context.replace;
      item.insertText = dash + (item.insertText ?? item.label);
    }
    return items;
  };

  if (element?.section === 'components' && (field === 'target' || (field === 'dependsOn' && typeof last === 'number'))) {
    const typed = context.replace[0] <= offset && offset <= context.replace[1] ? document.text.slice(context.replace[0], offset) : undefined;
    const items = targetCompletions(workspace, document, element.name, typed);
    if (field === 'dependsOn') items.push(dependencySnippet(workspace, element.name));
    return finish(items);
  }
  if (element?.section === 'components' && field === 'owner') return finish(teamCompletions(workspace, document));
  if (element?.section === 'datastores' && field === 'owner') return finish(ownerCompletions(workspace, document, element.name));
  if (element?.section === 'channels' && field === 'deadLetter') return finish(elementCompletions(workspace, document, workspace.manifests.channels.values(), element.name));
  if (element?.section === 'components' && field === 'layer') {
    const layers = workspace.manifests.layersOf(document);
    return finish(layers.map((layer, index) => ({ label: layer, kind: 'reference', detail: `layer ${index + 1} of ${layers.length}`, sortText: String(index).padStart(4, '0') })));
  }
  if (field === 'decisions' && (typeof last === 'number' || context.seqItem)) return finish(adrCompletions(workspace, document));

  const schema = schemaAt(path);
  const values = enumValues(schema);
  if (values) {
    return finish(
      values.map((value, index) => {
        const entry = isBoolean(schema) ? undefined : entryForValue(field, value);
        return {
          label: value,
          kind: isBoolean(schema) ? 'value' : 'enum',
          detail: entry?.title,
          documentation: entry ? entryMarkdown(entry) : description(schema),
          sortText: String(index).padStart(4, '0'),
        } satisfies Completion;
      }),
    );
  }
  const snippet = VALUE_SNIPPETS[field];
  if (snippet && !context.seqItem && objectShape(schema)) {
    return finish([{ label: snippet.replace(/\$\{\d+\|?([^}|]*)\|?\}/g, '$1').replace(/\$\d/g, ''), kind: 'snippet', detail: `${field} with the fields the rules expect`, insertText: snippet, snippet: true }]);
  }
  const suggestions = SUGGESTED_VALUES[field];
  if (suggestions) {
    const entry = entryForKey(path);
    return finish(suggestions.map(([value, note], index) => ({ label: value, kind: 'value', detail: note, documentation: entry && entryMarkdown(entry), sortText: String(index).padStart(4, '0') })));
  }
  return [];
}

/** Values the framework recommends for free-text fields (Part XXVIII §3, Appendix A's radar), best first. */
const SUGGESTED_VALUES: Record<string, [string, string][]> = {
  passwordHashing: [['argon2id', 'recommended (Part XXVIII §3)'], ['scrypt', 'acceptable'], ['bcrypt', 'acceptable']],
  algorithm: [['AES-256-GCM', 'recommended symmetric encryption (Part XXVIII §3)']],
  engine: [['postgresql', 'radar: adopt'], ['redis', 'radar: adopt'], ['cockroachdb', 'radar: trial'], ['tidb', 'radar: trial'], ['tigerbeetle', 'radar: assess'], ['turso', 'radar: assess']],
  language: [['go', 'radar: adopt'], ['rust', 'radar: adopt'], ['typescript', 'radar: adopt'], ['zig', 'radar: trial'], ['gleam', 'radar: trial']],
};

function elementDetail(element: ManifestElement, document: ManifestDocument): string {
  const value = element.value as { kind?: string; engine?: string } | undefined;
  const sort = value?.kind ?? value?.engine;
  const what = sort ? `${singular(element.section)} · ${sort}` : singular(element.section);
  return element.manifest.uri === document.uri ? what : `${what} · ${fileName(element.manifest.uri)}`;
}

/** Per element (kept while its entry is not re-parsed) and the document asking: its item's detail and sort text. */
const elementParts = new WeakMap<ManifestElement, ElementParts>();

interface ElementParts {
  uri: string;
  /** Made for the items sent only: choosing the hundred of 25,000 names needs no detail. */
  detail?: string;
  sortText: string;
}

function elementCompletions(workspace: WorkspaceSnapshot, document: ManifestDocument, elements: Iterable<ManifestElement>, exclude?: string): Completion[] {
  const items: Completion[] = [];
  for (const element of elements) {
    if (element.name === exclude) continue;
    const parts = partsOf(element, document);
    // Every field the request fills in later (replace, insertText) declared now: no property store grown per item.
    items.push({ label: element.name, kind: 'reference', detail: (parts.detail ??= elementDetail(element, document)), sortText: parts.sortText, insertText: undefined, replace: undefined });
  }
  return items;
}

/** An element's item parts as seen from a document, kept: a list of every name is built on each request (5,000 names, 10,000 strings). */
function partsOf(element: ManifestElement, document: ManifestDocument): ElementParts {
  let parts = elementParts.get(element);
  if (parts?.uri !== document.uri) {
    const local = element.manifest.uri === document.uri;
    parts = { uri: document.uri, sortText: `${local ? 0 : 1}${element.name}` };
    elementParts.set(element, parts);
  }
  return parts;
}

/**
 * Every component, datastore and channel but the component itself. Past MAX_COMPLETIONS names, only the first of
 * those that hold what was typed (`typed`, when the cursor is in the value) are made into items, in the editor's
 * order, and the list is marked incomplete: 25,000 items built to send 100 made completion slow on 10,000 components.
 */
function targetCompletions(workspace: WorkspaceSnapshot, document: ManifestDocument, self: string, typed?: string): Completion[] {
  const model = workspace.manifests;
  if (typed !== undefined && model.components.size + model.datastores.size + model.channels.size > MAX_COMPLETIONS) {
    const lower = typed.toLowerCase();
    const first: ManifestElement[] = [];
    // In the editor's order already: the first hundred that match end the walk (with nothing typed, a hundred steps).
    for (const target of targetOrder(model, document.uri)) {
      if (target.name === self || !target.lower.includes(lower)) continue;
      const element = model[target.section].get(target.name);
      if (!element) continue;
      first.push(element);
      if (first.length === MAX_COMPLETIONS) break;
    }
    return partial(elementCompletions(workspace, document, first));
  }
  return [
    ...elementCompletions(workspace, document, model.components.values(), self),
    ...elementCompletions(workspace, document, model.datastores.values()),
    ...elementCompletions(workspace, document, model.channels.values()),
  ];
}

type TargetSection = 'components' | 'datastores' | 'channels';
const TARGET_SECTIONS: readonly TargetSection[] = ['components', 'datastores', 'channels'];

interface Target {
  name: string;
  section: TargetSection;
  lower: string;
}

/** A model's targets in the editor's order (sort text: the asking document's own first, then by name), for one document. */
interface TargetOrder {
  uri: string;
  /** Each section's size, and each target's name and manifest in the model's order: an edit that leaves them as they were keeps the order. */
  sizes: number[];
  names: string[];
  manifests: string[];
  sorted: Target[];
}

const targetOrders = new WeakMap<ManifestModel, TargetOrder>();
/** The last order made: every edit makes a new model, and most leave every name where it was. */
let lastTargetOrder: TargetOrder | undefined;

function targetOrder(model: ManifestModel, uri: string): readonly Target[] {
  const kept = targetOrders.get(model);
  if (kept?.uri === uri) return kept.sorted;
  const sizes = TARGET_SECTIONS.map((section) => model[section].size);
  const names: string[] = [];
  const manifests: string[] = [];
  for (const section of TARGET_SECTIONS) {
    for (const element of model[section].values()) {
      names.push(element.name);
      manifests.push(element.manifest.uri);
    }
  }
  const previous = lastTargetOrder;
  let order: TargetOrder;
  if (previous?.uri === uri && sameList(previous.sizes, sizes) && sameList(previous.names, names) && sameList(previous.manifests, manifests)) order = { ...previous, names, manifests };
  else {
    const targets: (Target & { sortText: string })[] = [];
    for (const section of TARGET_SECTIONS) {
      for (const element of model[section].values()) {
        const name = element.name;
        targets.push({ name, section, lower: name.toLowerCase(), sortText: `${element.manifest.uri === uri ? 0 : 1}${name}` });
      }
    }
    // Stable, and compared as firstInOrder compares: equal sort texts keep the model's order.
    targets.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
    order = { uri, sizes, names, manifests, sorted: targets.map(({ name, section, lower }) => ({ name, section, lower })) };
  }
  targetOrders.set(model, order);
  lastTargetOrder = order;
  return order.sorted;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function teamCompletions(workspace: WorkspaceSnapshot, document: ManifestDocument): Completion[] {
  return [...workspace.manifests.teams.values()].map((team) => ({
    label: team.name,
    kind: 'reference',
    detail: [team.value?.type ? `${team.value.type} team` : 'team', team.manifest.uri === document.uri ? undefined : fileName(team.manifest.uri)].filter(Boolean).join(' · '),
  }));
}

/** A datastore's owner: components, those that depend on it first (the owner must). */
function ownerCompletions(workspace: WorkspaceSnapshot, document: ManifestDocument, datastore: string): Completion[] {
  const users = new Set(workspace.manifests.dependentsOf(datastore).map((edge) => edge.source.name));
  return elementCompletions(workspace, document, workspace.manifests.components.values()).map((item) =>
    users.has(item.label) ? { ...item, sortText: `!${item.label}`, detail: `${item.detail} · uses ${datastore}` } : item,
  );
}

function adrCompletions(workspace: WorkspaceSnapshot, document: ManifestDocument): Completion[] {
  const items: Completion[] = [];
  for (const adr of workspace.adrs.all()) {
    if (adr.number === undefined) continue;
    const label = `ADR-${String(adr.number).padStart(4, '0')}`;
    items.push({
      label,
      kind: 'reference',
      detail: [adr.title, adr.status && `(${adr.status})`].filter(Boolean).join(' '),
      documentation: `**${label}: ${adr.title ?? '(untitled)'}**\n\nStatus: ${adr.status ?? 'not stated'} · \`${fileName(adr.uri)}\``,
      filterText: `${label} ${adr.title ?? ''}`,
      sortText: label,
      deprecated: adr.status === 'superseded' || adr.status === 'deprecated' || adr.status === 'rejected',
    });
  }
  return items;
}

// ── Snippets for new elements ─────────────────────────────────────────────

function names(values: Iterable<{ name: string }>): string[] {
  return [...values].map((value) => value.name);
}

function pick(index: number, values: readonly string[], fallback: string): string {
  return values.length > 0 ? `\${${index}|${values.join(',')}|}` : `\${${index}:${fallback}}`;
}

function dependencySnippet(workspace: WorkspaceSnapshot, self: string): Completion {
  const targets = names(workspace.manifests.allElements()).filter((name) => name !== self && !workspace.manifests.teams.has(name));
  const target = targets.length > 0 && targets.length <= 50 ? pick(1, targets, 'target') : '${1:target}';
  return {
    label: 'dependency (with timeout, retry, circuit breaker)',
    kind: 'snippet',
    detail: 'A synchronous dependency with the fields the failure-mode rules expect',
    documentation: 'Timeout (`sync-timeout`), retries with exponential backoff and jitter (`retry-backoff`), an idempotency key (`retry-idempotency`) and a circuit breaker (`circuit-breaker`).',
    insertText: [
      `target: ${target}`,
      `  via: ${choice(VIA, 2)}`,
      '  timeout: ${3:2s}',
      '  retry: { attempts: ${4:3}, backoff: exponential, jitter: true, baseDelay: 100ms, maxDelay: 2s }',
      '  idempotencyKey: true',
      '  circuitBreaker: { failureThreshold: 5, resetTimeout: 30s }',
    ].join('\n'),
    snippet: true,
    sortText: '~dependency',
  };
}

function elementSnippets(workspace: WorkspaceSnapshot, document: ManifestDocument, context: CursorContext): Completion[] {
  if (context.node) return []; // on an existing name
  const section = context.path[0];
  const teams = names(workspace.manifests.teams.values());
  const layers = [...workspace.manifests.layersOf(document)];
  const components = names(workspace.manifests.components.values());
  const snippet = (label: string, detail: string, lines: string[]): Completion => ({
    label,
    kind: 'snippet',
    detail,
    insertText: lines.join('\n'),
    snippet: true,
    replace: context.replace,
  });
  switch (section) {
    case 'components':
      return [
        snippet('new component', 'A service with owner, layer, observability, SLO, runbook and a dependency', [
          '${1:name}:',
          `  kind: ${choice(COMPONENT_KINDS, 2)}`,
          ...(layers.length > 0 ? [`  layer: ${pick(3, layers, 'layer')}`] : []),
          `  owner: ${pick(4, teams, 'team')}`,
          '  exposure: ${5|internal,public,private|}',
          '  auth: ${6|mtls,jwt,oauth2,session,api-key|}',
          '  tls: true',
          '  replicas: 2',
          '  deployment: ${7|rolling,canary,blue-green|}',
          '  observability: { logs: structured, metrics: red, traces: true, healthCheck: /healthz, alerts: burn-rate }',
          '  slo: { availability: ${8:99.9}, latencyP99: ${9:300ms} }',
          '  runbook: ${10:docs/runbooks/${1}.md}',
          '  dependsOn:',
          '    - target: ${11:target}',
          '      via: http',
          '      timeout: ${12:2s}',
          '      retry: { attempts: 3, backoff: exponential, jitter: true, baseDelay: 100ms, maxDelay: 2s }',
          '      idempotencyKey: true',
          '      circuitBreaker: { failureThreshold: 5, resetTimeout: 30s }',
        ]),
      ];
    case 'datastores':
      return [
        snippet('new datastore', 'A datastore with owner, consistency, classification, encryption, replication, backups and recovery objectives', [
          '${1:name}:',
          '  engine: ${2:postgresql}',
          `  owner: ${pick(3, components, 'component')}`,
          `  consistency: ${choice(CONSISTENCY, 4)}`,
          `  classification: ${choice(CLASSIFICATIONS, 5)}`,
          '  encryption: { atRest: true, algorithm: AES-256-GCM }',
          '  replication: { topology: single-leader, replicas: 2 }',
          '  backup: { copies: 3, media: 2, offsite: 1, schedule: daily }',
          '  rpo: ${6:15m}',
          '  rto: ${7:1h}',
          '  decisions: [${8}]',
        ]),
      ];
    case 'channels':
      return [
        snippet('new channel', 'A channel with its delivery guarantee, dead-letter channel and outbox', [
          '${1:name}:',
          `  kind: ${choice(CHANNEL_KINDS, 2)}`,
          '  technology: ${3:nats}',
          `  delivery: ${choice(DELIVERIES, 4)}`,
          '  deadLetter: ${1}-dlq',
          '  outbox: true',
          '  decisions: [${5}]',
        ]),
      ];
    case 'teams':
      return [snippet('new team', 'A team with its type and on-call rotation', ['${1:name}:', `  type: ${choice(TEAM_TYPES, 2)}`, '  oncall: ${3:${1}-primary}'])];
    default:
      return [];
  }
}
