import { RULES } from '../../engine/rules';
import { CATEGORY_TITLES, type RuleCategory } from '../../engine/rules/types';
import { docsHref } from '../../node/ruleDocs';
import { defineCommand } from '../command';
import { UsageError } from '../io';

const USAGE = `Usage: archframe rules [--format text|json]

Lists every rule: its id, its category (the framework's axiom or area), its
default severity and what it asks for. Severities can be changed per rule in
.archframe.yaml (rules: { <id>: error|warning|info|hint|off }).

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
    if (format === 'json') {
      const list = RULES.map(({ meta }) => ({
        id: meta.id,
        category: meta.category,
        categoryTitle: CATEGORY_TITLES[meta.category],
        severity: meta.severity,
        summary: meta.summary,
        reference: meta.reference,
        appliesTo: meta.appliesTo,
        fixable: meta.fixable ?? false,
        docs: docsHref(meta.id),
      }));
      io.stdout(JSON.stringify({ version: 1, rules: list }, null, 2) + '\n');
      return 0;
    }
    if (format !== 'text') throw new UsageError(`unknown format '${format}': use text or json.`);
    const width = Math.max(...RULES.map((r) => r.meta.id.length));
    const out: string[] = [];
    for (const category of Object.keys(CATEGORY_TITLES) as RuleCategory[]) {
      const inCategory = RULES.filter((r) => r.meta.category === category);
      if (inCategory.length === 0) continue;
      out.push(`${CATEGORY_TITLES[category]} (${category})`);
      for (const { meta } of inCategory) out.push(`  ${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.summary}`);
      out.push('');
    }
    out.push(`${RULES.length} rules. 'archframe explain <rule-id>' prints a rule's documentation.`);
    io.stdout(out.join('\n') + '\n');
    return 0;
  },
});
