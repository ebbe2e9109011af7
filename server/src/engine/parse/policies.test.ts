import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lines } from '../../../../test/helpers/engine';
import { selectableFields } from '../model/policies';
import { parseConfig } from './config';
import { parsePolicyFile } from './policies';

/** The grammar of policies: each problem on its exact key or value, and an invalid policy left out whole. */

const BUILTIN = ['layer-direction', 'single-owner'];

function problems(text: string) {
  const document = parseConfig('file:///w/.archframe.yaml', text, BUILTIN);
  return { document, found: document.problems.map((p) => ({ rule: p.ruleId, text: text.slice(p.span[0], p.span[1]), message: p.message, suggestion: p.suggestion })) };
}

const policy = (...body: string[]) => lines('policies:', '  - id: frontend-no-db', '    severity: error', '    message: Frontends reach data through a service.', ...body);

describe('policy grammar', () => {
  it('reads a valid forbid and a valid require policy, with the spans of their selectors', () => {
    const { document, found } = problems(
      lines(
        'policies:',
        '  - { id: a, severity: error, message: A., forbid: { from: { kind: frontend }, to: { element: datastore }, via: database } }',
        '  - { id: b, severity: hint, message: B., require: { of: { element: component, name: "api-*" }, fields: [observability.traces, owner] } }',
      ),
    );
    assert.deepEqual(found, []);
    assert.deepEqual(document.policies.map((p) => [p.ruleId, p.selectors.map((s) => `${s.key} ${document.text.slice(s.span[0], s.span[1])}`)]), [
      ['policy/a', ['from { kind: frontend }', 'to { element: datastore }']],
      ['policy/b', ['of { element: component, name: "api-*" }']],
    ]);
  });

  it('an unknown selector field gets a did-you-mean, and the policy is left out whole', () => {
    const { document, found } = problems(policy('    forbid:', '      from: { knd: frontend }', '      to: { element: datastore }'));
    assert.deepEqual(found.map((f) => [f.rule, f.text, f.suggestion]), [['schema-unknown-key', 'knd', 'kind']]);
    assert.match(found[0].message, /Did you mean 'kind'\?/);
    assert.deepEqual(document.policies, [], 'a selector without its misspelt key would match more than meant');
  });

  it('an enumerated field takes its values from the manifest schema, with a did-you-mean', () => {
    const { found } = problems(policy('    forbid:', '      from: { kind: frontent }', '      to: { element: [datastore, chanel] }'));
    assert.deepEqual(found.map((f) => [f.rule, f.text, f.suggestion]), [
      ['schema-enum', 'frontent', 'frontend'],
      ['schema-enum', 'chanel', 'channel'],
    ]);
  });

  it('the selectable fields come from the manifest schema: scalar fields of components, datastores and channels, nested by dotted path', () => {
    const fields = selectableFields();
    for (const path of ['kind', 'layer', 'owner', 'exposure', 'engine', 'delivery', 'observability.traces', 'encryption.atRest', 'technology.language']) assert.ok(fields.has(path), path);
    assert.deepEqual(fields.get('kind')?.elements, ['component', 'channel']);
    assert.ok(fields.get('kind')?.values?.includes('frontend') && fields.get('kind')?.values?.includes('topic'));
    assert.ok(!fields.has('dependsOn') && !fields.has('observability') && !fields.has('decisions'), 'lists and maps are not selectable');
  });

  it('a policy id is kebab-case and no built-in rule id', () => {
    const bad = problems(lines('policies:', '  - { id: Frontend_No_DB, severity: error, message: M., require: { of: { name: x }, fields: [owner] } }'));
    assert.deepEqual(bad.found.map((f) => [f.rule, f.text]), [['schema-format', 'Frontend_No_DB']]);
    assert.match(bad.found[0].message, /kebab-case/);
    const clash = problems(lines('policies:', '  - { id: layer-direction, severity: error, message: M., require: { of: { name: x }, fields: [owner] } }'));
    assert.deepEqual(clash.found.map((f) => [f.rule, f.text]), [['schema-format', 'layer-direction']]);
    assert.match(clash.found[0].message, /built-in rule/);
  });

  it('a policy needs exactly one of forbid and require, and its severity and message', () => {
    assert.deepEqual(problems(policy()).found.map((f) => [f.rule, f.text]), [['schema-required', 'id']]);
    const both = problems(policy('    forbid: { from: { kind: frontend }, to: { kind: service } }', '    require: { of: { kind: service }, fields: [owner] }'));
    assert.deepEqual(both.found.map((f) => [f.rule, f.text]), [['schema-type', 'require']]);
    const bare = problems(lines('policies:', '  - id: x', '    forbid: { from: { kind: frontend }, to: { kind: service } }'));
    assert.deepEqual(bare.found.map((f) => f.rule).sort(), ['schema-required', 'schema-required']);
  });

  it('require.fields are paths of the selected kind of element, with a did-you-mean', () => {
    const { found } = problems(policy('    require:', '      of: { element: datastore }', '      fields: [backup.copies, observability.traces, rpo, ownr]'));
    assert.deepEqual(found.map((f) => [f.rule, f.text, f.suggestion]), [
      ['schema-enum', 'observability.traces', undefined],
      ['schema-enum', 'ownr', 'owner'],
    ]);
    assert.match(found[0].message, /'observability\.traces' is not a field of a datastore\./);
  });

  it('extends names relative YAML files', () => {
    const { document, found } = problems(lines('extends: [shared/policies.yaml, /etc/policies.yaml, https://example.com/p.yaml, notes.txt]'));
    assert.deepEqual(found.map((f) => [f.rule, f.text]), [
      ['schema-format', '/etc/policies.yaml'],
      ['schema-format', 'https://example.com/p.yaml'],
      ['schema-format', 'notes.txt'],
    ]);
    assert.deepEqual(document.extends.map((e) => e.path), ['shared/policies.yaml']);
  });

  it('rules: may name policy/<id> (checked against every policy file by policy-reference)', () => {
    const { document, found } = problems(lines('rules:', '  policy/anything: off', '  layer-directoin: off'));
    assert.deepEqual(found.map((f) => [f.rule, f.text]), [['schema-enum', 'layer-directoin']]);
    assert.deepEqual(document.policyRuleKeys.map((k) => k.id), ['policy/anything']);
  });

  it('a policies file is a map of policies and extends; anything else is reported', () => {
    const file = parsePolicyFile('file:///w/p.yaml', lines('policies:', '  - { id: a, severity: error, message: A., require: { of: { name: x }, fields: [owner] } }', 'rules: {}'), BUILTIN);
    assert.deepEqual(file.problems.map((p) => p.ruleId), ['schema-unknown-key']);
    assert.equal(file.policies.length, 1);
    assert.deepEqual(parsePolicyFile('file:///w/p.yaml', '- a\n', BUILTIN).problems.map((p) => p.ruleId), ['schema-type']);
  });

  it('an unresolved alias in .archframe.yaml or a policy file is reported on the alias, not on the whole file', () => {
    const config = lines('rules:', '  single-owner: *nope');
    assert.deepEqual(problems(config).found.map((p) => [p.rule, p.text]), [['yaml-syntax', '*nope']]);
    const file = lines('policies:', '  - { id: a, severity: error, message: A., require: { of: { name: *x }, fields: [owner] } }');
    assert.deepEqual(parsePolicyFile('file:///w/p.yaml', file, BUILTIN).problems.filter((p) => p.ruleId === 'yaml-syntax').map((p) => file.slice(...p.span)), ['*x']);
  });
});
