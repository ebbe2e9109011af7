import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { manifestJsonSchema } from '../../scripts/schema-entry';

// The JSON Schema shipped for other YAML tools (yaml-language-server, CI validators) must agree with the engine.
describe('the manifest JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(manifestJsonSchema() as object);

  it('accepts x- extension keys at the top level, in elements and deeper, and merge keys resolved, as the engine does', () => {
    const merged = parse('archframe: 1\nsystem: s\nx-defaults: &d { kind: service }\ncomponents:\n  api:\n    <<: *d\n    replicas: 2\n', { merge: true });
    assert.ok(validate(merged), JSON.stringify(validate.errors));
    const extended = { archframe: 1, system: 's', 'x-notes': 'ours', components: { api: { kind: 'service', 'x-jira': 'API', observability: { logs: 'structured', 'x-dashboard': 'g' } } } };
    assert.ok(validate(extended), JSON.stringify(validate.errors));
  });

  it('still rejects an unknown key that is not an extension', () => {
    assert.equal(validate({ archframe: 1, system: 's', components: { api: { kind: 'service', replcas: 2 } } }), false);
  });
});
