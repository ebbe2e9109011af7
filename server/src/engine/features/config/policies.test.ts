import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf, type Files } from '../../../../../test/helpers/engine';
import type { AnalysedDocument } from '../../workspace/snapshot';
import { featuresFor } from '../index';

/** Completion and hover inside policies: the text with `|` marking the cursor, in `.archframe.yaml` unless named. */
function at(textWithCursor: string, path = '.archframe.yaml', more: Files = {}) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const engine = engineFor({ [path]: text, 'architecture.yaml': MANIFEST, ...more });
  const workspace = engine.snapshot();
  const document = workspace.document(uriOf(path)) as AnalysedDocument;
  const features = featuresFor(document);
  return {
    labels: () => features.completions!(workspace, document, offset).map((c) => c.label),
    completions: () => features.completions!(workspace, document, offset),
    hover: (word: string) => features.hover!(workspace, document, text.indexOf(word) + 1),
    text,
  };
}

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'components:',
  '  web: { kind: frontend, owner: storefront, layer: presentation }',
  '  api: { kind: service, owner: platform }',
  'datastores:',
  '  orders-db: { engine: postgresql }',
);

const HEAD = ['policies:', '  - id: no-db', '    severity: error', '    message: No.'];

describe('.archframe.yaml policies: completion', () => {
  it('offers the keys of a policy, without those written, and only one of forbid and require', () => {
    assert.deepEqual(at(lines('policies:', '  - id: x', '    |')).labels(), ['severity', 'message', 'forbid', 'require']);
    assert.deepEqual(at(lines(...HEAD, '    forbid: {}', '    |')).labels(), []);
  });

  it('offers the severities, the keys of forbid and require, and via values', () => {
    assert.deepEqual(at(lines('policies:', '  - id: x', '    severity: |')).labels(), ['error', 'warning', 'info', 'hint']);
    assert.deepEqual(at(lines(...HEAD, '    forbid:', '      |')).labels(), ['from', 'to', 'via']);
    assert.deepEqual(at(lines(...HEAD, '    require:', '      |')).labels(), ['of', 'fields']);
    assert.ok(at(lines(...HEAD, '    forbid:', '      via: |')).labels().includes('database'));
  });

  it('offers the selectable fields of the manifest schema in a selector, with their values and kinds', () => {
    const items = at(lines(...HEAD, '    forbid:', '      from: { | }')).completions();
    const labels = items.map((c) => c.label);
    for (const key of ['element', 'name', 'kind', 'layer', 'owner', 'exposure', 'engine', 'observability.traces']) assert.ok(labels.includes(key), key);
    assert.match(items.find((c) => c.label === 'kind')!.detail!, /service \| frontend .*· component, channel/);
    assert.ok(!at(lines(...HEAD, '    forbid:', '      from: { kind: frontend, | }')).labels().includes('kind'), 'keys already in the selector are not offered');
  });

  it('offers enum values from the schema, element kinds, names and values of the workspace', () => {
    assert.ok(at(lines(...HEAD, '    forbid:', '      from: { kind: | }')).labels().includes('frontend'));
    assert.deepEqual(at(lines(...HEAD, '    forbid:', '      to: { element: | }')).labels(), ['component', 'datastore', 'channel']);
    assert.deepEqual(at(lines(...HEAD, '    forbid:', '      to: { element: datastore, name: | }')).labels(), ['orders-db']);
    assert.deepEqual(at(lines(...HEAD, '    forbid:', '      to: { owner: | }')).labels(), ['platform', 'storefront']);
    assert.deepEqual(at(lines(...HEAD, '    forbid:', '      to: { layer: [application, |] }')).labels(), ['presentation']);
  });

  it('offers the fields of every kind of element under require.fields when the selector names no known kind', () => {
    // Found by the engine fuzz test: an unknown kind half-typed into the selector threw in completion.
    const labels = at(lines(...HEAD, '    require:', '      of: { element: [datastor, 𐀀] }', '      fields: [|]')).labels();
    assert.ok(labels.includes('replicas') && labels.includes('backup'), labels.join());
  });

  it('offers the fields of the selected kind of element under require.fields', () => {
    const labels = at(lines(...HEAD, '    require:', '      of: { element: datastore }', '      fields: [|]')).labels();
    assert.ok(labels.includes('backup.copies') && labels.includes('rpo') && !labels.includes('observability.traces'));
  });

  it('offers the policies as rule ids under rules:', () => {
    const items = at(lines(...HEAD, '    require: { of: { kind: service }, fields: [slo] }', 'rules:', '  |')).completions();
    const own = items.find((c) => c.label === 'policy/no-db');
    assert.ok(own, 'policy/no-db is offered');
    assert.match(own.detail!, /Team policies · default error/);
  });

  it('works in a file that .archframe.yaml extends', () => {
    const shared = at(lines('policies:', '  - id: x', '    severity: warning', '    message: X.', '    require:', '      of: { kind: | }'), 'policies/shared.yaml', { '.archframe.yaml': lines('extends: policies/shared.yaml') });
    assert.ok(shared.labels().includes('service'));
    const top = at(lines('|'), 'policies/empty.yaml', { '.archframe.yaml': lines('extends: policies/empty.yaml') });
    assert.deepEqual(top.labels(), ['policies', 'extends']);
  });
});

describe('.archframe.yaml policies: hover', () => {
  const text = lines(...HEAD, '    forbid:', '      from: { exposure: public }', '      to: { element: datastore }', 'rules:', '  policy/no-db: warning');

  it('explains the keys of a policy and of its selectors', () => {
    const w = at(text);
    assert.match(w.hover('forbid')!.markdown, /^\*\*forbid\*\*: Dependencies from one kind of element to another/);
    assert.match(w.hover('exposure')!.markdown, /^\*\*exposure\*\* \(selector\): Who can reach it\.[\s\S]*One of `public`, `internal`, `private`[\s\S]*on components\./);
    assert.match(w.hover('id:')!.markdown, /reports as `policy\/no-db`: No\./);
  });

  it('explains a policy named under rules:, with where it is declared', () => {
    const hover = at(text).hover('policy/no-db:')!;
    assert.match(hover.markdown, /^\*\*policy\/no-db\*\* \(Team policies, default `error`\)\n\nNo\.\n\nDeclared in \.archframe\.yaml line 2\./);
  });
});
