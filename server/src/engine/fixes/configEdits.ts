import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Fix } from '../model/findings';
import { findPair, nodeSpan } from '../parse/yamlAst';
import { LineIndex } from '../text/lineIndex';
import { addKey, setPath, type YamlFile } from './yamlEdits';

/**
 * A fix that adds a status word to `adr.statuses` in a workspace folder's `.archframe.yaml`: the file is created
 * when there is none (`text` undefined), else edited where the list, the `adr` map or the root ends, keeping the
 * rest as written. Nothing when the file does not parse, or already lists the word.
 */
export function addStatusWordFix(uri: string, text: string | undefined, word: string): Fix | undefined {
  const value = /^\p{L}[\p{L}\d '-]*$/u.test(word) ? word : JSON.stringify(word);
  const title = `Add '${word}' to adr.statuses in .archframe.yaml`;
  if (text === undefined) return { title, edits: [], createFiles: [{ uri, text: `adr:\n  statuses: [${value}]\n` }] };
  const yaml = parseDocument(text, { prettyErrors: false, logLevel: 'silent' });
  if (yaml.errors.length > 0) return undefined;
  const file: YamlFile = { uri, text, lines: new LineIndex(text) };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const contents = yaml.contents as Node | null;
  if (contents === null) {
    const lead = text === '' || text.endsWith('\n') ? '' : eol;
    const end = file.lines.range([text.length, text.length]);
    return { title, edits: [{ uri, range: end, newText: `${lead}adr:${eol}  statuses: [${value}]${eol}` }] };
  }
  if (!isMap(contents)) return undefined;
  const adrPair = findPair(contents, 'adr');
  const adr = adrPair?.value as Node | null | undefined;
  if (adrPair && isEmpty(adr)) return { title, edits: [afterKey(file, adrPair.key as Node, `{ statuses: [${value}] }`)] };
  if (!isMap(adr)) return { title, edits: [setPath(file, contents, ['adr'], `{ statuses: [${value}] }`)] };
  const statusesPair = findPair(adr, 'statuses');
  const statuses = statusesPair?.value as Node | null | undefined;
  if (statusesPair && isEmpty(statuses)) return { title, edits: [afterKey(file, statusesPair.key as Node, `[${value}]`)] };
  if (!isSeq(statuses)) return { title, edits: [statuses === undefined ? addKey(file, adr as YAMLMap, 'statuses', `[${value}]`) : setPath(file, adr, ['statuses'], `[${value}]`)] };
  if (statuses.items.some((item) => String((item as { value?: unknown }).value ?? '').toLowerCase() === word.toLowerCase())) return undefined;
  return { title, edits: [appendItem(file, statuses, value, eol)] };
}

/** `key:` with nothing after it. */
function isEmpty(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''));
}

/** A value right after `key:`, on its line. */
function afterKey(file: YamlFile, key: Node, valueText: string) {
  const colon = file.text.indexOf(':', nodeSpan(key)![1]) + 1;
  return { uri: file.uri, range: file.lines.range([colon, colon]), newText: ` ${valueText}` };
}

/** Adds an item to a sequence: before a flow list's `]`, or as a `- item` line after a block list's last item. */
function appendItem(file: YamlFile, list: YAMLSeq, value: string, eol: string) {
  const span = nodeSpan(list)!;
  if (list.flow) {
    const close = file.text.lastIndexOf(']', span[1] - 1);
    const inside = file.text.slice(span[0] + 1, close).trimEnd();
    const at = span[0] + 1 + inside.length;
    const newText = inside.trim() === '' ? value : inside.endsWith(',') ? ` ${value}` : `, ${value}`;
    return { uri: file.uri, range: file.lines.range([at, at]), newText };
  }
  const last = list.items[list.items.length - 1] as Node;
  const lastSpan = nodeSpan(last) ?? span;
  let end = lastSpan[1];
  while (end > lastSpan[0] && /\s/.test(file.text[end - 1])) end--;
  // The column of the first item's dash: `- x` lines of the list share it.
  const start = nodeSpan(list.items[0] as Node)![0];
  const lineStart = file.lines.lineStart(file.lines.position(start).line);
  const indent = file.text.slice(lineStart, start).lastIndexOf('-');
  const at = file.lines.lineEnd(file.lines.position(end).line);
  return { uri: file.uri, range: file.lines.range([at, at]), newText: `${eol}${' '.repeat(Math.max(0, indent))}- ${value}` };
}
