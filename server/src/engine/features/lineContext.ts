/**
 * The part of a line an editor feature looks at. What is typed, and the word under the cursor, are near the
 * cursor: a feature never reads more than WINDOW characters of a line, so a regex anchored at the cursor is tried
 * from a bounded number of places, and a 1 MB line costs what a short one does.
 */
export const WINDOW = 1_000;

/**
 * The line up to `offset` (without a CR), and where that text starts. On a longer line, only its last WINDOW
 * characters, after a NUL: a pattern anchored at the start of the line (`^#`, `^status:`) cannot match there.
 */
export function lineBefore(text: string, offset: number): { start: number; text: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const start = Math.max(lineStart, offset - WINDOW);
  const before = text.slice(start, offset).replace(/\r$/, '');
  return { start, text: start > lineStart ? '\u0000' + before : before };
}

/** The line around `offset` within WINDOW characters on either side, and where that text starts. */
export function lineAround(text: string, offset: number): { start: number; text: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const start = Math.max(lineStart, offset - WINDOW);
  return { start, text: text.slice(start, Math.min(lineEnd, offset + WINDOW)) };
}
