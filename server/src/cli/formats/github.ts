import type { Severity } from '../../engine/model/findings';
import { fsPathOf } from '../../engine/text/uri';
import { display } from '../workspace';
import type { Formatter } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow-command escaping of a command's data (the message). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command escaping of a property value: the data escapes plus ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message`
 * a finding, which the runner shows as annotations on the pull request's files.
 * Paths are relative to the current folder (run it from the repository root).
 */
export const github: Formatter = (report) =>
  report.findings
    .map((f) => {
      const properties = [
        ['file', display(fsPathOf(f.uri), report.cwd)],
        ['line', String(f.range.start.line + 1)],
        ['col', String(f.range.start.character + 1)],
        ['endLine', String(f.range.end.line + 1)],
        ['endColumn', String(f.range.end.character + 1)],
        ['title', f.ruleId],
      ]
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
      return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
