import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../engine/model/findings';
import { fileUri, fsPathOf } from '../engine/text/uri';
import { loadWorkspace } from '../node/loadWorkspace';

const USAGE = `Usage: archframe check [paths…]

Checks the architecture manifests, ADRs, runbooks and postmortems under each
path (default: the current folder) and prints one finding a line:
  file:line:col severity rule-id message
Exit code: 0 clean, 1 when there is an error, 2 on bad usage.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check') {
    io.stderr(`archframe: unknown command '${command}'.\n${USAGE}\n`);
    return 2;
  }
  const unknownOption = rest.find((arg) => arg.startsWith('-'));
  if (unknownOption) {
    io.stderr(`archframe: unknown option '${unknownOption}'.\n${USAGE}\n`);
    return 2;
  }
  const targets = (rest.length > 0 ? rest : ['.']).map((p) => path.resolve(io.cwd, p));
  for (const target of targets) {
    if (!fs.existsSync(target)) {
      io.stderr(`archframe: no such file or folder: ${target}\n`);
      return 2;
    }
  }
  const folders = targets.map((t) => (fs.statSync(t).isDirectory() ? t : path.dirname(t)));
  const engine = loadWorkspace(folders.map(fileUri));
  const onlyFiles = new Set(targets.filter((t) => !fs.statSync(t).isDirectory()).map(fileUri));
  const findings: Finding[] = [];
  for (const [uri, list] of engine.findings()) {
    if (onlyFiles.size > 0 && !onlyFiles.has(uri) && !folders.some((f, i) => fs.statSync(targets[i]).isDirectory() && uri.startsWith(fileUri(f) + '/'))) continue;
    findings.push(...list);
  }
  findings.sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const finding of findings) {
    const file = path.relative(io.cwd, fsPathOf(finding.uri)) || fsPathOf(finding.uri);
    io.stdout(`${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}\n`);
  }
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  io.stderr(`${findings.length} finding(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info\n`);
  return counts.error > 0 ? 1 : 0;
}
