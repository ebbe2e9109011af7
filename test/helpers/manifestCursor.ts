import { engineFor, lines, uriOf, type Files } from './engine';
import type { ManifestDocument } from '../../server/src/engine/parse/manifest';
import type { WorkspaceSnapshot } from '../../server/src/engine/workspace/snapshot';

/**
 * For the engine tests of the manifest features: an in-memory workspace in
 * which one file marks the cursor with `|`.
 */
export interface Cursor {
  workspace: WorkspaceSnapshot;
  document: ManifestDocument;
  offset: number;
  text: string;
  /** Another document of the workspace. */
  manifest(path: string): ManifestDocument;
}

export function cursorIn(files: Files, path: string): Cursor {
  const marked = files[path];
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error(`no | cursor in ${path}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const workspace = engineFor({ ...files, [path]: text }).snapshot();
  const manifest = (p: string) => {
    const document = workspace.document(uriOf(p));
    if (document?.kind !== 'manifest') throw new Error(`${p} is not a manifest`);
    return document;
  };
  return { workspace, document: manifest(path), offset, text, manifest };
}

/** A two-file workspace: shop (api → payments, orders-db, order-events) and payments (in its own file), plus two ADRs. */
export const SHOP: Files = {
  'shop.arch.yaml': lines(
    'archframe: 1',
    'system: shop',
    'style: layered',
    'teams:',
    '  web: { type: stream-aligned, oncall: web-primary }',
    'components:',
    '  api:',
    '    kind: service',
    '    layer: application',
    '    owner: web',
    '    decisions: [ADR-0001]',
    '    dependsOn:',
    '      - target: payments',
    '        via: http',
    '        timeout: 2s',
    '        retry: { attempts: 3, backoff: exponential, jitter: true }',
    '      - target: orders-db',
    '        via: database',
    '        timeout: 200ms',
    '      - { target: order-events, via: event, access: write }',
    'datastores:',
    '  orders-db:',
    '    engine: postgresql',
    '    owner: api',
    '    consistency: strong',
    'channels:',
    '  order-events: { kind: topic, delivery: at-least-once }',
  ),
  'payments.arch.yaml': lines(
    'archframe: 1',
    'system: payments',
    'teams:',
    '  money: { type: platform }',
    'components:',
    '  payments:',
    '    kind: service',
    '    owner: money',
    '    slo: { availability: 99.9, latencyP99: 300ms }',
    '    dependsOn:',
    '      - order-events',
  ),
  'docs/adr/0001-use-postgresql.md': lines('# ADR-0001: Use PostgreSQL for orders', '', '## Status', '', 'Accepted', '', '## Context', '', 'We need a store.'),
  'docs/adr/0002-use-nats.md': lines('# ADR-0002: Use NATS for events', '', '## Status', '', 'Superseded by ADR-0003', ''),
};

/** SHOP with one file's text replaced by a version that carries a `|` cursor. */
export function shopWith(path: string, text: string): Files {
  return { ...SHOP, [path]: text };
}

/** SHOP with the cursor placed in a file, before the n-th (0-based) occurrence of `needle` plus `shift` characters. */
export function shopAt(path: string, needle: string, shift = 0, occurrence = 0): Cursor {
  const text = SHOP[path];
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' not in ${path}`);
  const offset = at + shift;
  return cursorIn(shopWith(path, text.slice(0, offset) + '|' + text.slice(offset)), path);
}
