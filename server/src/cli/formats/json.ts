import type { Finding } from '../../engine/model/findings';
import { ruleMeta } from '../../engine/rules';
import type { PolicyRule } from '../../engine/rules/policies';
import type { Range } from '../../engine/text/types';
import { fsPathOf } from '../../engine/text/uri';
import { docsHref } from '../../node/ruleDocs';
import { VERSION } from '../version';
import { display } from '../workspace';
import { countBySeverity, type Formatter } from './types';

/** The version of the JSON shape (docs/cli-json.md); raised on any incompatible change. */
const JSON_FORMAT_VERSION = 1;

/** 1-based line and column (UTF-16 code units), end exclusive. */
function jsonRange(range: Range) {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

function jsonFinding(finding: Finding, cwd: string, policies: readonly PolicyRule[]) {
  const meta = ruleMeta(finding.ruleId) ?? policies.find((rule) => rule.meta.id === finding.ruleId)?.meta;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: meta?.category ?? null,
    message: finding.message,
    file: display(fsPathOf(finding.uri), cwd),
    uri: finding.uri,
    range: jsonRange(finding.range),
    element: finding.element ?? null,
    related: (finding.related ?? []).map((r) => ({ file: display(fsPathOf(r.uri), cwd), uri: r.uri, range: jsonRange(r.range), message: r.message })),
    // A suppression comment is no fix: fixable says the finding's cause can be corrected by an edit.
    fixable: finding.fixes?.some((fix) => !fix.suppression) ?? false,
    docs: docsHref(finding.ruleId),
  };
}

/** One JSON document, documented in docs/cli-json.md. */
export const json: Formatter = (report) =>
  JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      tool: { name: 'archframe', version: VERSION },
      cwd: report.cwd,
      summary: { ...countBySeverity(report.findings), total: report.findings.length, baselined: report.baselined },
      findings: report.findings.map((f) => jsonFinding(f, report.cwd, report.policies)),
    },
    null,
    2,
  ) + '\n';
