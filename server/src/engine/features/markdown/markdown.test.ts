import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../../test/helpers/engine';
import type { AdrDocument } from '../../parse/adr';
import type { Completion } from '../types';
import { markdownFeatures } from './index';

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'decisions: [ADR-0001]',
  'components:',
  '  checkout:',
  '    kind: service',
  '    description: Takes orders and payments.',
  '    decisions:',
  '      - ADR-0002',
  '      - docs/adr/0001-use-postgresql.md',
);
const ADR1 = lines('# 1. Use PostgreSQL', '', 'Date: 2024-01-05', '', '## Status', '', 'Superseded by [2. Use CockroachDB](0002-use-cockroachdb.md)', '', '## Context', '', 'c', '', '## Decision', '', 'We will store orders in PostgreSQL.', 'Replicas serve reads.', '', '## Consequences', '', 'One more database to run.');
const ADR2 = lines('# 2. Use CockroachDB', '', 'Date: 2024-03-01', '', '## Status', '', 'Accepted', '', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)', '', '## Context', '', 'See ADR-1. The checkout service needs eventual consistency across regions.', '', '## Decision', '', 'We move to CockroachDB.', '', '## Consequences', '', 'Costs more.');
const RUNBOOK = lines('# Checkout: Runbook', '', '## Overview', '', 'Decided in ADR-0002.');

function setup(extra: Record<string, string> = {}) {
  const engine = engineFor({ 'architecture.yaml': MANIFEST, 'docs/adr/0001-use-postgresql.md': ADR1, 'docs/adr/0002-use-cockroachdb.md': ADR2, 'docs/runbooks/checkout.md': RUNBOOK, ...extra });
  const workspace = engine.snapshot();
  const doc = (path: string) => workspace.document(uriOf(path)) as AdrDocument;
  return { engine, workspace, doc };
}

function at(text: string, needle: string, delta = 0): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} not in text`);
  return index + delta;
}

describe('Markdown editor features', () => {
  it('completes ADR ids after ADR- with titles and status, own folder first', () => {
    const { workspace, doc } = setup({ 'docs/adr/0003-x.md': lines('# 3. X', '', 'See ADR-') });
    const document = doc('docs/adr/0003-x.md');
    const items = markdownFeatures.completions!(workspace, document, document.text.indexOf('ADR-') + 4);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ['ADR-0001', 'Use PostgreSQL · superseded · 2024-01-05'],
      ['ADR-0002', 'Use CockroachDB · accepted · 2024-03-01'],
    ]);
    assert.match(items[0].documentation ?? '', /We will store orders in PostgreSQL/);
    assert.equal(document.text.slice(items[0].replace![0], items[0].replace![1]), 'ADR-');
  });

  it('offers the first 100 of thousands of ADRs, own folder first, cut to what was typed and marked incomplete', () => {
    const many: Record<string, string> = {};
    for (let n = 3; n <= 1500; n++) many[`docs/adr/${String(n).padStart(4, '0')}-choice-${n}.md`] = lines(`# ${n}. Choice ${n}`, '', '## Status', '', 'Accepted');
    for (let n = 1; n <= 20; n++) many[`docs/decisions/${String(n).padStart(4, '0')}-other-${n}.md`] = lines(`# ${n}. Other ${n}`, '', '## Status', '', 'Accepted');
    const text = lines('# 1500. Choice 1500', '', 'See ADR-', 'See ADR-012', 'See [x](');
    const { engine, workspace } = setup({ ...many, 'docs/adr/1500-choice-1500.md': text });
    const document = workspace.document(uriOf('docs/adr/1500-choice-1500.md')) as AdrDocument;
    const untyped = markdownFeatures.completions!(workspace, document, at(text, 'See ADR-\n', 8)) as Completion[] & { incomplete?: true };
    assert.equal(untyped.length, 100);
    assert.equal(untyped.incomplete, true);
    assert.deepEqual(untyped.slice(0, 3).map((i) => i.label), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    assert.ok(!untyped.some((i) => i.label === 'ADR-1500'), 'not itself');
    // Typed: only what holds it (past the first hundred too), still marked incomplete.
    const typed = markdownFeatures.completions!(workspace, document, at(text, 'ADR-012') + 7) as Completion[] & { incomplete?: true };
    assert.deepEqual(typed.map((i) => i.label), Array.from({ length: 10 }, (_, k) => `ADR-012${k}`));
    assert.equal(typed.incomplete, true, 'deleting a character must ask again');
    // Links: the other folder's ADRs sort after this folder's; after an edit elsewhere, a renamed title is offered.
    const links = markdownFeatures.completions!(workspace, document, text.length - 1);
    assert.equal(links[0].label, '0001-use-postgresql.md');
    assert.ok(links.every((i) => !i.label.startsWith('../decisions/')), 'this folder first');
    engine.setFile(uriOf('docs/adr/0003-choice-3.md'), lines('# 3. Renamed choice', '', '## Status', '', 'Accepted'));
    const after = engine.snapshot();
    const again = markdownFeatures.completions!(after, after.document(document.uri) as AdrDocument, text.length - 1);
    assert.match(again.find((i) => i.label === '0003-choice-3.md')!.detail ?? '', /Renamed choice/);
  });

  it('completes ADR files inside a link target, with relative paths from a runbook', () => {
    const text = lines('# Checkout: Runbook', '', 'See [the decision](../adr/');
    const { workspace } = setup({ 'docs/runbooks/checkout.md': text });
    const document = workspace.document(uriOf('docs/runbooks/checkout.md'))!;
    const items = markdownFeatures.completions!(workspace, document as AdrDocument, text.length - 1);
    assert.deepEqual(items.map((i) => i.label).slice(0, 2), ['../adr/0001-use-postgresql.md', '../adr/0002-use-cockroachdb.md']);
    assert.equal(text.slice(items[0].replace![0], items[0].replace![1]), '../adr/');
  });

  it('completes the missing sections of the format, status words, and MADR front matter', () => {
    const nygard = lines('# 3. X', '', '## Status', '', 'Acc', '', '## ');
    const { workspace, doc } = setup({ 'docs/adr/0003-x.md': nygard, 'docs/adr/0004-y.md': lines('---', 'status: ', '', '---', '# Y', '', '## Context and Problem Statement', '', 'x') });
    const adr = doc('docs/adr/0003-x.md');
    const headings = markdownFeatures.completions!(workspace, adr, nygard.length - 1).map((c) => c.label);
    assert.deepEqual(headings, ['Context', 'Decision', 'Consequences']);
    const statuses = markdownFeatures.completions!(workspace, adr, at(nygard, 'Acc', 3));
    assert.ok(statuses.some((c) => c.label === 'Accepted' && /in force/.test(c.documentation ?? '')));
    const madr = doc('docs/adr/0004-y.md');
    const values = markdownFeatures.completions!(workspace, madr, at(madr.text, 'status: ', 8)).map((c) => c.label);
    assert.ok(values.includes('accepted') && values.includes('superseded'));
    const keys = markdownFeatures.completions!(workspace, madr, at(madr.text, '\n\n---') + 1).map((c) => c.label);
    assert.ok(keys.includes('decision-makers') && keys.includes('date') && !keys.includes('status'));
  });

  it('completes manifest names and framework terms once a word is typed', () => {
    const text = lines('# 3. X', '', '## Context', '', 'The check');
    const { workspace, doc } = setup({ 'docs/adr/0003-x.md': text });
    const items = markdownFeatures.completions!(workspace, doc('docs/adr/0003-x.md'), text.length - 1);
    assert.ok(items.some((i) => i.label === 'checkout' && i.detail === 'component (service)'));
    const terms = markdownFeatures.completions!(workspace, doc('docs/adr/0003-x.md'), text.length - 6);
    assert.deepEqual(terms, [], 'nothing after a bare space');
  });

  it('hovers an ADR reference, a status word, a manifest name and a framework term', () => {
    const { workspace, doc } = setup();
    const adr2 = doc('docs/adr/0002-use-cockroachdb.md');
    const reference = markdownFeatures.hover!(workspace, adr2, at(adr2.text, 'ADR-1', 2))!;
    assert.match(reference.markdown, /ADR-0001: Use PostgreSQL/);
    assert.match(reference.markdown, /superseded/);
    assert.match(reference.markdown, /2024-01-05/);
    assert.match(reference.markdown, /We will store orders in PostgreSQL/);
    assert.equal(adr2.text.slice(reference.span[0], reference.span[1]), 'ADR-1');
    const status = markdownFeatures.hover!(workspace, adr2, at(adr2.text, 'Accepted', 2))!;
    assert.match(status.markdown, /Status: accepted/);
    const name = markdownFeatures.hover!(workspace, adr2, at(adr2.text, 'checkout service', 3))!;
    assert.match(name.markdown, /component.*checkout/);
    assert.match(name.markdown, /Takes orders and payments/);
    const term = markdownFeatures.hover!(workspace, adr2, at(adr2.text, 'eventual consistency', 4))!;
    assert.equal(adr2.text.slice(term.span[0], term.span[1]), 'eventual consistency');
    assert.match(term.markdown, /Part/);
  });

  it('goes to the ADR a reference names, from an ADR and from a runbook', () => {
    const { workspace, doc } = setup();
    const adr2 = doc('docs/adr/0002-use-cockroachdb.md');
    const [target] = markdownFeatures.definition!(workspace, adr2, at(adr2.text, 'ADR-1', 1));
    assert.equal(target.uri, uriOf('docs/adr/0001-use-postgresql.md'));
    const runbook = workspace.document(uriOf('docs/runbooks/checkout.md'))! as unknown as AdrDocument;
    const [fromRunbook] = markdownFeatures.definition!(workspace, runbook, at(RUNBOOK, 'ADR-0002', 1));
    assert.equal(fromRunbook.uri, uriOf('docs/adr/0002-use-cockroachdb.md'));
  });

  it('finds the references of an ADR in other ADRs, runbooks and manifests', () => {
    const { workspace, doc } = setup();
    const adr1 = doc('docs/adr/0001-use-postgresql.md');
    const refs = markdownFeatures.references!(workspace, adr1, 0, false);
    const described = refs.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${workspace.document(r.uri)!.text.slice(r.span[0], r.span[1])}`);
    assert.deepEqual(described.sort(), ['0002-use-cockroachdb.md:ADR-1', '0002-use-cockroachdb.md:[1. Use PostgreSQL](0001-use-postgresql.md)', 'architecture.yaml:ADR-0001', 'architecture.yaml:docs/adr/0001-use-postgresql.md'].sort());
    const adr2 = doc('docs/adr/0002-use-cockroachdb.md');
    const toAdr2 = markdownFeatures.references!(workspace, adr2, 0, true).map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1));
    assert.deepEqual(toAdr2.sort(), ['0001-use-postgresql.md', '0002-use-cockroachdb.md', 'architecture.yaml', 'checkout.md']);
  });

  it('links ADR ids, and gives sections as symbols', () => {
    const { workspace, doc } = setup();
    const adr2 = doc('docs/adr/0002-use-cockroachdb.md');
    const links = markdownFeatures.documentLinks!(workspace, adr2);
    assert.deepEqual(links.map((l) => [adr2.text.slice(l.span[0], l.span[1]), l.target]), [['ADR-1', uriOf('docs/adr/0001-use-postgresql.md')]]);
    const [title] = markdownFeatures.documentSymbols!(workspace, adr2);
    assert.equal(title.name, '2. Use CockroachDB');
    assert.equal(title.detail, 'accepted · 2024-03-01');
    assert.deepEqual(title.children!.map((c) => c.name), ['Status', 'Context', 'Decision', 'Consequences']);
    assert.deepEqual(markdownFeatures.workspaceSymbols!(workspace, 'cockroach').map((s) => s.name), ['ADR-0002: Use CockroachDB']);
  });
});
