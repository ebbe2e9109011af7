import { kebabCase } from '../text/strings';
import { problemAt } from '../parse/yamlDocuments';
import { linkKubernetes } from './kubernetes';
import type { SourceElement, SourceFields, SourceKind, SourcePart, SourceProblem, SourceSection } from './types';

/** One element of the imported system, under its manifest name, with every source element it merges. */
export interface ImportedElement {
  section: SourceSection;
  name: string;
  fields: SourceFields;
  /** A team's name, for components. */
  owner?: string;
  dependsOn: ImportedDependency[];
  /** What it came from, first source first. */
  origins: SourceElement[];
  /** The team was named as an owner but no imported file describes it: its name as written, and by whom. */
  implied?: string;
  namedBy?: SourceElement;
}

export interface ImportedDependency {
  target: string;
  section: SourceSection;
  via?: 'http' | 'grpc' | 'graphql';
}

export interface ImportedSystem {
  system: string | undefined;
  description: string | undefined;
  /** In manifest order: teams, components, datastores, channels; in each, the order the sources gave. */
  elements: ImportedElement[];
  problems: SourceProblem[];
  /** The source files that described something. */
  files: string[];
}

const SOURCE_ORDER: readonly SourceKind[] = ['backstage', 'compose', 'kubernetes'];
const SECTION_ORDER: readonly SourceSection[] = ['teams', 'components', 'datastores', 'channels'];
/** Suffixes that tell a datastore or channel apart from a component of the same name. */
const SECTION_SUFFIX: Record<SourceSection, string> = { teams: 'team', components: 'service', datastores: 'db', channels: 'channel' };

/** `Orders_API` → `orders-api`, `paymentService` → `payment-service`. */
export function kebabName(name: string): string {
  // `HTTPServer` → `HTTP-Server`: a capital before a capitalised word (a lookahead, not a run rescanned from each letter).
  return kebabCase(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])(?=[A-Z][a-z])/g, '$1-'));
}

/**
 * The parts of every source file as one system: Kubernetes Services and Ingresses applied to their workloads,
 * names made kebab-case and unique, an element that several kinds of source describe merged into one,
 * references resolved to manifest names.
 */
export function combineSources(parts: readonly SourcePart[]): ImportedSystem {
  const problems: SourceProblem[] = parts.flatMap((part) => part.problems);
  const kubernetesParts = parts.filter((part) => part.kubernetes);
  let elements = parts.flatMap((part) => part.elements);
  if (kubernetesParts.length > 0) {
    elements = linkKubernetes(elements, kubernetesParts.map((part) => part.kubernetes!), (service) => {
      const lines = kubernetesParts.find((part) => part.path === service.path)?.lines;
      if (lines) problems.push(problemAt(service.path, lines, service.span, `Kubernetes: Service '${service.name}' selects no workload in the imported files: left out.`, 'note'));
    });
  }
  const ordered = SOURCE_ORDER.flatMap((kind) => elements.filter((element) => element.source === kind));

  const byKey = new Map<string, ImportedElement>();
  const nameOf = new Map<string, ImportedElement>();
  const imported: ImportedElement[] = [];
  for (const element of ordered) {
    const base = kebabName(element.name) || (element.section === 'teams' ? 'team' : 'element');
    const keyOf = (name: string) => (element.section === 'teams' ? `team:${name}` : name);
    const existing = byKey.get(keyOf(base));
    let target: ImportedElement | undefined;
    if (existing && existing.section === element.section && !existing.origins.some((origin) => origin.source === element.source)) {
      target = existing; // the same thing, described by another kind of source
      target.origins.push(element);
      for (const [key, value] of Object.entries(element.fields) as [keyof SourceFields, never][]) if (target.fields[key] === undefined) target.fields[key] = value;
    } else {
      let name = base;
      if (existing) {
        name = existing.section !== element.section ? `${base}-${SECTION_SUFFIX[element.section]}` : `${base}-2`;
        for (let n = 2; byKey.has(keyOf(name)); n++) name = `${base}-${n}`;
      }
      target = { section: element.section, name, fields: { ...element.fields }, dependsOn: [], origins: [element] };
      byKey.set(keyOf(name), target);
      imported.push(target);
    }
    for (const id of [element.id, ...(element.aliases ?? [])]) if (!nameOf.has(id)) nameOf.set(id, target);
  }

  const providers = new Map<string, ImportedElement[]>();
  for (const element of imported) {
    for (const origin of element.origins) for (const api of origin.provides ?? []) providers.set(api, [...(providers.get(api) ?? []), element]);
  }
  const apiTypes = new Map(parts.flatMap((part) => part.apis.map((api) => [api.id, api.type?.toLowerCase()] as const)));
  const linesOf = new Map(parts.map((part) => [part.path, part.lines] as const));
  const teams = new Map(imported.filter((e) => e.section === 'teams').map((e) => [e.name, e]));

  for (const element of imported) {
    for (const origin of element.origins) {
      for (const dependency of origin.dependsOn) {
        const api = dependency.targetId.startsWith('backstage:api:');
        const targets = api ? (providers.get(dependency.targetId) ?? []) : [nameOf.get(dependency.targetId)].filter((t): t is ImportedElement => t !== undefined);
        if (targets.length === 0) {
          const lines = linesOf.get(origin.origin.path);
          if (!dependency.inferred && lines) {
            const what = api ? `consumes ${refText(dependency.targetId)}, which no imported component provides` : `depends on ${refText(dependency.targetId)}, which no imported file describes`;
            problems.push(problemAt(origin.origin.path, lines, dependency.span, `'${origin.name}' ${what}: that dependency is left out.`, 'note'));
          }
          continue;
        }
        const via = api ? viaOfApi(apiTypes.get(dependency.targetId)) : dependency.via;
        for (const target of targets) {
          if (target === element || target.section === 'teams' || element.dependsOn.some((d) => d.target === target.name)) continue;
          element.dependsOn.push({ target: target.name, section: target.section, via: target.section === 'components' ? via : undefined });
        }
      }
      if (origin.ownerId && element.owner === undefined) element.owner = ownerName(origin, nameOf, teams, imported, byKey);
    }
  }

  // A datastore's owner is the component that owns its state: the one component using it, when there is one.
  for (const datastore of imported) {
    if (datastore.section !== 'datastores') continue;
    const users = imported.filter((e) => e.section === 'components' && e.dependsOn.some((d) => d.target === datastore.name));
    if (users.length === 1) datastore.owner = users[0].name;
  }

  const system = parts.flatMap((part) => part.systems)[0];
  return {
    system: system?.name,
    description: system?.description,
    elements: SECTION_ORDER.flatMap((section) => imported.filter((e) => e.section === section)),
    problems,
    files: parts.filter((part) => part.kind !== undefined).map((part) => part.path),
  };
}

/** The team that owns a component; a group named as owner but described nowhere becomes a team of its own. */
function ownerName(origin: SourceElement, nameOf: Map<string, ImportedElement>, teams: Map<string, ImportedElement>, imported: ImportedElement[], byKey: Map<string, ImportedElement>): string {
  const ownerId = origin.ownerId!;
  const raw = origin.ownerName ?? ownerId;
  const known = nameOf.get(ownerId);
  if (known) return known.name;
  const name = kebabName(raw) || 'team';
  let team = teams.get(name);
  if (!team) {
    team = { section: 'teams', name, fields: {}, dependsOn: [], origins: [], implied: raw, namedBy: origin };
    teams.set(name, team);
    byKey.set(`team:${name}`, team);
    imported.push(team);
  }
  nameOf.set(ownerId, team);
  return team.name;
}

function viaOfApi(type: string | undefined): ImportedDependency['via'] {
  if (type === 'grpc') return 'grpc';
  if (type === 'graphql') return 'graphql';
  return type === 'openapi' ? 'http' : undefined;
}

/** `backstage:api:default/invoices` → `api:invoices`; `compose:x.yml#db` → `db`. */
function refText(id: string): string {
  if (id.startsWith('backstage:')) return id.slice('backstage:'.length).replace(':default/', ':');
  if (id.startsWith('compose:')) return id.slice(id.indexOf('#') + 1);
  return id.slice(id.indexOf(':') + 1);
}
