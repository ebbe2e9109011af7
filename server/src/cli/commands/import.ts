import * as path from 'node:path';
import { Engine } from '../../engine/analysis';
import { importManifest, TODO_NOTE } from '../../engine/import';
import { fileUri } from '../../engine/text/uri';
import { gatherSources } from '../../node/sourceFiles';
import { namedPaths } from '../sources';
import { writeNewFile } from '../writeNewFile';
import { defineCommand } from '../command';
import { UsageError, type CliIo } from '../io';

const USAGE = `Usage: archframe import [options] <file-or-folder>…

Writes one architecture manifest from what a team already has: Docker Compose
files, Kubernetes manifests (Deployments, StatefulSets, Services, Ingresses,
CronJobs…) and Backstage catalog files (Components, APIs, Resources, Systems,
Groups). Folders are read for their YAML files. Each element of the manifest
has a comment naming the file and line it came from. The mapping is in
docs/import.md.

The manifest has no schema error; what 'archframe check' reports on it next
is the team's to-do list.

Options:
  -o, --output <file>  write to <file>, which must not exist (default: stdout)
      --system <name>  the system's name when no source names one
  -h, --help           this help

Exit code: 0 imported, 1 a source has an error (file:line:col on stderr, and
nothing written) or nothing to import, 2 bad usage, an unreadable source, or
an output file that exists.`;

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Write a manifest from Compose, Kubernetes or Backstage files.',
  usage: USAGE,
  options: {
    output: { type: 'string', short: 'o' },
    system: { type: 'string' },
  },
  run({ values, positionals, io }) {
    if (positionals.length === 0) throw new UsageError('name the Compose, Kubernetes or Backstage files (or folders) to import.');
    const output = values.output === undefined ? undefined : path.resolve(io.cwd, values.output);
    const gathered = gatherSources(positionals, io.cwd, namedPaths);
    if (gathered.unreadable.length > 0) throw new UsageError(gathered.unreadable.map((u) => `cannot read ${u.path}: ${u.reason}`).join('\n'));
    const sourcePaths = new Set(gathered.files.map((file) => path.resolve(io.cwd, file.path)));
    if (output !== undefined && sourcePaths.has(output)) throw new UsageError(`${values.output} is one of the files imported: choose another output file.`);

    const system = values.system ?? defaultSystemName(positionals, io.cwd);
    const result = importManifest(gathered.files, { system, command: `archframe import ${positionals.join(' ')}` });
    const problems = [...result.system.problems];
    const namedButNot = result.unrecognised.filter((file) => gathered.named.has(file));
    const skipped = result.unrecognised.filter((file) => !gathered.named.has(file) && !problems.some((p) => p.path === file));
    for (const file of namedButNot) {
      if (!problems.some((p) => p.path === file && p.severity === 'error')) {
        problems.push({ path: file, span: [0, 0], line: 1, column: 1, message: 'not a Compose file, Kubernetes manifests or a Backstage catalog.', severity: 'error' });
      }
    }
    problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span[0] - b.span[0]));
    for (const problem of problems) io.stderr(`${problem.path}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}\n`);
    if (skipped.length > 0) io.stderr(`archframe import: skipped ${skipped.length} YAML file${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} no source: ${listed(skipped)}\n`);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      io.stderr(`archframe import: ${errors.length} error${errors.length === 1 ? '' : 's'} in the sources: nothing written.\n`);
      return 1;
    }
    const elements = result.system.elements;
    if (elements.filter((e) => e.section !== 'teams').length === 0) {
      io.stderr('archframe import: no component, datastore or channel found in the sources: nothing written.\n');
      return 1;
    }

    if (output === undefined) io.stdout(result.text);
    else {
      try {
        writeNewFile(output, result.text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'EEXIST' ? `${values.output} exists: archframe import never overwrites a file; choose another name.` : `cannot write ${values.output}: ${code ?? (error as Error).message}`);
      }
    }
    io.stderr(summary(result.system.elements, result.system.files.length, result.text, output === undefined ? undefined : values.output, io));
    return 0;
  },
});

/** The sources' folder name: `archframe import deploy/k8s` → `k8s`; a file's folder, or the current folder, else. */
function defaultSystemName(positionals: readonly string[], cwd: string): string {
  const first = path.resolve(cwd, positionals[0]);
  const folder = /\.ya?ml$/i.test(first) ? path.dirname(first) : first;
  return path.basename(folder) || 'imported-system';
}

/** What was imported, and how many findings the rules then report: the to-do list. */
function summary(elements: readonly { section: string }[], files: number, text: string, written: string | undefined, io: CliIo): string {
  const count = (section: string, one: string, many: string) => {
    const n = elements.filter((e) => e.section === section).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  };
  const what = [...count('components', 'component', 'components'), ...count('datastores', 'datastore', 'datastores'), ...count('channels', 'channel', 'channels'), ...count('teams', 'team', 'teams')].join(', ');
  const todo = toDoList(text, io.cwd);
  return [
    `archframe import: ${what} from ${files} file${files === 1 ? '' : 's'}${written ? `, written to ${written}` : ''}.`,
    `${TODO_NOTE}: 'archframe check' finds ${todo.total} thing${todo.total === 1 ? '' : 's'} to settle${todo.top.length > 0 ? ` (most: ${todo.top.join(', ')})` : ''}.`,
    '',
  ].join('\n');
}

/** Runs the rules on the imported manifest alone (no ADRs, no runbooks): the findings a team starts from. */
function toDoList(text: string, cwd: string): { total: number; top: string[] } {
  const folder = fileUri(cwd);
  const engine = new Engine({ folders: [folder], host: { exists: () => false } });
  const uri = `${folder}/architecture.yaml`;
  engine.setFile(uri, text);
  const counts = new Map<string, number>();
  for (const finding of engine.findingsFor(uri)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4).map(([id, n]) => `${n} ${id}`);
  return { total, top };
}

function listed(paths: readonly string[]): string {
  return paths.length <= 5 ? paths.join(', ') : `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more`;
}

