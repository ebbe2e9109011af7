import type { Finding, Severity } from '../../engine/model/findings';
import { fsPathOf } from '../../engine/text/uri';
import { docsHref } from '../../node/ruleDocs';
import { display } from '../workspace';
import { countBySeverity, groupByUri, type CheckReport, type Formatter } from './types';

const ESC = '\u001b[';
const paint = (on: boolean, code: string, text: string) => (on ? `${ESC}${code}m${text}${ESC}0m` : text);
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
/** An OSC 8 hyperlink: terminals that support it make the text clickable, others show the text. */
const link = (on: boolean, href: string, text: string) => (on ? `\u001b]8;;${href}\u0007${text}\u001b]8;;\u0007` : text);

/**
 * The default format.
 *
 * Not a terminal (CI logs, pipes, problem matchers): one finding a line,
 * `file:line:col severity rule-id message`, the lines of a file together and
 * the files in order; nothing else on stdout, so every line parses the same.
 *
 * A terminal: findings grouped under their file, `line:col severity message rule-id`,
 * coloured unless NO_COLOR says otherwise, the rule id a hyperlink to its docs.
 * The docs links are listed after the findings in both layouts.
 */
export const text: Formatter = (report) => (report.terminal.tty ? grouped(report) : plain(report));

function plain(report: CheckReport): string {
  const { color } = report.terminal;
  return report.findings
    .map((f) => {
      const where = `${display(fsPathOf(f.uri), report.cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      return `${where} ${paint(color, SEVERITY_COLOR[f.severity], f.severity)} ${f.ruleId} ${oneLine(f.message)}\n`;
    })
    .join('');
}

function grouped(report: CheckReport): string {
  const { color } = report.terminal;
  const out: string[] = [];
  for (const [uri, findings] of groupByUri(report.findings)) {
    out.push(paint(color, '4', display(fsPathOf(uri), report.cwd)) + '\n');
    const width = Math.max(...findings.map((f) => position(f).length));
    for (const finding of findings) {
      const severity = paint(color, SEVERITY_COLOR[finding.severity], finding.severity.padEnd(7));
      const id = paint(color, '2', link(color, docsHref(finding.ruleId), finding.ruleId));
      out.push(`  ${paint(color, '2', position(finding).padEnd(width))}  ${severity}  ${oneLine(finding.message)}  ${id}\n`);
    }
    out.push('\n');
  }
  return out.join('');
}

function position(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

function oneLine(message: string): string {
  return message.replace(/\r?\n/g, ' ');
}

/** For stderr after any format: the counts and, in text format, where each rule that fired is documented. */
export function summary(report: CheckReport, withDocs: boolean): string {
  const counts = countBySeverity(report.findings);
  const { color } = report.terminal;
  const parts = [`${counts.error} error(s)`, `${counts.warning} warning(s)`, `${counts.info} info`];
  if (counts.hint > 0) parts.push(`${counts.hint} hint(s)`);
  let line = `${report.findings.length} finding(s): ${parts.join(', ')}`;
  if (report.baselined > 0) line += `; ${report.baselined} more matched the baseline`;
  const lines = [paint(color && counts.error > 0, '1', line)];
  const fired = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  if (withDocs && fired.length > 0) {
    const width = Math.max(...fired.map((id) => id.length));
    lines.push('Rule docs:', ...fired.map((id) => `  ${id.padEnd(width)}  ${docsHref(id)}`));
  }
  return lines.join('\n') + '\n';
}
