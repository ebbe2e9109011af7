import { LineIndex } from '../text/lineIndex';
import type { ParseProblem } from './problem';

/** Runbooks (Part XXIV §3) and postmortems (Appendix D §3); the runbook issue fills these models in. */
export interface RunbookDocument {
  kind: 'runbook';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
}

export interface PostmortemDocument {
  kind: 'postmortem';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
}

export function parseRunbook(uri: string, text: string): RunbookDocument {
  return { kind: 'runbook', uri, text, lines: new LineIndex(text), problems: [] };
}

export function parsePostmortem(uri: string, text: string): PostmortemDocument {
  return { kind: 'postmortem', uri, text, lines: new LineIndex(text), problems: [] };
}
