import { readSource, type SourcePart } from '../import';
import type { LineIndex } from '../text/lineIndex';
import type { ParseProblem } from './problem';

/**
 * A Compose file or Kubernetes manifest listed in `.archframe.yaml` `sources:` (a Backstage catalog there stays a
 * catalog document and is read the same way by drift). Its part is read once per text: editing one source re-reads
 * that file only.
 */
export interface SourceDocument {
  kind: 'source';
  uri: string;
  text: string;
  lines: LineIndex;
  /** Workspace-relative, as the elements' origins name it. */
  path: string;
  part: SourcePart;
  problems: ParseProblem[];
}

export function parseSource(uri: string, path: string, text: string): SourceDocument {
  const part = readSource({ path, text });
  return { kind: 'source', uri, text, lines: part.lines, path, part, problems: sourceProblems(part) };
}

/** A source's errors, as the editor shows them: YAML syntax, and what the file's own format forbids. */
function sourceProblems(part: SourcePart): ParseProblem[] {
  return part.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ ruleId: p.message.startsWith('YAML') ? 'yaml-syntax' : 'schema-type', span: p.span, message: p.message }));
}
