import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { extendsSchema, fieldPaths, POLICY_ELEMENTS, POLICY_PREFIX, policySchema, selectableFields, type Policy, type PolicyElement, type Selector } from '../model/policies';
import { LineIndex } from '../text/lineIndex';
import { closestMatch } from '../text/strings';
import type { Span } from '../text/types';
import { reportDuplicateKeys, valueReader } from './manifest';
import type { ParseProblem } from './problem';
import { validate } from './validate';
import { findPair, nodeSpan, yamlErrorProblem } from './yamlAst';

/** Where a selector of a policy is written. */
export interface DeclaredSelector {
  key: 'from' | 'to' | 'of';
  selector: Selector;
  span: Span;
}

/** A valid policy with where it is declared; invalid policies are reported and left out. */
export interface DeclaredPolicy {
  policy: Policy;
  /** `policy/<id>`: the code of its findings. */
  ruleId: string;
  uri: string;
  lines: LineIndex;
  /** The policy's `id` value. */
  idSpan: Span;
  /** The whole policy, as written. */
  span: Span;
  selectors: DeclaredSelector[];
  /** The definition as text: equal definitions give equal findings, so a run is kept while its policy's key is the same. */
  key: string;
}

/** One path of `extends:`, relative to the file that names it. */
export interface ExtendsEntry {
  path: string;
  span: Span;
}

/** The policies and `extends:` of `.archframe.yaml` or of a file it extends. */
export interface PolicySource {
  policies: DeclaredPolicy[];
  extends: ExtendsEntry[];
}

/** A YAML file named by `extends:`: `policies:` and perhaps `extends:` of its own. */
export interface PolicyFileDocument extends PolicySource {
  kind: 'policies';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
}

const policyFileSchema = z.strictObject({ policies: z.array(z.unknown()).optional(), extends: extendsSchema.optional() });

export function parsePolicyFile(uri: string, text: string, builtinIds: readonly string[]): PolicyFileDocument {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const yaml = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  for (const error of yaml.errors) problems.push(yamlErrorProblem(error, text.length));
  const contents = yaml.contents as Node | null;
  reportDuplicateKeys(contents, problems);
  let source: PolicySource = { policies: [], extends: [] };
  if (isMap(contents)) {
    // An unresolved alias or an alias bomb is reported on the alias, as in a manifest.
    const { value, ok } = valueReader(yaml, 100, problems)(contents);
    if (ok && value !== undefined) validate(policyFileSchema, value, contents, [], problems);
    source = readPolicies(uri, lines, contents, problems, builtinIds);
  } else if (yaml.errors.length === 0) {
    problems.push({ ruleId: 'schema-type', span: [0, text.length], message: 'A policies file is a map with `policies:` (a list of policies) and, if it shares more, `extends:`.' });
  }
  return { kind: 'policies', uri, text, lines, problems, ...source };
}

/**
 * Reads `policies:` and `extends:` of a map. Each policy is validated on its own: one with any problem is
 * reported and left out whole (a selector without its misspelt key would match more than the team meant).
 */
export function readPolicies(uri: string, lines: LineIndex, contents: YAMLMap, problems: ParseProblem[], builtinIds: readonly string[]): PolicySource {
  const policies: DeclaredPolicy[] = [];
  const list = findPair(contents, 'policies')?.value as Node | null | undefined;
  if (isSeq(list)) {
    for (const item of list.items as Node[]) {
      const declared = readPolicy(uri, lines, item, problems, builtinIds);
      if (declared) policies.push(declared);
    }
  }
  return { policies, extends: readExtends(contents, problems) };
}

function readPolicy(uri: string, lines: LineIndex, node: Node, problems: ParseProblem[], builtinIds: readonly string[]): DeclaredPolicy | undefined {
  const found: ParseProblem[] = [];
  const span = nodeSpan(node) ?? [0, 0];
  if (!isMap(node)) {
    problems.push({ ruleId: 'schema-type', span, message: 'A policy is a map: id, severity, message, and forbid or require.' });
    return undefined;
  }
  const policy = validate(policySchema, node.toJSON(), node, [], found, span);
  const at = (path: (string | number)[]): Span => {
    let current: Node | undefined = node;
    for (const segment of path) {
      if (isMap(current)) current = findPair(current, String(segment))?.value as Node | undefined;
      else if (isSeq(current)) current = current.items[segment as number] as Node | undefined;
      else current = undefined;
    }
    return nodeSpan(current) ?? span;
  };
  const keySpan = (key: string): Span => nodeSpan(findPair(node, key)?.key as Node) ?? span;
  if (policy) {
    if (!policy.forbid && !policy.require) found.push({ ruleId: 'schema-required', span: keySpan('id'), message: `Policy '${policy.id}' says neither forbid nor require: give it one of them.` });
    if (policy.forbid && policy.require) found.push({ ruleId: 'schema-type', span: keySpan('require'), message: `Policy '${policy.id}' has both forbid and require: write them as two policies.` });
    if (builtinIds.includes(policy.id)) {
      found.push({ ruleId: 'schema-format', span: at(['id']), message: `'${policy.id}' is the id of a built-in rule: name the policy otherwise, so that rules: and explain name one thing.` });
    }
    if (policy.require) {
      const elements = elementsOf(policy.require.of as Selector);
      const known = fieldPaths(elements);
      policy.require.fields.forEach((field, index) => {
        if (known.includes(field)) return;
        const guess = closestMatch(field, known);
        found.push({
          ruleId: 'schema-enum',
          span: at(['require', 'fields', index]),
          message: `'${field}' is not a field of a ${elements.join(' or ')}.${guess ? ` Did you mean '${guess}'?` : ''}`,
          suggestion: guess,
        });
      });
    }
  }
  problems.push(...found);
  if (!policy || found.length > 0) return undefined;
  const selectors: DeclaredSelector[] = [];
  const selector = (key: DeclaredSelector['key'], parent: string, value: Selector | undefined) => {
    if (value) selectors.push({ key, selector: value, span: at([parent, key]) });
  };
  selector('from', 'forbid', policy.forbid?.from as Selector | undefined);
  selector('to', 'forbid', policy.forbid?.to as Selector | undefined);
  selector('of', 'require', policy.require?.of as Selector | undefined);
  return { policy, ruleId: POLICY_PREFIX + policy.id, uri, lines, idSpan: at(['id']), span, selectors, key: JSON.stringify(policy) };
}

/** The kinds of element a selector can match: those it names, else those that have every field it names. */
export function elementsOf(selector: Selector): PolicyElement[] {
  // A selector being typed (completion reads it unvalidated) may name kinds that do not exist: they are left out,
  // and naming none that exists is naming none.
  const named = selector.element === undefined ? [] : (Array.isArray(selector.element) ? selector.element : [selector.element]).filter(isPolicyElement);
  const kinds: PolicyElement[] = named.length > 0 ? named : [...POLICY_ELEMENTS];
  let elements = kinds;
  const fields = selectableFields();
  for (const key of Object.keys(selector)) {
    const field = fields.get(key);
    if (field) elements = elements.filter((element) => field.elements.includes(element));
  }
  return elements.length > 0 ? elements : kinds;
}

const isPolicyElement = (value: unknown): value is PolicyElement => (POLICY_ELEMENTS as readonly unknown[]).includes(value);

function readExtends(contents: YAMLMap, problems: ParseProblem[]): ExtendsEntry[] {
  const value = findPair(contents, 'extends')?.value as Node | null | undefined;
  const nodes = isSeq(value) ? (value.items as Node[]) : value ? [value] : [];
  const entries: ExtendsEntry[] = [];
  for (const node of nodes) {
    if (!isScalar(node) || typeof node.value !== 'string') continue; // the schema reports it
    const span = nodeSpan(node) ?? [0, 0];
    const path = node.value.trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('\\')) {
      problems.push({ ruleId: 'schema-format', span, message: `'${path}' is not a relative path: extends names files of this workspace, relative to the file that names them.` });
    } else if (!/\.ya?ml$/i.test(path)) {
      problems.push({ ruleId: 'schema-format', span, message: `'${path}' is not a YAML file: extends names .yaml or .yml files with policies:.` });
    } else entries.push({ path, span });
  }
  return entries;
}
