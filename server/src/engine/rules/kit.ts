import { isMap, type YAMLMap } from 'yaml';
import type { ElementSection } from '../model/manifest';
import { elementSpan, rootSpan, type ManifestDocument, type ManifestElement } from '../parse/manifest';
import { locate, type PathSegment } from '../parse/yamlAst';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import type { Place } from '../model/findings';
import { enterElement, leaveElement } from '../workspace/elementScope';

/**
 * Small helpers shared by the manifest rules: which elements a document
 * defines, where a path of an element is, how a dependency travels.
 */

/**
 * The elements of a section that this document defines (duplicates, reported by `duplicate-name`, left out). What a
 * rule does while one is handed over is put down to that element (elementScope).
 */
export function* ownElements<S extends ElementSection>(workspace: WorkspaceSnapshot, document: ManifestDocument, section: S): Iterable<ManifestElement<S>> {
  try {
    for (const element of document.elements[section].values()) {
      enterElement(element);
      if (workspace.manifests.get(section, element.name) === element && element.value) yield element;
    }
  } finally {
    leaveElement();
  }
}

/** A place inside an element: its name when the path is empty or absent from the source. */
export function at(element: ManifestElement, path: readonly PathSegment[] = [], target: 'key' | 'value' = 'key'): Place {
  return { uri: element.manifest.uri, lines: element.manifest.lines, span: elementSpan(element, path, target) };
}

/** A place among a manifest's top-level keys. */
export function rootAt(document: ManifestDocument, path: readonly PathSegment[], target: 'key' | 'value' = 'key'): Place {
  return { uri: document.uri, lines: document.lines, span: rootSpan(document, path, target) };
}

/** The element's YAML map, for fixes that add keys to it. */
export function elementMap(element: ManifestElement): YAMLMap | undefined {
  return isMap(element.node) ? element.node : undefined;
}

/** Milliseconds for people: 0.5 ms, 120 ms, 1.5 s. */
export function formatMs(ms: number): string {
  if (ms >= 1000 && ms % 100 === 0) return `${ms / 1000} s`;
  return `${Math.round(ms * 100) / 100} ms`;
}

/** Numbers in messages: no trailing zeros, at most `digits` decimals. */
export function formatNumber(value: number, digits = 3): string {
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** Is the component one whose health callers and load balancers depend on? */
export function isServing(kind: string | undefined): boolean {
  return kind === 'service' || kind === 'gateway';
}

/**
 * Whether the source writes a key at a path of an element, valid or not. A field that failed validation is dropped
 * from the model (its own finding says why): a rule that reports a field's absence asks this first, so that
 * `rto: -5m` gets "invalid duration", not also "has no rto".
 */
export function isWritten(element: ManifestElement, path: readonly PathSegment[]): boolean {
  return element.node !== undefined && locate(element.node, path).key !== undefined;
}
