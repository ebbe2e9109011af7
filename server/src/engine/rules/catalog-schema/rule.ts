import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { ENTITY_NAME, KINDS, kindSpec, METADATA_KEYS, TOP_LEVEL_KEYS } from '../../catalog/kinds';
import type { CatalogEntity } from '../../catalog/entities';
import type { Fix } from '../../model/findings';
import type { CatalogDocument } from '../../parse/catalog';
import { scalarKey } from '../../parse/yamlAst';
import { closestMatch } from '../../text/strings';
import type { Span } from '../../text/types';
import { defineRule, type Report } from '../types';

export const rule = defineRule<CatalogDocument>({
  meta: {
    id: 'catalog-schema',
    category: 'catalog',
    severity: 'error',
    summary: 'A Backstage entity has a known kind, a valid name, the fields its kind requires, and only fields that belong to it.',
    reference: 'Part III §1, Component Boundaries; Part III §3, Component Relationships',
    appliesTo: 'catalog',
    fixable: true,
  },
  check({ document, report }) {
    for (const entity of document.entities) checkEntity(document, entity, report);
  },
});

function checkEntity(document: CatalogDocument, entity: CatalogEntity, report: (report: Report) => void): void {
  const at = (span: Span) => ({ uri: document.uri, lines: document.lines, span });
  const who = entity.name ? `'${entity.name}'` : 'this entity';
  const element = `${entity.kind ?? 'entity'}:${entity.namespace}/${entity.name ?? '?'}`;
  const replace = (span: Span, text: string): Fix[] => [{ title: `Change to '${text}'`, edits: [{ uri: document.uri, range: document.lines.range(span), newText: text }], isPreferred: true }];
  const unknownKeys = (map: YAMLMap | undefined, known: readonly string[], where: string) => {
    for (const pair of map?.items ?? []) {
      const key = scalarKey(pair);
      if (key === undefined || known.includes(key)) continue;
      const span = keySpan(pair);
      const guess = closestMatch(key, known);
      report({ at: at(span), message: `'${key}' is not a field of ${where}.${guess ? ` Did you mean '${guess}'?` : ` Its fields: ${known.join(', ')}.`}`, fixes: guess ? replace(span, guess) : undefined, element: `${element}.${key}` });
    }
  };

  unknownKeys(entity.map, TOP_LEVEL_KEYS, 'an entity');
  if (entity.kind === undefined) {
    report({ at: at(entity.kindSpan[1] > entity.kindSpan[0] ? entity.kindSpan : firstLine(entity)), message: `An entity needs a \`kind\` (${Object.values(KINDS).map((k) => k.name).join(', ')}).`, element });
    return;
  }
  const spec = kindSpec(entity.kind);
  if (!spec) {
    const guess = closestMatch(entity.kind.toLowerCase(), Object.keys(KINDS));
    const name = guess && KINDS[guess].name;
    report({
      at: at(entity.kindSpan),
      message: `'${entity.kind}' is not a kind of entity Backstage knows.${name ? ` Did you mean '${name}'?` : ` The kinds: ${Object.values(KINDS).map((k) => k.name).join(', ')}.`}`,
      fixes: name ? replace(entity.kindSpan, name) : undefined,
      element,
    });
    return;
  }
  if (!entity.metadata) report({ at: at(entity.kindSpan), message: `${spec.name} ${who} has no \`metadata\`: an entity needs at least \`metadata.name\`.`, element });
  else {
    unknownKeys(entity.metadata, METADATA_KEYS, 'metadata');
    if (entity.name === undefined) report({ at: at(entity.kindSpan), message: `${spec.name} without \`metadata.name\`.`, element });
    else if (entity.name.length > 63 || !ENTITY_NAME.test(entity.name)) {
      report({ at: at(entity.nameSpan), message: `'${entity.name}' is not a valid entity name: 1 to 63 letters and digits, separated by single '-', '_' or '.'.`, element: `${element}.name` });
    }
  }
  if (!entity.spec) {
    if (spec.required.length > 0) report({ at: at(entity.kindSpan), message: `${spec.name} ${who} has no \`spec\`; it needs ${spec.required.map((f) => `\`${f}\``).join(', ')}.`, element });
    return;
  }
  const fields = Object.keys(spec.fields);
  /** Fields a misspelt key stands for: reported there, not again as missing. */
  const meant = new Set<string>();
  for (const pair of entity.spec.items) {
    const key = scalarKey(pair);
    if (key === undefined) continue;
    const field = spec.fields[key];
    const span = keySpan(pair);
    if (!field) {
      const guess = closestMatch(key, fields);
      if (guess) meant.add(guess);
      const elsewhere = Object.values(KINDS).filter((k) => key in k.fields).map((k) => k.name);
      const note = elsewhere.length > 0 ? ` (it belongs to ${elsewhere.join(', ')})` : '';
      report({
        at: at(span),
        message: `'${key}' does not belong to a ${spec.name}'s spec${note}.${guess ? ` Did you mean '${guess}'?` : ` A ${spec.name} has ${fields.join(', ')}.`}`,
        fixes: guess ? replace(span, guess) : undefined,
        element: `${element}.spec.${key}`,
      });
      continue;
    }
    const value = pair.value as Node | null;
    if (field.shape === 'list' && value !== null && !isSeq(value) && !(isScalar(value) && value.value === null)) {
      report({ at: at(spanOf(value, span)), message: `\`${key}\` is a list${field.reference ? ' of entity references' : ''}: write it as \`[${isScalar(value) ? String(value.value) : '…'}]\` or one \`- item\` a line.`, element: `${element}.spec.${key}` });
    } else if (field.shape === 'string' && (isSeq(value) || isMap(value))) {
      report({ at: at(spanOf(value, span)), message: `\`${key}\` is one ${field.reference ? 'entity reference' : 'string'}, not a ${isSeq(value) ? 'list' : 'map'}.`, element: `${element}.spec.${key}` });
    }
  }
  const present = new Set(entity.spec.items.map((pair) => scalarKey(pair)));
  const missing = spec.required.filter((field) => !present.has(field) && !meant.has(field));
  if (missing.length > 0) {
    const specKey = entity.map.items.find((pair) => scalarKey(pair) === 'spec');
    report({ at: at(specKey ? keySpan(specKey) : entity.kindSpan), message: `${spec.name} ${who} needs ${missing.map((f) => `\`spec.${f}\``).join(', ')}.`, element: `${element}.spec` });
  }
}

function keySpan(pair: Pair): Span {
  const key = pair.key as Node;
  return key?.range ? [key.range[0], key.range[1]] : [0, 0];
}

function spanOf(node: Node, fallback: Span): Span {
  return node.range ? [node.range[0], node.range[1]] : fallback;
}

function firstLine(entity: CatalogEntity): Span {
  const first = entity.map.items[0]?.key as Node | undefined;
  return first?.range ? [first.range[0], first.range[1]] : entity.documentSpan;
}
