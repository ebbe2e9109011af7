import { RULES } from '../../engine/rules';
import { declaredAt } from '../../engine/rules/policies';
import { fileUri, fsPathOf } from '../../engine/text/uri';
import { loadPolicies } from '../../node/loadWorkspace';
import { display } from '../workspace';
import { CATEGORY_TITLES, type RuleCategory } from '../../engine/rules/types';
import { docsHref } from '../../node/ruleDocs';
import { defineCommand } from '../command';
import { UsageError } from '../io';

const USAGE = `Usage: archframe rules [--format text|json]

Lists every rule: its id, its category (the framework's axiom or area), its
default severity and what it asks for. Severities can be changed per rule in
.archframe.yaml (rules: { <id>: error|warning|info|hint|off }). The team
policies of the current folder's .archframe.yaml (and the files it extends)
are listed too, as policy/<id>.

Options:
  -f, --format <format>  text (default) or json
  -h, --help             this help`;

export const rules = defineCommand({
  name: 'rules',
  summary: 'List every rule with its category, default severity and summary.',
  usage: USAGE,
  options: { format: { type: 'string', short: 'f' } },
  maxPositionals: 0,
  run({ values, io }) {
    const format = values.format ?? 'text';
    const policies = loadPolicies(fileUri(io.cwd)).policyRulesInForce();
    const where = (rule: (typeof policies)[number]) => declaredAt(rule.declared, (uri) => display(fsPathOf(uri), io.cwd));
    const all = [...RULES, ...policies];
    if (format === 'json') {
      const list = all.map(({ meta }, index) => ({
        id: meta.id,
        category: meta.category,
        categoryTitle: CATEGORY_TITLES[meta.category],
        severity: meta.severity,
        summary: meta.summary,
        reference: meta.reference,
        appliesTo: meta.appliesTo,
        fixable: meta.fixable ?? false,
        docs: docsHref(meta.id),
        ...(index >= RULES.length ? { policy: true, declaredIn: where(policies[index - RULES.length]) } : {}),
      }));
      io.stdout(JSON.stringify({ version: 1, rules: list }, null, 2) + '\n');
      return 0;
    }
    if (format !== 'text') throw new UsageError(`unknown format '${format}': use text or json.`);
    const width = Math.max(...all.map((r) => r.meta.id.length));
    const out: string[] = [];
    for (const category of Object.keys(CATEGORY_TITLES) as RuleCategory[]) {
      const inCategory = RULES.filter((r) => r.meta.category === category);
      const own = category === 'policy' ? policies : [];
      if (inCategory.length + own.length === 0) continue;
      out.push(`${CATEGORY_TITLES[category]} (${category})`);
      for (const { meta } of inCategory) out.push(`  ${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.summary}`);
      for (const rule of own) out.push(`  ${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(7)}  ${rule.meta.summary} (team policy, ${where(rule)})`);
      out.push('');
    }
    const counted = policies.length > 0 ? `${RULES.length} rules and ${policies.length} team ${policies.length === 1 ? 'policy' : 'policies'}` : `${RULES.length} rules`;
    out.push(`${counted}. 'archframe explain <rule-id>' prints a rule's documentation.`);
    io.stdout(out.join('\n') + '\n');
    return 0;
  },
});
