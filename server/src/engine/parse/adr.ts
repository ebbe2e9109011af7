import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import type { ParseProblem } from './problem';

/**
 * An architecture decision record. The foundation reads only what the
 * manifest side needs (number and title); the ADR issue extends this model
 * with format, status, sections and references.
 */
export interface AdrDocument {
  kind: 'adr';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
  number?: number;
  title?: string;
  titleSpan?: Span;
  /** Normalised status word (accepted, superseded, …), when one is written. */
  status?: string;
}

/** All ADRs of the workspace, for resolving references (ADR-7, ADR-0007, 7, a path). */
export interface AdrIndex {
  all(): readonly AdrDocument[];
  resolve(reference: string | number, fromUri?: string): AdrDocument | undefined;
}

const NUMBER_IN_NAME = /^(?:adr[-_ ]?)?0*(\d+)[-_ .]/i;
const TITLE = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/m;

export function parseAdr(uri: string, text: string): AdrDocument {
  const lines = new LineIndex(text);
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const number = NUMBER_IN_NAME.exec(name)?.[1];
  const title = TITLE.exec(text);
  return {
    kind: 'adr',
    uri,
    text,
    lines,
    problems: [],
    number: number === undefined ? undefined : Number(number),
    title: title?.[1],
    titleSpan: title ? [title.index, title.index + title[0].length] : undefined,
  };
}
