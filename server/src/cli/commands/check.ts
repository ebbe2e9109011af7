import * as path from 'node:path';
import { SEVERITY_ORDER, type Severity } from '../../engine/model/findings';
import { defineCommand } from '../command';
import { FORMATS } from '../formats';
import { summary } from '../formats/text';
import type { CheckReport } from '../formats/types';
import { applyBaseline, baselineText, isBaseline, readBaseline } from '../baseline';
import { writeOutput } from '../outputFile';
import { UsageError, wantsColor, type CliIo } from '../io';
import { assertSomethingChecked, findingsInScope, load, resolveTargets } from '../workspace';

const FAIL_ON: readonly Severity[] = ['error', 'warning', 'info'];

const USAGE = `Usage: archframe check [options] [paths…]

Checks the architecture manifests, ADRs, runbooks and postmortems under each
path (default: the current folder) with the editor's rules and the
workspace's .archframe.yaml. A folder is checked as a workspace of its own;
a file is checked within the current folder's workspace.

Options:
  -f, --format <format>     text (default), json, sarif or github
      --fail-on <severity>  error (default), warning or info: the lowest
                            severity that makes the exit code 1
      --baseline <file>     report only findings the baseline does not hold
      --write-baseline <file>
                            record today's findings in <file> and exit 0
                            (a new file, or one that is a baseline already:
                            never a file the check reads)
  -h, --help                this help

Text output is one finding a line (file:line:col severity rule-id message)
when stdout is not a terminal, and grouped by file with colours on a
terminal (NO_COLOR and FORCE_COLOR are honoured). The counts and the rules'
docs links go to stderr.

A file named on the command line is checked whatever its name: a YAML file
with a top-level archframe: or components: key is read as a manifest.

Exit code: 0 clean, 1 a finding at or above --fail-on, 2 bad usage, an
unreadable or invalid .archframe.yaml, or nothing to check (no manifest,
ADR, runbook, postmortem or catalog under the paths).`;

export const check = defineCommand({
  name: 'check',
  summary: 'Check manifests, ADRs, runbooks and postmortems (for CI).',
  usage: USAGE,
  options: {
    format: { type: 'string', short: 'f' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
  },
  run({ values, positionals, io }) {
    const format = values.format ?? 'text';
    const formatter = FORMATS[format];
    if (!formatter) throw new UsageError(`unknown format '${format}': use ${Object.keys(FORMATS).join(', ')}.`);
    const failOn = (values['fail-on'] ?? 'error') as Severity;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}, not '${values['fail-on']}'.`);
    const baselinePath = values.baseline === undefined ? undefined : path.resolve(io.cwd, values.baseline);
    const baseline = baselinePath === undefined ? undefined : readBaseline(baselinePath);

    const targets = resolveTargets(positionals, io.cwd);
    const progress = progressLine(io);
    const { engine, notes } = load(targets, io.cwd, progress.update);
    progress.done();
    for (const note of notes) io.stderr(`archframe: ${note}\n`);
    assertSomethingChecked(engine, targets, positionals, io.cwd);
    const all = findingsInScope(engine, targets);

    if (values['write-baseline'] !== undefined) {
      const written = path.resolve(io.cwd, values['write-baseline']);
      const { text, entries } = baselineText(all, written);
      writeOutput({ given: values['write-baseline'], file: written, what: 'a baseline', replaces: isBaseline }, text, engine, targets);
      io.stderr(`archframe: wrote ${all.length} finding(s) as ${entries} baseline entries to ${values['write-baseline']}.\n`);
      return 0;
    }

    const { fresh, absorbed } = baseline && baselinePath ? applyBaseline(all, baseline, baselinePath) : { fresh: all, absorbed: 0 };
    const report: CheckReport = {
      findings: fresh,
      baselined: absorbed,
      cwd: io.cwd,
      policies: engine.policyRulesInForce(),
      terminal: { color: format === 'text' && wantsColor(io, io.stdoutIsTTY), tty: format === 'text' && io.stdoutIsTTY },
    };
    io.stdout(formatter(report));
    io.stderr(summary({ ...report, terminal: { color: wantsColor(io, io.stderrIsTTY), tty: io.stderrIsTTY } }, format === 'text'));
    return fresh.some((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[failOn]) ? 1 : 0;
  },
});

/** "Reading files 1500/4000" on stderr, for workspaces large enough to wait for, on a terminal only. */
function progressLine(io: CliIo): { update?: (done: number, total: number) => void; done: () => void } {
  if (!io.stderrIsTTY) return { done: () => {} };
  let shown = false;
  return {
    update: (done, total) => {
      if (total < 500 || done >= total) return;
      shown = true;
      io.stderr(`\r\u001b[Karchframe: reading files ${done}/${total}…`);
    },
    done: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
