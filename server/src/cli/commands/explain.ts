import * as fs from 'node:fs';
import { KNOWLEDGE, entryById, lookupTerm, type KnowledgeEntry } from '../../engine/knowledge';
import { POLICY_PREFIX } from '../../engine/model/policies';
import { RULES, ruleMeta } from '../../engine/rules';
import { declaredAt, definitionText, type PolicyRule } from '../../engine/rules/policies';
import { fileUri, fsPathOf } from '../../engine/text/uri';
import { CONFIG_NAME } from '../../engine/workspace/classify';
import { loadPolicies } from '../../node/loadWorkspace';
import { display } from '../workspace';
import { CATEGORY_TITLES, type RuleMeta } from '../../engine/rules/types';
import { closestMatch } from '../../engine/text/strings';
import { ruleDocsFile } from '../../node/ruleDocs';
import { defineCommand } from '../command';
import { UsageError } from '../io';

const USAGE = `Usage: archframe explain <rule-id|term>

Prints a rule's documentation (docs/rules/<id>.md), a team policy of the
current folder's .archframe.yaml (policy/<id>: its definition and where it
is declared), or the framework entry for a term: an axiom, a pattern, a practice, by its id, title or a usual
name ('archframe explain cqrs', 'archframe explain "circuit breaker"').

Options:
  -h, --help  this help`;

export const explain = defineCommand({
  name: 'explain',
  summary: "Print a rule's documentation or a framework entry.",
  usage: USAGE,
  options: {},
  run({ positionals, io }) {
    const term = positionals.join(' ').trim();
    if (term === '') throw new UsageError("name a rule or a term, e.g. 'archframe explain duplicate-name'.");
    const policies = term.startsWith(POLICY_PREFIX) ? loadPolicies(fileUri(io.cwd)).policyRulesInForce() : [];
    if (term.startsWith(POLICY_PREFIX)) {
      const policy = policies.find((rule) => rule.meta.id === term);
      if (!policy) {
        const near = closestMatch(term, policies.map((rule) => rule.meta.id));
        io.stderr(`archframe explain: no team policy '${term}' in ${CONFIG_NAME} here or the files it extends.${near ? ` Did you mean '${near}'?` : " 'archframe rules' lists them."}\n`);
        return 1;
      }
      io.stdout(policyText(policy, io.cwd) + '\n');
      return 0;
    }
    const meta = ruleMeta(term) ?? ruleMeta(term.toLowerCase());
    const entry = lookupTerm(term);
    if (!meta && !entry) {
      io.stderr(`archframe explain: no rule or framework entry named '${term}'.${suggestion(term)}\n`);
      return 1;
    }
    const parts: string[] = [];
    if (meta) parts.push(ruleText(meta));
    if (entry) parts.push(entryText(entry));
    io.stdout(parts.join('\n\n' + '─'.repeat(40) + '\n\n') + '\n');
    return 0;
  },
});

function suggestion(term: string): string {
  const names = [...RULES.map((r) => r.meta.id), ...KNOWLEDGE.flatMap((e) => [e.id, e.title, ...e.aliases])];
  const near = closestMatch(term, names);
  return near ? ` Did you mean '${near}'?` : " 'archframe rules' lists the rules.";
}

function ruleText(meta: RuleMeta): string {
  const lines = [`${meta.id} · rule · ${CATEGORY_TITLES[meta.category]} · default severity ${meta.severity}${meta.fixable ? ' · quick fix' : ''}`, `Framework: ${meta.reference}`, ''];
  let page: string | undefined;
  try {
    page = fs.readFileSync(ruleDocsFile(meta.id), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();
  } catch {
    page = undefined;
  }
  lines.push(page ?? `${meta.summary}\n\n(No docs page at ${ruleDocsFile(meta.id)}.)`);
  const knowledge = (meta.knowledge ?? []).map(entryById).filter((e): e is KnowledgeEntry => e !== undefined);
  if (knowledge.length > 0) lines.push('', `Framework entries: ${knowledge.map((e) => `${e.title} (${e.id})`).join(', ')}`);
  return lines.join('\n');
}

function policyText(rule: PolicyRule, cwd: string): string {
  const { meta, declared } = rule;
  return [
    `${meta.id} · team policy · ${CATEGORY_TITLES[meta.category]} · default severity ${meta.severity}`,
    `Declared in ${declaredAt(declared, (uri) => display(fsPathOf(uri), cwd))}`,
    '',
    meta.summary,
    '',
    definitionText(declared),
    '',
    `How policies select elements and report: ${ruleDocsFile(meta.id)}`,
  ].join('\n');
}

function entryText(entry: KnowledgeEntry): string {
  const lines = [`${entry.title} · framework entry (${entry.id})`, `Framework: ${entry.reference}`, '', entry.summary];
  const related = entry.related.map((id) => entryById(id)?.title ?? id);
  if (related.length > 0) lines.push('', `Related: ${related.join(', ')}`);
  if (entry.rules.length > 0) lines.push(`Rules: ${entry.rules.join(', ')}`);
  return lines.join('\n');
}
