import * as fs from 'node:fs';
import { RULES, ruleMeta } from '../../engine/rules';
import { CATEGORY_TITLES, type RuleMeta } from '../../engine/rules/types';
import { closestMatch } from '../../engine/text/strings';
import { ruleDocsFile } from '../../node/ruleDocs';
import { defineCommand } from '../command';
import { UsageError } from '../io';

const USAGE = `Usage: archframe explain <rule-id|term>

Prints a rule's documentation (docs/rules/<id>.md), or the framework entry
for a term (an axiom, a pattern, a practice).

Options:
  -h, --help  this help`;

export const explain = defineCommand({
  name: 'explain',
  summary: "Print a rule's documentation or a framework entry.",
  usage: USAGE,
  options: {},
  maxPositionals: Infinity,
  run({ positionals, io }) {
    const term = positionals.join(' ').trim();
    if (term === '') throw new UsageError("name a rule or a term, e.g. 'archframe explain duplicate-name'.");
    const meta = ruleMeta(term) ?? ruleMeta(term.toLowerCase());
    if (meta) {
      io.stdout(ruleText(meta));
      return 0;
    }
    const near = closestMatch(term, RULES.map((r) => r.meta.id));
    io.stderr(`archframe explain: no rule or framework entry named '${term}'.${near ? ` Did you mean '${near}'?` : " 'archframe rules' lists the rules."}\n`);
    return 1;
  },
});

function ruleText(meta: RuleMeta): string {
  const header = `${meta.id} · ${CATEGORY_TITLES[meta.category]} · default severity ${meta.severity}${meta.fixable ? ' · quick fix' : ''}\n${meta.reference}\n\n`;
  let page: string | undefined;
  try {
    page = fs.readFileSync(ruleDocsFile(meta.id), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();
  } catch {
    page = undefined;
  }
  return header + (page ?? `${meta.summary}\n\n(No docs page at ${ruleDocsFile(meta.id)}.)`) + '\n';
}
