import { isMap, isScalar, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import {
  ELEMENT_SECTIONS,
  ELEMENT_SECTION_NAMES,
  manifestSchema,
  type Channel,
  type Component,
  type Datastore,
  type ElementSection,
  type Root,
  type Team,
} from '../model/manifest';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import { validate } from './validate';
import { duplicateKeys, findPair, locate, nodeSpan, plainValue, scalarKey, yamlErrorMessage, yamlErrorProblem, type PathSegment } from './yamlAst';

const SUPPORTED_VERSIONS = [1] as const;

import type { ParseProblem } from './problem';
export type { ParseProblem } from './problem';

export interface ElementTypes {
  teams: Team;
  components: Component;
  datastores: Datastore;
  channels: Channel;
}

/** A named entry of `teams`, `components`, `datastores` or `channels`. */
export interface ManifestElement<S extends ElementSection = ElementSection> {
  section: S;
  name: string;
  manifest: ManifestDocument;
  nameSpan: Span;
  /** The entry's value node in the YAML source. */
  node: Node | undefined;
  /** The validated value: invalid fields are dropped; undefined when the entry cannot be read at all. */
  value: ElementTypes[S] | undefined;
}

export interface ManifestDocument {
  kind: 'manifest';
  uri: string;
  text: string;
  lines: LineIndex;
  yaml: Document.Parsed;
  /** Validated top-level fields (the element maps excepted); fields that failed validation are absent. */
  root: Partial<Root>;
  /** False when the version is missing or unknown: nothing else is analysed then. */
  readable: boolean;
  elements: { [S in ElementSection]: Map<string, ManifestElement<S>> };
  problems: ParseProblem[];
}

/**
 * uniqueKeys is checked by duplicateKeys() in O(n); yaml's own check is quadratic. Merge keys (`<<: *defaults`)
 * are resolved, as YAML 1.1 and most tools (Compose, GitLab CI, Kubernetes) read them.
 */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error', merge: true } as const;

/** An extension key (`x-defaults:`), as OpenAPI and Compose allow: the team's own, holding anchors or notes; never checked. */
export const isExtensionKey = (key: string) => key.startsWith('x-');

/** A value without its extension keys, at every depth (arrays and maps copied only where one is dropped). */
function withoutExtensions(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutExtensions);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(value)) {
    const kept = isExtensionKey(key) ? undefined : withoutExtensions(field);
    if (kept === field && !copy) continue;
    copy ??= { ...(value as Record<string, unknown>) };
    if (isExtensionKey(key)) delete copy[key];
    else copy[key] = kept;
  }
  return copy ?? value;
}

/** The second document of a file (after `---`): a manifest is one document. */
function multipleDocumentsProblem(error: { pos: [number, number] }, textLength: number): ParseProblem {
  const start = Math.min(error.pos[0], textLength);
  return {
    ruleId: 'yaml-syntax',
    span: [start, Math.min(textLength, start + 3)],
    message: 'A manifest holds one YAML document, and a second one starts here: move it to a manifest of its own (another *.arch.yaml file) or remove this `---`.',
  };
}

export interface ParseOptions {
  /** Largest number of alias expansions before a document is refused (guards against alias bombs). */
  maxAliasCount?: number;
}

/** Reads a manifest. Never throws: what cannot be read becomes a problem. */
export function parseManifest(uri: string, text: string, options: ParseOptions = {}): ManifestDocument {
  const lines = new LineIndex(text);
  const yaml = parseDocument(text, YAML_OPTIONS);
  const problems: ParseProblem[] = [];
  const manifest: ManifestDocument = {
    kind: 'manifest',
    uri,
    text,
    lines,
    yaml,
    root: {},
    readable: false,
    elements: { teams: new Map(), components: new Map(), datastores: new Map(), channels: new Map() },
    problems,
  };
  for (const error of yaml.errors) {
    problems.push(error.code === 'MULTIPLE_DOCS' ? multipleDocumentsProblem(error, text.length) : yamlErrorProblem(error, text.length));
  }
  // Duplicate keys are found while the values are read (one walk for both); they go before the other problems.
  const duplicates: Pair[] = [];
  readContents(manifest, options.maxAliasCount ?? 100, duplicates);
  const found: ParseProblem[] = [];
  reportDuplicates(duplicates, found);
  problems.splice(yaml.errors.length, 0, ...found);
  problems.sort((a, b) => a.span[0] - b.span[0]);
  return manifest;
}

function readContents(manifest: ManifestDocument, maxAliasCount: number, duplicates: Pair[]): void {
  const { yaml, problems } = manifest;
  const contents = yaml.contents as Node | null;
  if (!isMap(contents)) {
    duplicates.push(...duplicateKeys(contents));
    if (contents !== null || manifest.text.trim().length > 0) {
      if (yaml.errors.length === 0) {
        problems.push({ ruleId: 'manifest-version', span: nodeSpan(contents) ?? [0, 0], message: 'A manifest is a YAML map that starts with `archframe: 1`.' });
      }
    } else {
      problems.push({ ruleId: 'manifest-version', span: [0, 0], message: 'Empty manifest: start it with `archframe: 1` and `system: <name>`.' });
    }
    return;
  }
  if (!checkVersion(contents, problems)) {
    duplicates.push(...duplicateKeys(contents));
    return;
  }
  manifest.readable = true;
  duplicates.push(...duplicateKeys(contents, true));

  const toJs = valueReader(yaml, maxAliasCount, problems, duplicates);
  // Top-level fields other than the element maps; each value is read once (a second `components:` is read for its duplicates only).
  const rootValue: Record<string, unknown> = {};
  const sections = new Map<ElementSection, Pair>();
  for (const pair of contents.items) {
    const key = scalarKey(pair);
    if (key !== undefined && isExtensionKey(key)) {
      duplicates.push(...duplicateKeys(pair.value as Node | null));
    } else if (key !== undefined && (ELEMENT_SECTION_NAMES as string[]).includes(key) && !sections.has(key as ElementSection)) {
      sections.set(key as ElementSection, pair);
    } else if (key === undefined || (ELEMENT_SECTION_NAMES as string[]).includes(key)) {
      duplicates.push(...duplicateKeys(pair.value as Node | null));
    } else {
      const converted = toJs(pair.value as Node | null);
      if (converted.ok) rootValue[key] = converted.value;
    }
  }
  const versionKey = nodeSpan(findPair(contents, 'archframe')?.key as Node);
  // Checked against the whole manifest's schema (the element maps are absent from rootValue), so that an unknown
  // key is told every allowed one; the model keeps every valid field even when a required one (system) is missing.
  manifest.root = (validate(manifestSchema, rootValue, contents, [], problems, versionKey, ROOT_MODEL_SCHEMA) ?? {}) as Partial<Root>;

  for (const section of ELEMENT_SECTION_NAMES) {
    const pair = sections.get(section);
    if (!pair) continue;
    const sectionNode = pair.value as Node | null;
    if (sectionNode === null || (isScalar(sectionNode) && sectionNode.value === null)) continue;
    if (!isMap(sectionNode)) {
      duplicates.push(...duplicateKeys(sectionNode));
      problems.push({ ruleId: 'schema-type', span: nodeSpan(sectionNode) ?? nodeSpan(pair.key as Node) ?? [0, 0], message: `'${section}' must be a map of names to ${section}.` });
      continue;
    }
    duplicates.push(...duplicateKeys(sectionNode, true));
    readSection(manifest, section, sectionNode, toJs, duplicates);
  }
}

/** What the model keeps of the top level: every valid field, even when a required one is missing (built once, not per parse). */
const ROOT_MODEL_SCHEMA = manifestSchema.partial();

export type ValueReader = (node: Node | null | undefined) => { value: unknown; ok: boolean };

/**
 * Converts YAML nodes to plain values, refusing alias bombs with a problem instead of expanding them.
 * With `duplicates`, the duplicate keys inside each value read are added to it.
 */
export function valueReader(yaml: Document.Parsed, maxAliasCount: number, problems: ParseProblem[], duplicates?: Pair[]): ValueReader {
  return (node) => {
    if (!node) return { value: null, ok: true };
    const plain = plainValue(node, duplicates ?? []);
    if (plain) return { value: plain.value, ok: true };
    if (duplicates) duplicates.push(...duplicateKeys(node));
    try {
      return { value: node.toJS(yaml, { maxAliasCount }), ok: true };
    } catch (error) {
      const span = nodeSpan(culpritAlias(yaml, node) ?? node) ?? [0, 0];
      problems.push({ ruleId: 'yaml-syntax', span, message: `Cannot read this value: ${yamlErrorMessage('', (error as Error).message).replace(/^YAML: /, '')}` });
      return { value: undefined, ok: false };
    }
  };
}

/**
 * The alias a value could not be read for: the first that names no anchor before it, else (an alias bomb) the
 * first alias, whose expansions multiply. The finding goes on it, not on the whole element.
 */
function culpritAlias(yaml: Document.Parsed, node: Node): Node | undefined {
  let first: Node | undefined;
  let unresolved: Node | undefined;
  visit(node, {
    Alias(_, alias) {
      first ??= alias;
      if (alias.resolve(yaml) === undefined) {
        unresolved = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

function readSection<S extends ElementSection>(manifest: ManifestDocument, section: S, sectionNode: YAMLMap, toJs: ValueReader, duplicates: Pair[]): void {
  const elements = manifest.elements[section] as Map<string, ManifestElement<S>>;
  for (const pair of sectionNode.items) {
    // `x-base: &base {…}` among the components is a template for merge keys, not a component.
    const key = scalarKey(pair);
    if (key !== undefined && isExtensionKey(key) && (pair.value as Node | null)?.anchor) continue;
    const element = readElement(manifest, section, pair, toJs, manifest.problems);
    if (element) elements.set(element.name, element);
    // An entry whose name is not a plain string is not read: its duplicates are looked for on their own.
    else if (scalarKey(pair) === undefined) duplicates.push(...duplicateKeys(pair.value as Node | null));
  }
}

/** Reads and validates one named entry of a section. */
export function readElement<S extends ElementSection>(
  manifest: ManifestDocument,
  section: S,
  pair: Pair,
  toJs: ValueReader,
  problems: ParseProblem[],
): ManifestElement<S> | undefined {
  const schema = ELEMENT_SECTIONS[section] as unknown as z.ZodType<ElementTypes[S]>;
  const name = scalarKey(pair);
  const keyNode = pair.key as Node | null;
  const nameSpan = nodeSpan(keyNode) ?? [0, 0];
  if (name === undefined) {
    problems.push({ ruleId: 'schema-type', span: nameSpan, message: `Names in '${section}' must be plain strings.` });
    return undefined;
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
    problems.push({ ruleId: 'schema-format', span: nameSpan, message: `'${name}' is not kebab-case: names use lower-case letters and digits joined by hyphens.` });
  }
  const node = (pair.value as Node | null) ?? undefined;
  const converted = toJs(node);
  const value = converted.ok ? validate(schema, withoutExtensions(converted.value ?? {}), node ?? keyNode!, [section, name], problems, nameSpan) : undefined;
  return { section, name, manifest, nameSpan, node, value };
}

function checkVersion(contents: YAMLMap, problems: ParseProblem[]): boolean {
  const pair = contents.items.find((p) => scalarKey(p) === 'archframe');
  if (!pair) {
    const first = contents.items[0]?.key as Node | undefined;
    problems.push({
      ruleId: 'manifest-version',
      span: nodeSpan(first) ?? [0, 0],
      message: 'Missing `archframe: 1` at the top: the manifest format version is required.',
    });
    return false;
  }
  const value = pair.value as Node | null;
  const version = isScalar(value) ? value.value : undefined;
  if (!SUPPORTED_VERSIONS.includes(version as 1)) {
    problems.push({
      ruleId: 'manifest-version',
      span: nodeSpan(value) ?? nodeSpan(pair.key as Node) ?? [0, 0],
      message: versionMessage(version),
    });
    return false;
  }
  if (contents.items[0] !== pair) {
    problems.push({ ruleId: 'manifest-version', span: nodeSpan(pair.key as Node) ?? [0, 0], message: '`archframe: 1` must be the first key of the manifest.' });
  }
  return true;
}

/** Why a version is not read, and what to write instead. */
function versionMessage(version: unknown): string {
  const supported = SUPPORTED_VERSIONS.join(', ');
  if (version === null || version === undefined || version === '') return `The manifest version is empty: write \`archframe: ${SUPPORTED_VERSIONS[0]}\`.`;
  if (typeof version === 'string' && SUPPORTED_VERSIONS.map(String).includes(version.trim())) {
    return `The manifest version is a number, not the text "${version}": write \`archframe: ${version.trim()}\` without quotes.`;
  }
  return `Unknown manifest version ${JSON.stringify(version)}: this version of archframe reads format ${supported}.`;
}

export const DUPLICATE_KEY_MESSAGE = 'YAML: map keys must be unique';

export function reportDuplicateKeys(contents: Node | null, problems: ParseProblem[], shallow = false): void {
  reportDuplicates(duplicateKeys(contents, shallow), problems);
}

function reportDuplicates(pairs: readonly Pair[], problems: ParseProblem[]): void {
  for (const pair of pairs) {
    problems.push({ ruleId: 'yaml-syntax', span: nodeSpan(pair.key as Node) ?? [0, 0], message: `${DUPLICATE_KEY_MESSAGE}; '${scalarKey(pair)}' is already a key of this map.` });
  }
}

/** The span of a path inside an element, on its key or its value. */
export function elementSpan(element: ManifestElement, path: readonly PathSegment[], target: 'key' | 'value' = 'key'): Span {
  if (!element.node || path.length === 0) return element.nameSpan;
  const found = locate(element.node, path);
  const chosen = target === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
  return nodeSpan(chosen ?? found.nearest) ?? element.nameSpan;
}

/** The span of a top-level key or value of a manifest. */
export function rootSpan(manifest: ManifestDocument, path: readonly PathSegment[], target: 'key' | 'value' = 'key'): Span {
  const contents = manifest.yaml.contents as Node | null;
  if (!contents) return [0, 0];
  const found = locate(contents, path);
  const chosen = target === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
  return nodeSpan(chosen ?? found.nearest) ?? [0, 0];
}
