import { schemaRules } from './schema';
import type { Rule, RuleMeta } from './types';
import { duplicateName } from './duplicate-name/rule';
import { internalRules } from './internal';

/**
 * The single list of rules: the server, the CLI and the docs all read it.
 * Sorted by id; a test keeps it so and checks every rule has docs and tests.
 */
export const RULES: readonly Rule[] = [...schemaRules, ...internalRules, duplicateName as Rule].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

const byId = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id)?.meta;
}

/** The rule's docs page, relative to the project root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
