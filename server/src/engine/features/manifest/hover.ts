import { entryForKey, entryForValue, entryMarkdown, type KnowledgeEntry } from '../../knowledge';
import { durationMs, percentValue } from '../../model/values';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import type { PathSegment } from '../../parse/yamlAst';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { Hover } from '../types';
import { contextAt, elementOf, fieldOf, scalarSpan, scalarText } from './context';
import { fileName } from './navigation';
import { description, enumValues, isDuration, isPercent, schemaAt, typeLabel } from './schema';
import { groupDigits } from '../../text/strings';

/** Hover on a key, an enum value, a name, an ADR reference, a duration or a percent. */
export function hover(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number): Hover | undefined {
  const context = contextAt(document, offset);
  const node = context?.node;
  if (!context || !node) return undefined;
  const span = scalarSpan(node);
  const text = scalarText(node);
  if (text === undefined) {
    // Booleans and nulls: explain the key they belong to.
    return context.kind === 'value' ? keyHover(context.path, span) : undefined;
  }
  if (context.kind === 'key') {
    const path = [...context.path, text];
    if (context.path.length === 1 && elementOf(path)) return nameHover(workspace, document, context.path[0] === 'teams' ? 'team' : 'element', text, span);
    return keyHover(path, span);
  }
  const markdown = valueMarkdown(workspace, document, context.path, text, node.value);
  return markdown ? { markdown, span } : undefined;
}

function keyHover(path: readonly PathSegment[], span: Hover['span']): Hover | undefined {
  const key = fieldOf(path);
  if (key === undefined) return undefined;
  const schema = schemaAt(path);
  const entry = entryForKey(path);
  if (!schema && !entry) return undefined;
  const parts = [`**\`${key}\`** · ${typeLabel(schema)}`];
  const text = description(schema);
  if (text) parts.push(text);
  if (entry) parts.push('---', knowledge(entry));
  return { markdown: parts.join('\n\n'), span };
}

function knowledge(entry: KnowledgeEntry): string {
  const rules = entry.rules.length > 0 ? `\n\nRules: ${entry.rules.map((id) => `\`${id}\``).join(', ')}` : '';
  return entryMarkdown(entry) + rules;
}

function valueMarkdown(workspace: WorkspaceSnapshot, document: ManifestDocument, path: readonly PathSegment[], text: string, raw: unknown): string | undefined {
  const field = fieldOf(path);
  const last = path[path.length - 1];
  const element = elementOf(path);
  if (field === undefined) return undefined;
  // Names.
  if (element?.section === 'components' && (field === 'target' || (field === 'dependsOn' && typeof last === 'number'))) return nameMarkdown(workspace, document, 'element', text);
  if (element?.section === 'components' && field === 'owner') return nameMarkdown(workspace, document, 'team', text);
  if (element?.section === 'datastores' && field === 'owner') return nameMarkdown(workspace, document, 'element', text);
  if (element?.section === 'channels' && field === 'deadLetter') return nameMarkdown(workspace, document, 'element', text);
  if ((element?.section === 'components' && field === 'layer') || (path.length === 2 && field === 'layers')) return layerMarkdown(workspace, document, text);
  if (field === 'decisions' && typeof last === 'number') return adrMarkdown(workspace, document, text);
  // Typed values.
  const schema = schemaAt(path);
  if (enumValues(schema)?.includes(text)) {
    const entry = entryForValue(field, text);
    const head = `**\`${field}: ${text}\`**`;
    return entry ? `${head}\n\n${knowledge(entry)}` : head;
  }
  if (isDuration(schema)) return durationMarkdown(workspace, document, path, text);
  if (isPercent(schema)) return percentMarkdown(field, typeof raw === 'number' ? raw : text);
  return keyHover(path, [0, 0])?.markdown;
}

// ── Names ──────────────────────────────────────────────────────────────────

function nameHover(workspace: WorkspaceSnapshot, document: ManifestDocument, namespace: 'element' | 'team', name: string, span: Hover['span']): Hover | undefined {
  const markdown = nameMarkdown(workspace, document, namespace, name);
  return markdown ? { markdown, span } : undefined;
}

function list(names: readonly string[], limit = 8, code = true): string {
  const shown = names.slice(0, limit).map((name) => (code ? `\`${name}\`` : name)).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

function where(workspace: WorkspaceSnapshot, document: ManifestDocument, element: ManifestElement): string {
  const file = fileName(element.manifest.uri);
  return element.manifest.uri === document.uri ? `defined in this file (${file})` : `defined in \`${file}\``;
}

function nameMarkdown(workspace: WorkspaceSnapshot, document: ManifestDocument, namespace: 'element' | 'team', name: string): string {
  const model = workspace.manifests;
  if (namespace === 'team') {
    const team = model.teams.get(name);
    if (!team) return `\`${name}\` names no team in the workspace's manifests.`;
    const owned = [...model.components.values()].filter((c) => c.value?.owner === name).map((c) => c.name);
    const lines = [`**${name}** · ${team.value?.type ?? ''} team`.replace(' ·  team', ' · team'), where(workspace, document, team)];
    if (team.value?.oncall !== undefined) lines.push(`on call: ${team.value.oncall === true ? 'yes' : team.value.oncall === false ? 'no' : `\`${team.value.oncall}\``}`);
    lines.push(owned.length > 0 ? `Owns ${owned.length} component${owned.length === 1 ? '' : 's'}: ${list(owned)}` : 'Owns no component.');
    return lines.join('\n\n');
  }
  const element = model.element(name);
  if (!element) return `\`${name}\` names no component, datastore or channel in the workspace's manifests.`;
  const lines: string[] = [];
  const facts: string[] = [];
  if (element.section === 'components') {
    const value = (element as ManifestElement<'components'>).value;
    lines.push(`**${name}** · ${value?.kind ?? 'component'} (component)`);
    if (value?.layer) facts.push(`layer \`${value.layer}\``);
    if (value?.owner) facts.push(`owner \`${value.owner}\``);
    if (value?.slo?.availability !== undefined) facts.push(`availability ${value.slo.availability} %`);
    if (value?.slo?.latencyP99) facts.push(`p99 ${value.slo.latencyP99}`);
  } else if (element.section === 'datastores') {
    const value = (element as ManifestElement<'datastores'>).value;
    lines.push(`**${name}** · ${value?.engine ?? 'datastore'} (datastore)`);
    if (value?.owner) facts.push(`owner \`${value.owner}\``);
    if (value?.consistency) facts.push(`${value.consistency} consistency`);
    if (value?.classification) facts.push(value.classification);
  } else {
    const value = (element as ManifestElement<'channels'>).value;
    lines.push(`**${name}** · ${value?.kind ?? 'channel'} (channel)`);
    if (value?.technology) facts.push(value.technology);
    if (value?.delivery) facts.push(value.delivery);
  }
  facts.push(where(workspace, document, element));
  lines.push(facts.join(' · '));
  const dependents = model.dependentsOf(name);
  if (element.section === 'channels') {
    const producers = dependents.filter((e) => e.spec.access === 'write' || e.spec.access === 'read-write').map((e) => e.source.name);
    const consumers = dependents.filter((e) => e.spec.access === 'read' || e.spec.access === 'read-write').map((e) => e.source.name);
    lines.push(`Producers: ${producers.length > 0 ? list(producers) : 'none'} · consumers: ${consumers.length > 0 ? list(consumers) : 'none'}`);
  } else {
    const by = dependents.map((e) => (e.spec.via ? `\`${e.source.name}\` (${e.spec.via})` : `\`${e.source.name}\``));
    lines.push(by.length > 0 ? `Depended on by ${by.length}: ${list(by, 8, false)}` : 'Nothing depends on it.');
  }
  if (element.section === 'components') {
    const on = model.dependenciesOf(name).map((e) => e.spec.target);
    if (on.length > 0) lines.push(`Depends on ${on.length}: ${list(on)}`);
  }
  return lines.join('\n\n');
}

function layerMarkdown(workspace: WorkspaceSnapshot, document: ManifestDocument, name: string): string {
  const layers = workspace.manifests.layersOf(document);
  const index = layers.indexOf(name);
  if (index < 0) return `\`${name}\` is not one of this manifest's layers${layers.length > 0 ? ` (${list(layers)})` : ''}.`;
  const members = [...document.elements.components.values()].filter((c) => c.value?.layer === name).map((c) => c.name);
  const position = index === 0 ? 'the top layer' : index === layers.length - 1 ? 'the bottom layer' : `layer ${index + 1} of ${layers.length}`;
  const below = layers.slice(index + 1);
  return [
    `**${name}** · ${position}`,
    below.length > 0 ? `Its components may depend on ${list(below)}, never on the layers above.` : 'Its components may depend on no other layer: nothing lies below it.',
    members.length > 0 ? `Components: ${list(members)}` : 'No component in this file names it.',
    `*Framework: Part IV §1, The Layered Architecture*`,
  ].join('\n\n');
}

function adrMarkdown(workspace: WorkspaceSnapshot, document: ManifestDocument, reference: string): string {
  const adr = workspace.adrs.resolve(reference, document.uri);
  if (!adr) return `\`${reference}\` resolves to no ADR in the workspace.`;
  const number = adr.number !== undefined ? `ADR-${String(adr.number).padStart(4, '0')}` : fileName(adr.uri);
  return [`**${number}: ${adr.title ?? '(untitled)'}**`, `Status: ${adr.status ?? 'not stated'} · \`${fileName(adr.uri)}\``].join('\n\n');
}

// ── Durations and percents ─────────────────────────────────────────────────

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

/** A duration for people: "8 h 46 min", "43 min 50 s", "250 ms". */
export function formatDuration(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < MINUTE) return `${Math.round(ms / 100) / 10} s`;
  if (ms < HOUR) {
    const seconds = Math.round(ms / SECOND);
    const [m, s] = [Math.floor(seconds / 60), seconds % 60];
    return s === 0 ? `${m} min` : `${m} min ${s} s`;
  }
  if (ms < DAY) {
    const minutes = Math.round(ms / MINUTE);
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const hours = Math.round(ms / HOUR);
  const [d, h] = [Math.floor(hours / 24), hours % 24];
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** Downtime an availability target allows, per year, month, week and day. */
export function allowedDowntime(availability: number): { year: string; month: string; week: string; day: string } {
  const down = Math.max(0, 100 - availability) / 100;
  return {
    year: formatDuration(down * YEAR),
    month: formatDuration((down * YEAR) / 12),
    week: formatDuration(down * 7 * DAY),
    day: formatDuration(down * DAY),
  };
}

function percentMarkdown(field: string, raw: string | number): string | undefined {
  const value = percentValue(raw);
  if (value === undefined) return undefined;
  const budget = Math.round((100 - value) * 1e6) / 1e6;
  if (field === 'availability') {
    const down = allowedDowntime(value);
    return [
      `**${value} % availability**`,
      `Allows ${down.year} of downtime a year, ${down.month} a month, ${down.week} a week, ${down.day} a day.`,
      `Error budget: ${budget} % of the time (or of requests).`,
      '*Framework: Appendix D §1, Service Level Objectives (SLOs); Appendix D §1, Error Budgets*',
    ].join('\n\n');
  }
  if (field === 'errorRate') {
    const oneIn = value > 0 ? Math.round(100 / value) : undefined;
    return [
      `**${value} % error rate**`,
      oneIn ? `At most ${value} % of requests may fail: about 1 in ${groupDigits(oneIn)}.` : 'No request may fail.',
      '*Framework: Appendix D §1, Error Budgets*',
    ].join('\n\n');
  }
  return `**${value} %**`;
}

function durationMarkdown(workspace: WorkspaceSnapshot, document: ManifestDocument, path: readonly PathSegment[], text: string): string | undefined {
  const ms = durationMs(text);
  if (ms === undefined) return undefined;
  const field = fieldOf(path);
  const human = formatDuration(ms);
  const lines = [`**\`${text}\`** = ${human}${ms >= SECOND ? ` (${groupDigits(ms)} ms)` : ''}`];
  const element = elementOf(path);
  const component = element?.section === 'components' ? workspace.manifests.components.get(element.name) : undefined;
  switch (field) {
    case 'timeout': {
      const index = path[3];
      const edge = component && typeof index === 'number' ? workspace.manifests.dependenciesOf(component.name).find((e) => e.index === index) : undefined;
      if (!edge) break;
      lines.push(`The caller gives up on \`${edge.spec.target}\` after ${human}.`);
      const attempts = edge.spec.retry?.attempts ?? 1;
      if (attempts > 1) lines.push(`With ${attempts} attempts the call can take up to ${formatDuration(ms * attempts)} before failing (plus the waits between attempts).`);
      const target = edge.target?.section === 'components' ? (edge.target as ManifestElement<'components'>).value : undefined;
      const p99 = durationMs(target?.slo?.latencyP99);
      if (p99 !== undefined && p99 > 0) {
        const ratio = ms / p99;
        lines.push(
          ratio < 1
            ? `Shorter than \`${edge.spec.target}\`'s p99 of ${target!.slo!.latencyP99}: more than 1 % of its calls will time out.`
            : `\`${edge.spec.target}\`'s p99 is ${target!.slo!.latencyP99}: this timeout is ${Math.round(ratio * 10) / 10}× its p99.`,
        );
      } else if (edge.target) {
        lines.push(`\`${edge.spec.target}\` states no p99 latency to compare with.`);
      }
      break;
    }
    case 'latencyP99':
      lines.push(`99 % of requests must be answered within ${human}; 1 in 100 may take longer.`);
      break;
    case 'rpo':
      lines.push(`After a disaster, up to ${human} of the most recent writes may be lost.`);
      break;
    case 'rto':
      lines.push(`After a disaster, the datastore must be serving again within ${human}.`);
      break;
    case 'tokenLifetime':
      lines.push(`A stolen token stays usable for up to ${human}. The framework advises 15 min to 1 h.`);
      break;
    case 'baseDelay':
      lines.push(`The first retry waits about ${human}; with exponential backoff each wait doubles.`);
      break;
    case 'maxDelay':
      lines.push(`No wait between retries grows beyond ${human}.`);
      break;
    case 'resetTimeout':
      lines.push(`Once open, the circuit stays open for ${human} before one trial call is let through (half-open).`);
      break;
  }
  const entry = entryForKey(path);
  if (entry) lines.push(`*Framework: ${entry.reference}*`);
  return lines.join('\n\n');
}
