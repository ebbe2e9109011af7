import type { FileProblem } from '../parse/yamlDocuments';
import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';

/**
 * What the importers read from a team's existing files (Compose, Kubernetes, Backstage), before it becomes a
 * manifest: elements in the manifest's vocabulary, each with the place it came from. Import writes them as a
 * manifest; drift compares them with one.
 */

export type SourceKind = 'compose' | 'kubernetes' | 'backstage';

/** A file handed to the importers: its path as the user knows it (workspace- or command-line-relative) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export type SourceSection = 'teams' | 'components' | 'datastores' | 'channels';

export interface SourceOrigin {
  path: string;
  /** The element's name (or its document) in the source. */
  span: Span;
  /** 1-based line of `span`'s start. */
  line: number;
}

export interface SourceDependency {
  /** The identity of the element depended on, in the source's own terms (see SourceElement.id). */
  targetId: string;
  via?: 'http' | 'grpc' | 'graphql';
  span: Span;
  /** Guessed (a host named in a Kubernetes environment value): left out when it names nothing imported. */
  inferred?: boolean;
}

/** Fields in the manifest's vocabulary (shared/spec/manifest.md); only what the source says. */
export interface SourceFields {
  kind?: string;
  replicas?: number;
  exposure?: 'public' | 'internal' | 'private';
  healthCheck?: string;
  description?: string;
  /** Datastores: the engine; channels: the technology. */
  engine?: string;
  technology?: string;
  /** Channels: queue, topic or stream. */
  channelKind?: string;
}

export interface SourceElement {
  source: SourceKind;
  section: SourceSection;
  /**
   * Unique within its source kind, and how other elements of that kind name it: `compose:<file>#<service>`,
   * `kubernetes:<namespace>/<name>`, `backstage:<kind>:<namespace>/<name>` (lower case).
   */
  id: string;
  /** The name as the source writes it (not necessarily kebab-case). */
  name: string;
  origin: SourceOrigin;
  fields: SourceFields;
  /** A team's id (`backstage:group:…`), for components. */
  ownerId?: string;
  /** The owner's name as written (`Payments_Team`), for a team that no file describes. */
  ownerName?: string;
  dependsOn: SourceDependency[];
  /** Said in the element's comment: what the source says that the manifest has no field for (image, lifecycle). */
  notes: string[];
  /** Identities that also name this element (a Kubernetes Service's name for the workload it selects). */
  aliases?: string[];
  /** Backstage APIs the component provides (their ids): a consumer of one depends on its providers. */
  provides?: string[];
}

/** A Backstage API: not an element of the manifest, but what links its consumers to its providers. */
export interface SourceApi {
  id: string;
  /** The API's `spec.type` (openapi, grpc, graphql, asyncapi…). */
  type?: string;
}

export type SourceProblem = FileProblem;

/** A Service as the linking step needs it: which pods it selects, and how far it reaches. */
export interface KubernetesService {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  type: string;
  span: Span;
  path: string;
}

/** What Kubernetes files say beyond their elements; linked across files by linkKubernetes. */
export interface KubernetesExtras {
  services: KubernetesService[];
  /** Services an Ingress routes to: their workloads are public. */
  ingressBackends: { namespace: string; service: string }[];
  /** Pod labels of each workload, by element id. */
  labels: Map<string, Record<string, string>>;
}

/** What one file holds. */
export interface SourcePart {
  path: string;
  lines: LineIndex;
  /** Undefined when the file is none of the three kinds. */
  kind: SourceKind | undefined;
  elements: SourceElement[];
  problems: SourceProblem[];
  /** Names of the system the file describes (a Backstage System, a Compose project `name`). */
  systems: { name: string; description?: string }[];
  apis: SourceApi[];
  kubernetes?: KubernetesExtras;
}
