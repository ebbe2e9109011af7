import { isMap, parseDocument, type Node, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { configSchema, type Config } from '../model/config';
import { POLICY_PREFIX } from '../model/policies';
import { readPolicies, type PolicySource } from './policies';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import type { ParseProblem } from './problem';
import { reportDuplicateKeys, valueReader } from './manifest';
import { validate } from './validate';
import { closestMatch } from '../text/strings';
import { findPair, nodeSpan, scalarKey, yamlErrorProblem } from './yamlAst';

export interface ConfigDocument extends PolicySource {
  kind: 'config';
  uri: string;
  text: string;
  lines: LineIndex;
  /** The valid part of the configuration; invalid entries fall back to the defaults. */
  config: Config;
  problems: ParseProblem[];
  /** The keys of `rules:` that name a policy (`policy/<id>`), checked against the policies in force. */
  policyRuleKeys: { id: string; span: Span }[];
}

/** `ruleIds`: the ids `rules:` may name (the parser knows no rule itself; the engine passes its registry's). */
export function parseConfig(uri: string, text: string, ruleIds: readonly string[]): ConfigDocument {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const yaml = parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  for (const error of yaml.errors) {
    problems.push(yamlErrorProblem(error, text.length));
  }
  let config: Config = {};
  let policies: PolicySource = { policies: [], extends: [] };
  const policyRuleKeys: ConfigDocument['policyRuleKeys'] = [];
  const contents = yaml.contents as Node | null;
  reportDuplicateKeys(contents, problems);
  if (isMap(contents)) {
    // An unresolved alias or an alias bomb is reported on the alias, as in a manifest.
    const { value, ok } = valueReader(yaml, 100, problems)(contents);
    if (ok && value !== undefined) config = validate(checkedSchema, value, contents, [], problems, undefined, checkedSchema) ?? {};
    config = checkRuleIds(contents, config, ruleIds, problems, policyRuleKeys);
    policies = readPolicies(uri, lines, contents, problems, ruleIds);
    if (config.policies) config = { ...config, policies: policies.policies.map((declared) => declared.policy) };
  } else if (contents !== null && yaml.errors.length === 0) {
    problems.push({ ruleId: 'schema-type', span: [0, text.length], message: '.archframe.yaml must be a map (rules, ignore, folders, adr, suppressions, sources, policies, extends).' });
  }
  return { kind: 'config', uri, text, lines, config, problems, policyRuleKeys, ...policies };
}

/** Each policy is validated on its own (parse/policies.ts), so that a problem in one leaves out that one whole. */
const checkedSchema = configSchema.extend({ policies: z.array(z.unknown()).optional() }) as unknown as typeof configSchema;

/**
 * Keys of `rules:` must be rule ids (a policy's `policy/<id>` is checked against every file the policies come
 * from, by policy-reference): an unknown one is reported on its key (with a did-you-mean) and left out of the configuration. */
function checkRuleIds(contents: YAMLMap, config: Config, ruleIds: readonly string[], problems: ParseProblem[], policyKeys: ConfigDocument['policyRuleKeys']): Config {
  const rulesNode = findPair(contents, 'rules')?.value as Node | null | undefined;
  if (!config.rules || !isMap(rulesNode)) return config;
  const rules = { ...config.rules };
  const known = new Set(ruleIds);
  for (const pair of rulesNode.items) {
    const id = scalarKey(pair);
    if (id === undefined || known.has(id)) continue;
    if (id.startsWith(POLICY_PREFIX)) {
      policyKeys.push({ id, span: nodeSpan(pair.key as Node) ?? [0, 0] });
      continue;
    }
    const guess = closestMatch(id, ruleIds);
    problems.push({
      ruleId: 'schema-enum',
      span: nodeSpan(pair.key as Node) ?? [0, 0],
      message: `'${id}' is not a rule id.${guess ? ` Did you mean '${guess}'?` : ' The rule ids are listed in docs/rules/.'}`,
      suggestion: guess,
    });
    delete rules[id];
  }
  return { ...config, rules };
}
