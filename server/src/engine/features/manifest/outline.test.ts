import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uriOf } from '../../../../../test/helpers/engine';
import { codeLenses } from './codeLens';
import { foldingRanges } from './folding';
import { documentSymbols, workspaceSymbols } from './symbols';
import { shopAt } from '../../../../../test/helpers/manifestCursor';

describe('manifest outline, folding and code lens', () => {
  const cursor = shopAt('shop.arch.yaml', 'archframe');

  it('lists teams, components with their dependencies, datastores and channels', () => {
    const symbols = documentSymbols(cursor.workspace, cursor.document);
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [
      ['teams', ['web']],
      ['components', ['api']],
      ['datastores', ['orders-db']],
      ['channels', ['order-events']],
    ]);
    const api = symbols[1].children![0];
    assert.equal(api.detail, 'service · layer application · owner web');
    assert.deepEqual(api.children?.map((d) => `${d.name} (${d.detail})`), ['payments (http · component)', 'orders-db (database · datastore)', 'order-events (event · write · channel)']);
    assert.equal(cursor.text.slice(...api.selectionSpan), 'api');
  });

  it('finds symbols of every manifest by a fuzzy query', () => {
    const found = workspaceSymbols(cursor.workspace, 'pmts');
    assert.deepEqual(found.map((s) => [s.name, s.target.uri]), [['payments', uriOf('payments.arch.yaml')]]);
    assert.equal(workspaceSymbols(cursor.workspace, '').length, 6, 'two teams, two components, a datastore, a channel');
  });

  it('folds every multi-line map and list from its key', () => {
    const ranges = foldingRanges(cursor.workspace, cursor.document);
    const lines = cursor.text.split('\n');
    const starts = ranges.map((r) => lines[r.startLine].trim());
    assert.ok(starts.includes('components:') && starts.includes('api:') && starts.includes('dependsOn:'));
    const api = ranges.find((r) => lines[r.startLine].trim() === 'api:')!;
    assert.equal(lines[api.endLine].trim(), '- { target: order-events, via: event, access: write }');
  });

  it('puts a lens above each component with its dependents, dependencies and ADRs, counted across files', () => {
    assert.deepEqual(codeLenses(cursor.workspace, cursor.document).map((l) => [cursor.text.slice(...l.span), l.title]), [['api', '0 dependents · 3 dependencies · ADR-0001']]);
    const payments = cursor.manifest('payments.arch.yaml');
    assert.deepEqual(codeLenses(cursor.workspace, payments).map((l) => l.title), ['1 dependent · 1 dependency']);
  });
});
