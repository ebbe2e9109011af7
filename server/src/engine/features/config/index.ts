import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { z } from 'zod';
import { ADR_FORMATS, configSchema } from '../../model/config';
import type { ConfigDocument } from '../../parse/config';
import type { PolicyFileDocument } from '../../parse/policies';
import { relativeLink } from '../../text/uri';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { policyCompletions, policyHover } from './policies';
import { nodeSpan, scalarKey } from '../../parse/yamlAst';
import { RULES, ruleDocsPath, ruleMeta } from '../../rules';
import { CATEGORY_TITLES, type RuleMeta } from '../../rules/types';
import type { Span } from '../../text/types';
import type { Completion, Hover, DocumentFeatures } from '../types';

/**
 * Editor features of `.archframe.yaml`: the top-level keys, rule ids under
 * `rules:` with their summaries, severities as their values, and hovers that
 * explain a rule or a key.
 */

const SEVERITIES: { value: string; text: string }[] = [
  { value: 'error', text: 'Reported as an error (fails `archframe check`).' },
  { value: 'warning', text: 'Reported as a warning.' },
  { value: 'info', text: 'Reported as information.' },
  { value: 'hint', text: 'Shown as a hint only.' },
  { value: 'off', text: 'Not reported.' },
];

type Shape = Record<string, z.ZodType>;

const TOP_LEVEL = configSchema.shape as Shape;

/** Nested keys of the small maps (suppressions, folders, adr). */
function nestedShape(key: string): Shape | undefined {
  let schema = TOP_LEVEL[key] as unknown as { unwrap?: () => unknown; shape?: Shape };
  while (schema && !schema.shape && schema.unwrap) schema = schema.unwrap() as typeof schema;
  return schema?.shape;
}

function describe(schema: z.ZodType | undefined): string | undefined {
  return (schema as { description?: string } | undefined)?.description;
}

/** Markdown that explains a rule: what it asks, its default, where the framework says so, its page. */
function ruleDocumentation(meta: RuleMeta): string {
  return [
    `**${meta.id}** (${CATEGORY_TITLES[meta.category]}, default \`${meta.severity}\`)`,
    '',
    meta.summary,
    '',
    `Framework: ${meta.reference}. See [${ruleDocsPath(meta.id)}](${ruleDocsPath(meta.id)}).`,
  ].join('\n');
}

interface Context {
  /** The top-level key the cursor is under, if it is indented below one. */
  parent?: string;
  /** The key whose value is being written (on the cursor's line), if any. */
  key?: string;
  /** The word being typed, for the replaced span. */
  word: Span;
}

/** Where the cursor is: on a top-level key, a nested key, or a value. */
function contextAt(document: ConfigDocument, offset: number): Context {
  const { text, lines } = document;
  const position = lines.position(offset);
  const lineStart = lines.lineStart(position.line);
  const before = text.slice(lineStart, offset);
  let wordStart = offset;
  while (wordStart > lineStart && /[\w.-]/.test(text[wordStart - 1])) wordStart--;
  const word: Span = [wordStart, offset];
  const indent = before.length - before.trimStart().length;
  const colon = before.indexOf(':');
  const key = colon >= 0 ? before.slice(0, colon).trim().replace(/^- /, '') : undefined;
  if (indent === 0) return { key, word };
  // The top-level key this line is indented under: the last top-level pair that starts before the line.
  const yaml = parseDocument(text, { uniqueKeys: false });
  const contents = yaml.contents as Node | null;
  let parent: string | undefined;
  if (isMap(contents)) {
    for (const pair of contents.items as Pair[]) {
      const start = nodeSpan(pair.key as Node)?.[0];
      if (start !== undefined && start < lineStart) parent = scalarKey(pair);
    }
  }
  return { parent, key, word };
}

function completions(workspace: WorkspaceSnapshot, document: ConfigDocument, offset: number): Completion[] {
  const inPolicies = policyCompletions(workspace, document, offset);
  if (inPolicies) return inPolicies;
  const context = contextAt(document, offset);
  const replace = context.word;
  if (context.parent === 'rules') {
    if (context.key !== undefined) {
      const meta = ruleMeta(context.key) ?? policyMeta(workspace, document, context.key);
      return SEVERITIES.map((s, i) => ({
        label: s.value,
        kind: 'enum',
        detail: meta && s.value === meta.severity ? 'default' : undefined,
        documentation: s.text,
        replace,
        sortText: String(i),
        preselect: meta?.severity === s.value,
      }));
    }
    const present = new Set([...Object.keys(document.config.rules ?? {}), ...document.policyRuleKeys.map((key) => key.id)]);
    const policies = workspace.policies(document.uri).policies.filter((declared) => !present.has(declared.ruleId));
    const own = policies.map((declared) => ({
      label: declared.ruleId,
      kind: 'property' as const,
      detail: `${CATEGORY_TITLES.policy} · default ${declared.policy.severity}`,
      documentation: declared.policy.message,
      insertText: `${declared.ruleId}: `,
      replace,
    }));
    return [...own, ...RULES.filter((rule) => !present.has(rule.meta.id)).map((rule) => ({
      label: rule.meta.id,
      kind: 'property' as const,
      detail: `${CATEGORY_TITLES[rule.meta.category]} · default ${rule.meta.severity}`,
      documentation: ruleDocumentation(rule.meta),
      insertText: `${rule.meta.id}: `,
      replace,
    }))];
  }
  if (context.parent !== undefined) {
    const shape = nestedShape(context.parent);
    if (!shape) return [];
    if (context.key !== undefined) {
      if (context.parent === 'adr' && context.key === 'format') return ADR_FORMATS.map((format) => ({ label: format, kind: 'enum', replace }));
      if (context.parent === 'suppressions' && context.key === 'requireReason') return ['true', 'false'].map((value) => ({ label: value, kind: 'value', replace }));
      return [];
    }
    return Object.entries(shape).map(([key, schema]) => ({ label: key, kind: 'property', documentation: describe(schema), insertText: `${key}: `, replace }));
  }
  if (context.key !== undefined) return [];
  const present = new Set(Object.keys(document.config));
  return Object.entries(TOP_LEVEL)
    .filter(([key]) => !present.has(key))
    .map(([key, schema]) => ({ label: key, kind: 'property', documentation: describe(schema), insertText: INLINE_KEYS.has(key) ? `${key}: ` : key === 'policies' ? `${key}:\n  - ` : `${key}:\n  `, replace }));
}

/** Top-level keys whose value is written on their own line. */
const INLINE_KEYS = new Set(['maxFileSize', 'extends']);

/** A policy of this workspace named in `rules:`, as rule metadata would describe it. */
function policyMeta(workspace: WorkspaceSnapshot, document: ConfigDocument, id: string): Pick<RuleMeta, 'severity'> | undefined {
  const declared = workspace.policies(document.uri).policies.find((p) => p.ruleId === id);
  return declared && { severity: declared.policy.severity };
}

function hover(workspace: WorkspaceSnapshot, document: ConfigDocument, offset: number): Hover | undefined {
  const inPolicies = policyHover(workspace, document, offset);
  if (inPolicies) return inPolicies;
  const yaml = parseDocument(document.text, { uniqueKeys: false });
  const contents = yaml.contents as Node | null;
  if (!isMap(contents)) return undefined;
  const inside = (node: unknown) => {
    const span = nodeSpan(node as Node);
    return span !== undefined && offset >= span[0] && offset <= span[1];
  };
  for (const pair of contents.items as Pair[]) {
    const key = scalarKey(pair);
    if (key === undefined) continue;
    if (inside(pair.key)) {
      const text = describe(TOP_LEVEL[key]);
      return text ? { markdown: `**${key}**: ${text}`, span: nodeSpan(pair.key as Node)! } : undefined;
    }
    const value = pair.value as Node | null;
    if (!isMap(value) || !inside(value)) continue;
    for (const inner of value.items as Pair[]) {
      const id = scalarKey(inner);
      if (id === undefined || !inside(inner.key)) continue;
      const span = nodeSpan(inner.key as Node)!;
      if (key === 'rules') {
        const meta = ruleMeta(id);
        const declared = workspace.policies(document.uri).policies.find((p) => p.ruleId === id);
        if (!meta && declared) {
          const line = declared.lines.position(declared.idSpan[0]).line + 1;
          return { markdown: `**${id}** (${CATEGORY_TITLES.policy}, default \`${declared.policy.severity}\`)\n\n${declared.policy.message}\n\nDeclared in ${relativeLink(document.uri, declared.uri)} line ${line}.`, span };
        }
        return { markdown: meta ? ruleDocumentation(meta) : `'${id}' is not a rule id.`, span };
      }
      const text = describe(nestedShape(key)?.[id]);
      return text ? { markdown: `**${key}.${id}**: ${text}`, span } : undefined;
    }
    if (key === 'rules') {
      // On a severity value: what it does.
      for (const inner of value.items as Pair[]) {
        if (isScalar(inner.value) && inside(inner.value)) {
          const severity = SEVERITIES.find((s) => s.value === String((inner.value as { value: unknown }).value));
          if (severity) return { markdown: `\`${severity.value}\`: ${severity.text}`, span: nodeSpan(inner.value as Node)! };
        }
      }
    }
  }
  return undefined;
}

/** The files `extends:` names: completion and hover inside their `policies:`, and their two top-level keys. */
export const policyFileFeatures: DocumentFeatures<PolicyFileDocument> = {
  completions(workspace, document, offset) {
    const inPolicies = policyCompletions(workspace, document, offset);
    if (inPolicies) return inPolicies;
    const context = contextAt(document as unknown as ConfigDocument, offset);
    if (context.parent !== undefined || context.key !== undefined) return [];
    const present = new Set([...(document.policies.length > 0 ? ['policies'] : []), ...(document.extends.length > 0 ? ['extends'] : [])]);
    return (['policies', 'extends'] as const)
      .filter((key) => !present.has(key))
      .map((key) => ({ label: key, kind: 'property', documentation: describe(TOP_LEVEL[key]), insertText: key === 'policies' ? `${key}:\n  - ` : `${key}: `, replace: context.word }));
  },
  hover: (workspace, document, offset) => policyHover(workspace, document, offset),
};

export const configFeatures: DocumentFeatures<ConfigDocument> = {
  completions: completions as DocumentFeatures<ConfigDocument>['completions'],
  hover: hover as DocumentFeatures<ConfigDocument>['hover'],
};
