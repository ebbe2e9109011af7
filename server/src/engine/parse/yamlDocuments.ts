import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import { findPair, yamlErrorMessage } from './yamlAst';

/** A problem in a file read from outside the workspace model (an import source), placed on its line. */
export interface FileProblem {
  path: string;
  span: Span;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** Errors stop an import; notes say what was left out and why. */
  severity: 'error' | 'note';
}

/** A file's YAML documents, with what is needed to place every problem on a line. */
export interface YamlFile {
  path: string;
  lines: LineIndex;
  /** The documents whose content is a map (others are reported by the importer that expected a map). */
  documents: { map: YAMLMap | undefined; span: Span; empty: boolean }[];
  problems: FileProblem[];
}

/** Parses every document of a file (`---` separated); syntax errors become problems on their line. */
export function readYaml(path: string, text: string): YamlFile {
  const lines = new LineIndex(text);
  const problems: FileProblem[] = [];
  const documents: YamlFile['documents'] = [];
  for (const document of parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' })) {
    for (const error of document.errors) {
      // An error found at the end of the file (an unclosed quote or bracket) is shown on the last line that has text.
      const start = error.pos[0] >= text.length ? text.trimEnd().length - 1 : error.pos[0];
      problems.push(problemAt(path, lines, [Math.max(0, start), Math.max(error.pos[1], start + 1)], yamlErrorMessage(error.code, error.message), 'error'));
    }
    const contents = document.contents as Node | null;
    const span: Span = contents?.range ? [contents.range[0], contents.range[1]] : [document.range[0], document.range[1]];
    documents.push({ map: isMap(contents) ? contents : undefined, span, empty: contents === null || (isScalar(contents) && contents.value === null) });
  }
  return { path, lines, documents, problems };
}

export function problemAt(path: string, lines: LineIndex, span: Span, message: string, severity: FileProblem['severity']): FileProblem {
  const start = Math.min(span[0], lines.text.length);
  const { line, character } = lines.position(start);
  return { path, span: [start, Math.min(Math.max(span[1], start), lines.text.length)], line: line + 1, column: character + 1, message, severity };
}

/** The value node of a key, if the map has it. */
export function child(map: YAMLMap | undefined, key: string): Node | undefined {
  if (!map) return undefined;
  return (findPair(map, key)?.value as Node | null | undefined) ?? undefined;
}

export function childMap(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const node = child(map, key);
  return isMap(node) ? node : undefined;
}

/** A scalar child as a string (numbers and booleans too, as written); undefined for anything else. */
export function text(map: YAMLMap | undefined, key: string): string | undefined {
  return scalarText(child(map, key));
}

export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'object' ? undefined : String(node.value);
}

/** The items of a sequence child (an empty list for anything else). */
export function items(map: YAMLMap | undefined, key: string): Node[] {
  const node = child(map, key);
  return isSeq(node) ? (node.items as Node[]) : [];
}

export function spanOf(node: Node | null | undefined, fallback: Span): Span {
  return node?.range ? [node.range[0], node.range[1]] : fallback;
}

/** Where a key is written, for an element named by it (Compose services). */
export function keySpan(pair: Pair, fallback: Span): Span {
  return spanOf(pair.key as Node, fallback);
}

/** A whole number, written as a number or as digits. */
export function integer(node: Node | undefined): number | undefined {
  const value = isScalar(node) ? node.value : undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return number !== undefined && Number.isInteger(number) && number >= 0 ? number : undefined;
}
