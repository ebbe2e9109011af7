import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uriOf } from '../../../../../test/helpers/engine';
import { definition, highlights, prepareRename, references, rename } from './navigation';
import { cursorIn, SHOP, shopAt } from '../../../../../test/helpers/manifestCursor';

describe('manifest navigation', () => {
  it('goes from a target to its definition in another manifest', () => {
    const cursor = shopAt('shop.arch.yaml', 'target: payments', 10);
    const [target, ...rest] = definition(cursor.workspace, cursor.document, cursor.offset);
    assert.equal(rest.length, 0);
    assert.equal(target.uri, uriOf('payments.arch.yaml'));
    assert.equal(cursor.manifest('payments.arch.yaml').text.slice(...target.span), 'payments');
  });

  it('goes from an owner to its team, a layer to the layer list (or nowhere for a default layer), an ADR reference to its file', () => {
    const owner = shopAt('payments.arch.yaml', 'owner: money', 8);
    assert.equal(definition(owner.workspace, owner.document, owner.offset)[0].uri, uriOf('payments.arch.yaml'));
    const layer = shopAt('shop.arch.yaml', 'application', 2);
    assert.deepEqual(definition(layer.workspace, layer.document, layer.offset), [], 'default layers of a style are defined nowhere');
    const adr = shopAt('shop.arch.yaml', 'ADR-0001', 2);
    assert.deepEqual(definition(adr.workspace, adr.document, adr.offset).map((t) => t.uri), [uriOf('docs/adr/0001-use-postgresql.md')]);
  });

  it('lists references of a definition across manifests, with or without the declaration', () => {
    const cursor = shopAt('shop.arch.yaml', 'order-events:', 1);
    const all = references(cursor.workspace, cursor.document, cursor.offset, true);
    assert.deepEqual(all.map((t) => t.uri.slice(t.uri.lastIndexOf('/') + 1)).sort(), ['payments.arch.yaml', 'shop.arch.yaml', 'shop.arch.yaml']);
    assert.equal(references(cursor.workspace, cursor.document, cursor.offset, false).length, 2);
  });

  it('highlights a name in the current file, the definition as a write', () => {
    const cursor = shopAt('shop.arch.yaml', 'orders-db', 1);
    const marks = highlights(cursor.workspace, cursor.document, cursor.offset);
    assert.deepEqual(marks.map((m) => [cursor.text.slice(...m.span), m.kind]), [['orders-db', 'read'], ['orders-db', 'write']]);
  });

  it('renames a component in every manifest that names it', () => {
    const cursor = shopAt('payments.arch.yaml', 'payments:', 2);
    assert.deepEqual(prepareRename(cursor.workspace, cursor.document, cursor.offset), { span: [cursor.offset - 2, cursor.offset + 6], placeholder: 'payments' });
    const edits = rename(cursor.workspace, cursor.document, cursor.offset, 'billing');
    assert.ok(Array.isArray(edits));
    assert.deepEqual(edits.map((e) => [e.uri.slice(e.uri.lastIndexOf('/') + 1), e.range.start.line, e.newText]).sort(), [
      ['payments.arch.yaml', 5, 'billing'],
      ['shop.arch.yaml', 12, 'billing'],
    ]);
  });

  it('renames a component in the runbooks that name it as the manifest does (a Dependencies item, the title), not in prose', () => {
    const runbook = ['# payments: Runbook', '', '## Overview', '', 'payments takes the money.', '', '## Dependencies', '', '- payments - the API we call', '- orders-db', '', '## Common Issues', ''].join('\n');
    const files: Record<string, string> = { ...SHOP, 'docs/runbooks/checkout.md': runbook };
    const text = files['payments.arch.yaml'];
    const offset = text.indexOf('payments:') + 2;
    const cursor = cursorIn({ ...files, 'payments.arch.yaml': text.slice(0, offset) + '|' + text.slice(offset) }, 'payments.arch.yaml');
    const edits = rename(cursor.workspace, cursor.document, cursor.offset, 'billing');
    assert.ok(Array.isArray(edits));
    const inRunbook = edits.filter((e) => e.uri === uriOf('docs/runbooks/checkout.md'));
    assert.deepEqual(inRunbook.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]).sort(), [
      [0, 2, 10, 'billing'],
      [8, 2, 10, 'billing'],
    ]);
  });

  it('renames a team with its owners, and refuses names that are not kebab-case or already taken', () => {
    const cursor = shopAt('payments.arch.yaml', 'money:', 1);
    const edits = rename(cursor.workspace, cursor.document, cursor.offset, 'treasury');
    assert.ok(Array.isArray(edits) && edits.length === 2);
    assert.match(rename(cursor.workspace, cursor.document, cursor.offset, 'Treasury') as string, /not kebab-case/);
    assert.match(rename(cursor.workspace, cursor.document, cursor.offset, 'web') as string, /already taken by the team in shop\.arch\.yaml/);
    const component = shopAt('shop.arch.yaml', 'target: payments', 10);
    assert.match(rename(component.workspace, component.document, component.offset, 'orders-db') as string, /already taken by the datastore/);
  });

  it('refuses to rename layers and names that are defined nowhere', () => {
    const layer = shopAt('shop.arch.yaml', 'application', 2);
    assert.match(prepareRename(layer.workspace, layer.document, layer.offset) as string, /Only components, datastores, channels and teams/);
  });
});
