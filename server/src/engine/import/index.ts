import { isBackstageApiVersion } from '../catalog/entities';
import { child, problemAt, readYaml, scalarText } from '../parse/yamlDocuments';
import { readBackstage } from './backstage';
import { combineSources, type ImportedSystem } from './combine';
import { isComposeDocument, readCompose } from './compose';
import { isKubernetesDocument, readKubernetes } from './kubernetes';
import type { SourceFile, SourceKind, SourcePart } from './types';
import { writeManifest, type WriteOptions } from './writeManifest';

export type { SourceFile, SourceKind, SourcePart, SourceProblem } from './types';
export type { ImportedSystem, ImportedElement } from './combine';
export { combineSources } from './combine';
export { channelKindsOf, dependency, elementBody, flowYaml, TODO_NOTE } from './writeManifest';

const KIND_NAMES: Record<SourceKind, string> = { compose: 'a Compose file', kubernetes: 'Kubernetes manifests', backstage: 'a Backstage catalog' };

/**
 * Reads one file as whatever it is: a Compose file, Kubernetes manifests or a Backstage catalog, judged document
 * by document (`---` separated). A file that is none of them has no kind and no elements; its YAML errors are
 * reported all the same, since they may hide what it is.
 */
export function readSource(file: SourceFile): SourcePart {
  const yaml = readYaml(file.path, file.text);
  const part: SourcePart = { path: file.path, lines: yaml.lines, kind: undefined, elements: [], problems: [...yaml.problems], systems: [], apis: [] };
  const kinds = yaml.documents.map((document): SourceKind | undefined => {
    if (!document.map) return undefined;
    if (isBackstageApiVersion(scalarText(child(document.map, 'apiVersion')))) return 'backstage';
    if (isKubernetesDocument(document.map)) return 'kubernetes';
    return isComposeDocument(document.map) ? 'compose' : undefined;
  });
  part.kind = kinds.find((kind) => kind !== undefined);
  if (part.kind === undefined) return part;
  if (kinds.includes('backstage')) readBackstage(yaml, part);
  yaml.documents.forEach((document, i) => {
    const kind = kinds[i];
    if (kind === 'compose' && document.map) readCompose(yaml, document.map, part);
    else if (kind === 'kubernetes' && document.map) readKubernetes(yaml, document.map, document.span, part, (part.kubernetes ??= { services: [], ingressBackends: [], labels: new Map() }));
    else if (kind === undefined && !document.empty && part.kind !== 'compose') {
      // In a file of Kubernetes objects or Backstage entities, a document that is neither is a mistake worth naming.
      const what = part.kind === 'kubernetes' ? 'Kubernetes: a document without `kind` and `apiVersion`' : 'Backstage: a document without `apiVersion: backstage.io/…`';
      part.problems.push(problemAt(file.path, yaml.lines, document.span, `${what}, in a file of ${KIND_NAMES[part.kind!]}.`, 'error'));
    }
  });
  return part;
}

export interface ImportResult {
  /** The manifest's text; written whatever the problems, for the host to decide. */
  text: string;
  system: ImportedSystem;
  /** Files that are none of the three kinds (skipped, or an error when named on their own). */
  unrecognised: string[];
}

/** Imports every file into one manifest (shared/spec/manifest.md; the mapping is in docs/import.md). */
export function importManifest(files: readonly SourceFile[], options: WriteOptions = {}): ImportResult {
  const parts = files.map(readSource);
  const system = combineSources(parts);
  return { text: writeManifest(system, options), system, unrecognised: parts.filter((part) => part.kind === undefined).map((part) => part.path) };
}
