import type { DocumentKind } from '../workspace/classify';
import type { AnalysedDocument, WorkspaceSnapshot } from '../workspace/snapshot';
import { catalogFeatures } from './catalog';
import { configFeatures, policyFileFeatures } from './config';
import { manifestFeatures } from './manifest';
import { markdownFeatures } from './markdown';
import type { DocumentFeatures, WorkspaceSymbol } from './types';

const FEATURES: Partial<Record<DocumentKind, DocumentFeatures>> = {
  manifest: manifestFeatures as DocumentFeatures,
  adr: markdownFeatures as DocumentFeatures,
  runbook: markdownFeatures as DocumentFeatures,
  postmortem: markdownFeatures as DocumentFeatures,
  config: configFeatures as DocumentFeatures,
  catalog: catalogFeatures as DocumentFeatures,
  policies: policyFileFeatures as DocumentFeatures,
};

export function featuresFor(document: AnalysedDocument): DocumentFeatures {
  return FEATURES[document.kind] ?? {};
}

/** Symbols of every manifest (and ADR titles) matching a query, for "go to symbol in workspace". */
export function workspaceSymbols(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[] {
  return [...(manifestFeatures.workspaceSymbols?.(workspace, query) ?? []), ...(markdownFeatures.workspaceSymbols?.(workspace, query) ?? [])];
}
