import { type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../model/findings';
import type { ManifestDocument } from '../parse/manifest';
import { nodeSpan } from '../parse/yamlAst';
import type { Span } from '../text/types';

/**
 * Text edits that add an item to a sequence or take an entry out of a map or a sequence, keeping the rest of the
 * user's formatting: block entries go with their whole lines, flow entries with their comma.
 */

/** Appends an item (flow YAML text) to a sequence: a new `- item` line in a block, `, item` in a flow sequence. */
export function appendItem(manifest: ManifestDocument, sequence: YAMLSeq, itemText: string): TextEdit {
  const span = nodeSpan(sequence)!;
  const range = (offset: number) => manifest.lines.range([offset, offset]);
  if (sequence.flow) {
    const close = manifest.text.lastIndexOf(']', span[1] - 1);
    const inside = manifest.text.slice(span[0] + 1, close);
    if (inside.trim().length === 0) return { uri: manifest.uri, range: manifest.lines.range([span[0] + 1, close]), newText: itemText };
    const at = span[0] + 1 + inside.trimEnd().length;
    return { uri: manifest.uri, range: range(at), newText: inside.trimEnd().endsWith(',') ? ` ${itemText}` : `, ${itemText}` };
  }
  const items = sequence.items as Node[];
  const first = nodeSpan(items[0])?.[0] ?? span[0];
  // The `-` of the first item: its column is the sequence's indentation.
  const dash = manifest.text.lastIndexOf('-', first);
  const indent = manifest.lines.position(dash >= 0 ? dash : first).character;
  const end = trimmedEnd(manifest.text, nodeSpan(items[items.length - 1])?.[1] ?? span[1]);
  const at = manifest.lines.lineEnd(manifest.lines.position(end).line);
  return { uri: manifest.uri, range: range(at), newText: `${eol(manifest.text)}${' '.repeat(indent)}- ${itemText}` };
}

/** Removes a pair from a map. */
export function removePair(manifest: ManifestDocument, map: YAMLMap, pair: Pair): TextEdit {
  const start = nodeSpan(pair.key as Node)![0];
  const end = trimmedEnd(manifest.text, (pair.value as Node | null)?.range?.[1] ?? nodeSpan(pair.key as Node)![1]);
  return removal(manifest, map.flow ?? false, [start, end]);
}

/** Removes an item from a sequence. */
export function removeItem(manifest: ManifestDocument, sequence: YAMLSeq, item: Node): TextEdit {
  const span = nodeSpan(item)!;
  if (sequence.flow) return removal(manifest, true, [span[0], trimmedEnd(manifest.text, span[1])]);
  const dash = manifest.text.lastIndexOf('-', span[0]);
  return removal(manifest, false, [dash >= 0 ? dash : span[0], trimmedEnd(manifest.text, span[1])]);
}

/** A block entry goes with its lines (from the start of its first to the end of its last); a flow one with a comma. */
function removal(manifest: ManifestDocument, flow: boolean, [start, end]: Span): TextEdit {
  const text = manifest.text;
  if (flow) {
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) return { uri: manifest.uri, range: manifest.lines.range([start, end + after[0].length]), newText: '' };
    const before = /,\s*$/.exec(text.slice(0, start));
    return { uri: manifest.uri, range: manifest.lines.range([before ? start - before[0].length : start, end]), newText: '' };
  }
  const lineStart = manifest.lines.offset({ line: manifest.lines.position(start).line, character: 0 });
  const lastLine = manifest.lines.position(end).line;
  const next = lastLine + 1 < manifest.lines.lineCount ? manifest.lines.offset({ line: lastLine + 1, character: 0 }) : text.length;
  return { uri: manifest.uri, range: manifest.lines.range([lineStart, next]), newText: '' };
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function eol(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

