import type { Position, Range, Span } from './types';

/**
 * Converts UTF-16 offsets to line/character positions and back, in O(log n).
 * The line starts are found on first use, not when the index is made: every
 * parsed document has an index, and most are never asked for a position
 * (only those with findings, or open in an editor).
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Offsets at which each line starts (the first is 0), computed once, kept at their exact size. */
  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offset(position: Position): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(span: Span): Range {
    return { start: this.position(span[0]), end: this.position(span[1]) };
  }

  lineStart(line: number): number {
    const starts = this.lineStarts;
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts;
    if (line + 1 >= starts.length) return this.text.length;
    let end = starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Line starts after LF, CRLF and lone CR, in an array of exactly their number. */
function lineStartsOf(text: string): number[] {
  const found = [0];
  // Without a CR (most files), indexOf finds the breaks: a few times faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    return found.slice();
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      found.push(i + 1);
    } else if (ch === 10 /* \n */) {
      found.push(i + 1);
    }
  }
  // An array grown by push() keeps spare room (a quarter to a half more): the copy holds none.
  return found.slice();
}
