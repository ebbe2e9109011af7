import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from '../../engine/model/findings';
import { RULES } from '../../engine/rules';
import { CATEGORY_TITLES } from '../../engine/rules/types';
import { declaredAt, definitionText, type PolicyRule } from '../../engine/rules/policies';
import { display } from '../workspace';
import type { Range } from '../../engine/text/types';
import { fileUri, fsPathOf } from '../../engine/text/uri';
import { docsHref, ruleDocsFile } from '../../node/ruleDocs';
import { VERSION } from '../version';
import type { Formatter } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = 'SRCROOT';

/** SARIF regions: 1-based lines and columns (UTF-16 code units), endColumn just past the last character. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A file relative to the current folder (uriBaseId SRCROOT), or an absolute file URI when outside it. */
function artifactLocation(uri: string, cwd: string) {
  const relative = path.relative(cwd, fsPathOf(uri));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The rule's docs page without its front matter, for `help.markdown` (shown by code-scanning tools). */
function helpMarkdown(ruleId: string): string | undefined {
  try {
    return fs.readFileSync(ruleDocsFile(ruleId), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();
  } catch {
    return undefined;
  }
}

/** A team policy as a SARIF rule: its message is its description, its definition its help. */
function policyRule(rule: PolicyRule, cwd: string) {
  const { meta, declared } = rule;
  const where = declaredAt(declared, (uri) => display(fsPathOf(uri), cwd));
  const markdown = `${meta.summary}\n\nTeam policy, declared in \`${where}\`:\n\n\`\`\`yaml\n${definitionText(declared)}\n\`\`\``;
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.summary },
    fullDescription: { text: `${meta.summary} (team policy, ${where})` },
    helpUri: docsHref(meta.id),
    help: { text: markdown, markdown },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { category: meta.category, categoryTitle: CATEGORY_TITLES[meta.category], reference: where, tags: [meta.category] },
  };
}

function driverRules(policies: readonly PolicyRule[], cwd: string) {
  const builtin = RULES.map(({ meta }) => {
    const markdown = helpMarkdown(meta.id);
    return {
      id: meta.id,
      name: meta.id,
      shortDescription: { text: meta.summary },
      fullDescription: { text: `${meta.summary} (${meta.reference})` },
      helpUri: docsHref(meta.id),
      ...(markdown ? { help: { text: markdown, markdown } } : {}),
      defaultConfiguration: { level: LEVEL[meta.severity] },
      properties: { category: meta.category, categoryTitle: CATEGORY_TITLES[meta.category], reference: meta.reference, tags: [meta.category] },
    };
  });
  const seen = new Set<string>();
  const own = policies.filter((rule) => !seen.has(rule.meta.id) && seen.add(rule.meta.id)).map((rule) => policyRule(rule, cwd));
  return [...builtin, ...own];
}

/** SARIF 2.1.0, as GitHub code scanning and other tools read it: one run, every rule described. */
export const sarif: Formatter = (report) => {
  const rules = driverRules(report.policies, report.cwd);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.findings.map((finding) => ({
    ruleId: finding.ruleId,
    ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(finding.uri, report.cwd), region: region(finding.range) } }],
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, index) => ({
            id: index,
            physicalLocation: { artifactLocation: artifactLocation(related.uri, report.cwd), region: region(related.range) },
            message: { text: related.message },
          })),
        }
      : {}),
    ...(finding.element ? { partialFingerprints: { 'archframeElement/v1': `${finding.ruleId}:${finding.element}` } } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'archframe', version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(report.cwd).replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
