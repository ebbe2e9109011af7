import { isMap, isPair, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { ELEMENT_SECTION_NAMES, type ElementSection } from '../model/manifest';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import {
  DUPLICATE_KEY_MESSAGE,
  parseManifest,
  readElement,
  reportDuplicateKeys,
  valueReader,
  YAML_OPTIONS,
  type ManifestDocument,
  type ManifestElement,
  type ParseOptions,
  type ValueReader,
} from './manifest';
import type { ParseProblem } from './problem';
import { forgetPairs, nodeSpan, scalarKey } from './yamlAst';

/** Anchors and aliases tie entries together: such documents are always parsed whole. */
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{:-])[&*][^\s,\]}]/m;
const SENTINEL = '__archframe_end_of_slice__';

/** Whether a document may hold anchors or aliases (computed once per full parse, carried through increments). */
const anchorFlags = new WeakMap<ManifestDocument, boolean>();

function mayHaveAnchors(manifest: ManifestDocument): boolean {
  let flag = anchorFlags.get(manifest);
  if (flag === undefined) {
    flag = ANCHOR_OR_ALIAS.test(manifest.text);
    anchorFlags.set(manifest, flag);
  }
  return flag;
}

/** How a manifest read incrementally differs from the one it was read from: one changed region of the text. */
export interface ManifestEdit {
  previous: ManifestDocument;
  /** First changed offset (same in both texts). */
  start: number;
  /** End of the changed region in the old text. */
  oldEnd: number;
  delta: number;
}

const edits = new WeakMap<ManifestDocument, ManifestEdit>();

/**
 * The edit that led from an earlier manifest to this one, when this one was read incrementally (its unchanged
 * elements are the earlier ones, moved): what lets the engine keep their findings, moved the same way.
 */
export function manifestEdit(manifest: ManifestDocument): ManifestEdit | undefined {
  return edits.get(manifest);
}

/** Where an offset of the earlier text is in the later one (an offset inside the changed region: at its start). */
export function mapOffset(edit: Pick<ManifestEdit, 'start' | 'oldEnd' | 'delta'>, offset: number): number {
  return offset <= edit.start ? offset : offset >= edit.oldEnd ? offset + edit.delta : Math.max(edit.start, offset + edit.delta);
}

export interface ReparseStatistics {
  incremental: boolean;
  /** Characters handed to the YAML parser. */
  parsedChars: number;
}

/**
 * Reads a new version of a manifest, re-parsing only the entries the edit
 * touched when it can. A manifest is a map of small maps: an edit inside one
 * component re-parses that component's lines, shifts the positions of what
 * follows, and re-validates that component alone. Anything else (an edit of
 * the top level, across entries, in a document with errors or anchors) is
 * parsed whole, so the result is always what parseManifest would give.
 */
export function reparseManifest(previous: ManifestDocument, text: string, options: ParseOptions = {}, statistics?: ReparseStatistics): ManifestDocument {
  const incremental = tryIncremental(previous, text, options);
  if (statistics) {
    statistics.incremental = incremental !== undefined;
    statistics.parsedChars = incremental ? incremental.parsedChars : text.length;
  }
  return incremental?.manifest ?? parseManifest(previous.uri, text, options);
}

interface Edit {
  /** First changed offset (same in both texts). */
  start: number;
  /** End of the changed region in the old text. */
  oldEnd: number;
  delta: number;
}

/** Blocks compared as whole strings (a native comparison) before the characters of the block that differs. */
const DIFF_BLOCK = 4096;

function diff(oldText: string, newText: string): Edit | undefined {
  if (oldText === newText) return undefined;
  const limit = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + DIFF_BLOCK <= limit && oldText.slice(start, start + DIFF_BLOCK) === newText.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
  while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd - DIFF_BLOCK >= start && newEnd - DIFF_BLOCK >= start && oldText.slice(oldEnd - DIFF_BLOCK, oldEnd) === newText.slice(newEnd - DIFF_BLOCK, newEnd)) {
    oldEnd -= DIFF_BLOCK;
    newEnd -= DIFF_BLOCK;
  }
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, delta: newText.length - oldText.length };
}

function tryIncremental(previous: ManifestDocument, text: string, options: ParseOptions): { manifest: ManifestDocument; parsedChars: number } | undefined {
  const contents = previous.yaml.contents as Node | null;
  if (!previous.readable || previous.yaml.errors.length > 0 || !isMap(contents)) return undefined;
  const edit = diff(previous.text, text);
  if (!edit) return undefined;
  const found = findEntry(previous, text, contents, edit);
  if (!found) return undefined;
  const { section, sectionMap, index, count, sliceStart, sliceEnd } = found;

  const sliceText = text.slice(sliceStart, sliceEnd + edit.delta);
  if (mayHaveAnchors(previous) || ANCHOR_OR_ALIAS.test(sliceText)) return undefined;
  const indent = previous.lines.position(nodeSpan(sectionMap.items[index].key as Node)![0]).character;
  const sectionKey = contents.items.find((p) => p.value === sectionMap)?.key as Node | undefined;
  if (!sectionKey?.range || previous.lines.position(sectionKey.range[0]).character !== 0) return undefined;
  // Parse the slice in a frame that mimics its surroundings: a section key above, and what follows below
  // (a sibling entry, a top-level key, or the end of the text), so that ends and comments fall as in a full parse.
  const endOfText = sliceEnd >= previous.text.length;
  const lastOfSection = sliceEnd >= found.sectionEnd;
  const prefix = `${SENTINEL}:\n`;
  const lineBreak = sliceText.length === 0 || sliceText.endsWith('\n') ? '' : '\n';
  const suffix = endOfText ? '' : `${lineBreak}${lastOfSection ? '' : ' '.repeat(indent)}${SENTINEL}: 0\n`;
  const frame = parseDocument(prefix + sliceText + suffix, YAML_OPTIONS);
  if (frame.errors.length > 0 || frame.warnings.length > 0 || !isMap(frame.contents)) return undefined;
  const framePairs = frame.contents.items as Pair[];
  const frameSection = framePairs[0]?.value as Node | null;
  if (scalarKey(framePairs[0]) !== SENTINEL || framePairs.length !== (endOfText || !lastOfSection ? 1 : 2)) return undefined;
  let pairs: Pair[];
  if (frameSection === null || (isScalar(frameSection) && frameSection.value === null)) {
    // Deleting the section's last entries moves its end onto an entry the frame did not see: parse whole.
    if (count === sectionMap.items.length || endOfText || lastOfSection) return undefined;
    pairs = [];
  } else {
    if (!isMap(frameSection) || frameSection.flow) return undefined;
    pairs = frameSection.items as Pair[];
    if (!endOfText && !lastOfSection) {
      if (scalarKey(pairs[pairs.length - 1]) !== SENTINEL) return undefined;
      pairs = pairs.slice(0, -1);
    }
    if (pairs.length === 0 && (count === sectionMap.items.length || endOfText || lastOfSection)) return undefined;
    const frameLines = new LineIndex(prefix + sliceText);
    for (const pair of pairs) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || !key.range || key.range[0] === key.range[1] || frameLines.position(key.range[0]).character !== indent) return undefined;
    }
  }

  // Positions: the new entries move to the slice's place; what follows the edit moves by its length.
  // An offset at the edit's start stays: a container starting there takes the insertion in, one ending there ends before it.
  const moved = (offset: number) => mapOffset(edit, offset);
  const fromFrame = (offset: number) => offset - prefix.length + sliceStart;
  for (const pair of pairs) {
    shiftNodes(pair.key as Node, fromFrame);
    shiftNodes(pair.value as Node | null, fromFrame);
  }
  sectionMap.items.splice(index, count);
  shiftNodes(contents, moved, edit.start);
  const document = previous.yaml as unknown as { range?: [number, number, number] };
  if (document.range) document.range = [moved(document.range[0]), moved(document.range[1]), moved(document.range[2])];
  sectionMap.items.splice(index, 0, ...pairs);
  forgetPairs(sectionMap);
  // Where the slice ends the section (or the text), the frame's containers end as the real ones do.
  if ((lastOfSection || endOfText) && isMap(frameSection) && frameSection.range && sectionMap.range) {
    sectionMap.range[1] = fromFrame(frameSection.range[1]);
    sectionMap.range[2] = fromFrame(frameSection.range[2]);
  }
  if (endOfText && contents.range && frame.contents.range) {
    contents.range[1] = fromFrame(frame.contents.range[1]);
    contents.range[2] = fromFrame(frame.contents.range[2]);
  }
  if (index === 0 && sectionMap.range && sectionMap.items[0]) sectionMap.range[0] = nodeSpan(sectionMap.items[0].key as Node)![0];

  const problems: ParseProblem[] = [];
  const shift = (span: Span): Span => [moved(span[0]), moved(span[1])];
  const siblingKeys = new Set(sectionMap.items.map((p) => nodeSpan(p.key as Node)?.[0]));
  for (const problem of previous.problems) {
    // A problem belongs to the entry it starts in: one that starts in the slice is found again there (its span may
    // run past the slice, over a comment line after the entry, say).
    if (problem.span[0] >= sliceStart && problem.span[0] < sliceEnd) continue;
    const span = shift(problem.span);
    // Duplicate names among the section's entries are recomputed below.
    if (problem.message.startsWith(DUPLICATE_KEY_MESSAGE) && siblingKeys.has(span[0])) continue;
    problems.push({ ...problem, span });
  }
  reportDuplicateKeys(sectionMap, problems, true);
  for (const pair of pairs) reportDuplicateKeys(pair.value as Node | null, problems);

  const manifest: ManifestDocument = {
    ...previous,
    text,
    lines: new LineIndex(text),
    problems,
    elements: { teams: new Map(), components: new Map(), datastores: new Map(), channels: new Map() },
  };
  const toJs = valueReader(manifest.yaml, options.maxAliasCount ?? 100, problems);
  let quiet: ValueReader | undefined;
  const reused = new Map<Node | undefined, ManifestElement>();
  for (const element of previous.elements[section].values()) if (element.node) reused.set(element.node, element);
  for (const name of ELEMENT_SECTION_NAMES) {
    const elements = manifest.elements[name] as Map<string, ManifestElement>;
    if (name !== section) {
      for (const element of previous.elements[name].values()) elements.set(element.name, { ...element, manifest, nameSpan: shift(element.nameSpan) });
      continue;
    }
    const fresh = new Set(pairs);
    for (const pair of sectionMap.items) {
      const before = fresh.has(pair) ? undefined : reused.get((pair.value as Node | null) ?? undefined);
      // An unchanged entry that left no element (a name that is not a plain string, a duplicate overwritten) is
      // read again, but its problems are those carried over above: the new ones would be the same, twice.
      const element = before
        ? { ...before, manifest, nameSpan: nodeSpan(pair.key as Node) ?? before.nameSpan }
        : fresh.has(pair)
          ? readElement(manifest, name as ElementSection, pair, toJs, problems)
          : readElement(manifest, name as ElementSection, pair, (quiet ??= valueReader(manifest.yaml, options.maxAliasCount ?? 100, [])), []);
      if (element) elements.set(element.name, element as ManifestElement);
    }
  }
  problems.sort((a, b) => a.span[0] - b.span[0]);
  anchorFlags.set(manifest, false);
  edits.set(manifest, { previous, start: edit.start, oldEnd: edit.oldEnd, delta: edit.delta });
  return { manifest, parsedChars: sliceText.length };
}

interface EntryLocation {
  section: ElementSection;
  sectionMap: YAMLMap;
  index: number;
  /** How many entries the edit touches, from index on. */
  count: number;
  /** Start of the first entry's first line, in the old text. */
  sliceStart: number;
  /** Start of the next entry's (or the next top-level key's) line, in the old text. */
  sliceEnd: number;
  /** Where the section ends: the next top-level key's line, or the end of the text. */
  sectionEnd: number;
}

/** The run of entries of one section whose lines hold the whole edit, if there is one. */
function findEntry(previous: ManifestDocument, newText: string, contents: YAMLMap, edit: Edit): EntryLocation | undefined {
  const lineStartOf = (node: Node | null | undefined) => {
    const span = nodeSpan(node);
    return span ? previous.lines.lineStart(previous.lines.position(span[0]).line) : undefined;
  };
  const topLevel = contents.items as Pair[];
  for (let t = 0; t < topLevel.length; t++) {
    const key = scalarKey(topLevel[t]);
    if (!(ELEMENT_SECTION_NAMES as string[]).includes(key ?? '')) continue;
    const sectionMap = topLevel[t].value as Node | null;
    if (!isMap(sectionMap) || sectionMap.flow || sectionMap.items.length === 0) continue;
    const sectionEnd = t + 1 < topLevel.length ? lineStartOf(topLevel[t + 1].key as Node) : previous.text.length;
    if (sectionEnd === undefined) return undefined;
    const items = sectionMap.items as Pair[];
    const firstStart = lineStartOf(items[0].key as Node);
    if (firstStart === undefined || edit.start < firstStart || edit.start >= sectionEnd) continue;
    if (edit.oldEnd > sectionEnd) return undefined;
    // The entries whose lines hold the first and the last changed character (binary searches).
    const entryAt = (offset: number) => {
      let low = 0;
      let high = items.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        const start = lineStartOf(items[mid].key as Node);
        if (start !== undefined && start <= offset) low = mid;
        else high = mid - 1;
      }
      return low;
    };
    const first = entryAt(edit.start);
    let last = entryAt(Math.max(edit.start, edit.oldEnd - 1));
    const sliceStart = lineStartOf(items[first].key as Node)!;
    const endOf = (index: number) => (index + 1 < items.length ? lineStartOf(items[index + 1].key as Node)! : sectionEnd);
    // The edit may have joined the next entry's first line to the slice (a deleted line break): then that entry belongs to the slice too.
    while (!atLineStart(newText, endOf(last) + edit.delta) && endOf(last) < sectionEnd) last++;
    const sliceEnd = endOf(last);
    if (!atLineStart(newText, sliceEnd + edit.delta)) return undefined;
    return { section: key as ElementSection, sectionMap, index: first, count: last - first + 1, sliceStart, sliceEnd, sectionEnd };
  }
  return undefined;
}

function atLineStart(text: string, offset: number): boolean {
  return offset <= 0 || offset >= text.length || text.charCodeAt(offset - 1) === 10;
}

/**
 * Moves every position of a tree through a mapping of old offsets to new ones. Subtrees that end at or before
 * `stable` (offsets the mapping keeps) are skipped, so an edit costs the nodes after it, not the whole file.
 */
function shiftNodes(root: Node | null, map: (offset: number) => number, stable = -1): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as { range?: [number, number, number] | null; items?: unknown[] } | null | undefined;
    if (!node || typeof node !== 'object') continue;
    const range = node.range;
    if (range) {
      if (range[2] <= stable) continue;
      // In place: every node has a range array of its own (the composer makes one per node).
      range[0] = map(range[0]);
      range[1] = map(range[1]);
      range[2] = map(range[2]);
    }
    if (isPair(node)) stack.push(node.key, node.value);
    else if (Array.isArray(node.items)) for (const item of node.items) stack.push(item);
  }
}
