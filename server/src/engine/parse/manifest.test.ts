import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, findingsOf, lines, spanText } from '../../../../test/helpers/engine';
import { parseManifest } from './manifest';

const HEADER = ['archframe: 1', 'system: shop'];

function problems(text: string) {
  const manifest = parseManifest('file:///w/architecture.yaml', text);
  return manifest.problems.map((p) => ({ ruleId: p.ruleId, text: text.slice(p.span[0], p.span[1]), message: p.message }));
}

describe('manifest parsing', () => {
  it('accepts the spec example without a problem', () => {
    const text = lines(...HEADER, 'style: layered', 'components:', '  api:', '    kind: service', '    dependsOn:', '      - db', '      - { target: events, via: event, access: write }');
    assert.deepEqual(problems(text), []);
    const manifest = parseManifest('file:///w/architecture.yaml', text);
    assert.equal(manifest.elements.components.get('api')?.value?.dependsOn?.length, 2);
  });

  it('puts an unknown key on exactly that key, with a did-you-mean', () => {
    const text = lines(...HEADER, 'components:', '  api:', '    kind: service', '    replcas: 2');
    const [problem, ...rest] = problems(text);
    assert.equal(rest.length, 0);
    assert.equal(problem.ruleId, 'schema-unknown-key');
    assert.equal(problem.text, 'replcas');
    assert.match(problem.message, /Did you mean 'replicas'\?/);
  });

  it('lists the allowed values of an enum and suggests the nearest', () => {
    const text = lines(...HEADER, 'components:', '  api:', '    kind: servce');
    const [problem] = problems(text);
    assert.equal(problem.ruleId, 'schema-enum');
    assert.equal(problem.text, 'servce');
    assert.match(problem.message, /Did you mean 'service'\?/);
    assert.match(problem.message, /'frontend', 'gateway', 'worker'/);
  });

  it('reports wrong types on the value', () => {
    const text = lines(...HEADER, 'components:', '  api:', '    kind: service', '    replicas: three', '    tls: "yes"');
    assert.deepEqual(
      problems(text).map((p) => [p.ruleId, p.text]),
      [
        ['schema-type', 'three'],
        ['schema-type', '"yes"'],
      ],
    );
  });

  it('reports a malformed duration and an out-of-range percent', () => {
    const text = lines(...HEADER, 'components:', '  api:', '    kind: service', '    slo: { availability: 101, latencyP99: 2 seconds }');
    assert.deepEqual(
      problems(text).map((p) => [p.ruleId, p.text]),
      [
        ['schema-range', '101'],
        ['schema-format', '2 seconds'],
      ],
    );
  });

  it('reports a missing required key on the name of the element that lacks it', () => {
    const text = lines(...HEADER, 'components:', '  api:', '    owner: team');
    const [problem] = problems(text);
    assert.equal(problem.ruleId, 'schema-required');
    assert.equal(problem.text, 'api');
    assert.match(problem.message, /'kind'/);
  });

  it('keeps the valid fields of an element that has an invalid one', () => {
    const manifest = parseManifest('file:///w/a.yaml', lines(...HEADER, 'components:', '  api:', '    kind: service', '    replicas: -1', '    owner: team'));
    assert.deepEqual(manifest.elements.components.get('api')?.value, { kind: 'service', owner: 'team' });
  });

  it('gives one error for a missing version, and nothing else', () => {
    const result = problems(lines('system: shop', 'bogus: 1', 'components: 7'));
    assert.deepEqual(result.map((p) => p.ruleId), ['manifest-version']);
    assert.equal(result[0].text, 'system');
  });

  it('gives one error for an unknown version, on the value', () => {
    const result = problems(lines('archframe: 2', 'system: shop', 'bogus: 1'));
    assert.deepEqual(result.map((p) => [p.ruleId, p.text]), [['manifest-version', '2']]);
  });

  it('explains an empty file, and a file that is not YAML at all, without throwing', () => {
    assert.deepEqual(problems('').map((p) => p.ruleId), ['manifest-version']);
    const binaryish = problems('{{{ ::: ]]] \u0007 "unterminated');
    assert.ok(binaryish.length > 0);
    assert.ok(binaryish.every((p) => p.ruleId === 'yaml-syntax' || p.ruleId === 'manifest-version'));
  });

  it('refuses an alias bomb with a diagnostic instead of expanding it', () => {
    const bomb = ['archframe: 1', 'system: x', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const result = problems(lines(...bomb));
    assert.ok(result.some((p) => p.ruleId === 'yaml-syntax' && /alias/i.test(p.message)), JSON.stringify(result));
  });

  it('reads duplicate keys as a YAML error on the duplicate', () => {
    const result = problems(lines(...HEADER, 'components:', '  api: { kind: service }', '  api: { kind: worker }'));
    assert.ok(result.some((p) => p.ruleId === 'yaml-syntax' && /unique/i.test(p.message)));
  });
});

describe('version messages', () => {
  it('a quoted version is told to drop the quotes; an empty one to write it; another is unknown', () => {
    assert.match(problems(lines('archframe: "1"', 'system: shop'))[0].message, /^The manifest version is a number, not the text "1": write `archframe: 1` without quotes\.$/);
    assert.match(problems(lines('archframe:', 'system: shop'))[0].message, /^The manifest version is empty: write `archframe: 1`\.$/);
    assert.match(problems(lines('archframe: 2', 'system: shop'))[0].message, /^Unknown manifest version 2: this version of archframe reads format 1\.$/);
  });
});

describe('YAML as people write it', () => {
  const DEFAULTS = ['x-defaults: &defaults', '  kind: service', '  owner: core', '  x-note: shared by the services', 'teams:', '  core: { type: stream-aligned }'];

  it('resolves merge keys (one alias or a list) before checking: no unknown <<, no missing kind', () => {
    const text = lines(...HEADER, ...DEFAULTS, 'components:', '  api:', '    <<: *defaults', '    description: the API', '  web:', '    <<: [*defaults]', '    kind: frontend');
    assert.deepEqual(problems(text), []);
    const manifest = parseManifest('file:///w/architecture.yaml', text);
    assert.deepEqual(manifest.elements.components.get('api')?.value, { kind: 'service', owner: 'core', description: 'the API' });
    assert.equal(manifest.elements.components.get('web')?.value?.kind, 'frontend', 'a key written beside the merge wins');
  });

  it('accepts x- extension keys at the top level, in elements and deeper, and an x- template among the components', () => {
    const text = lines(...HEADER, 'x-owners: [core]', 'components:', '  x-base: &base', '    kind: worker', '  api:', '    kind: service', '    x-jira: API', '    observability: { logs: structured, x-dashboard: grafana/api }', '  job:', '    <<: *base');
    assert.deepEqual(problems(text), []);
    const manifest = parseManifest('file:///w/architecture.yaml', text);
    assert.deepEqual([...manifest.elements.components.keys()], ['api', 'job']);
    assert.deepEqual(manifest.elements.components.get('api')?.value?.observability, { logs: 'structured' });
  });

  it('an unresolved alias and an alias bomb are reported on the alias, not on the whole component', () => {
    const unresolved = problems(lines(...HEADER, 'components:', '  api:', '    kind: service', '    tags: *nope'));
    assert.deepEqual(unresolved.map((p) => p.text), ['*nope']);
    assert.match(unresolved[0].message, /Unresolved alias/);
    const bomb = problems(lines(...HEADER, 'x-a: &a [x, x, x, x, x, x, x, x, x, x]', 'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'components:', '  api:', '    kind: service', '    tags: *c'));
    assert.deepEqual(bomb.map((p) => p.text), ['*c']);
    assert.match(bomb[0].message, /too many alias expansions/);
  });

  it('a second document says that a manifest is one, on the --- that starts it', () => {
    const text = lines(...HEADER, 'components:', '  api: { kind: service }', '---', 'archframe: 1', 'system: other');
    const result = problems(text);
    assert.equal(result.length, 1);
    assert.equal(result[0].text, '---');
    assert.match(result[0].message, /^A manifest holds one YAML document, and a second one starts here: move it to a manifest of its own/);
    assert.doesNotMatch(result[0].message, /parseAllDocuments/);
  });
});

describe('manifest findings in the engine', () => {
  it('reports names defined twice across manifests, on the second definition', () => {
    const files = {
      'orders.arch.yaml': lines(...HEADER, 'components:', '  api: { kind: service }'),
      'payments.arch.yaml': lines('archframe: 1', 'system: pay', 'datastores:', '  api: { engine: postgresql }'),
    };
    const engine = engineFor(files);
    const [finding] = findingsOf(engine, 'payments.arch.yaml', 'duplicate-name');
    assert.equal(spanText(files, 'payments.arch.yaml', finding), 'api');
    assert.equal(finding.related?.[0].uri, 'file:///workspace/orders.arch.yaml');
    assert.deepEqual(findingsOf(engine, 'orders.arch.yaml', 'duplicate-name'), []);
  });

  it('applies severities from .archframe.yaml over the editor settings, and drops rules set to off', () => {
    const files = {
      '.archframe.yaml': lines('rules:', '  schema-unknown-key: warning', '  duplicate-name: off'),
      'architecture.yaml': lines(...HEADER, 'colour: blue', 'teams:', '  core: {}', 'components:', '  a: { kind: library, owner: core }', '  b: { kind: library, owner: core }'),
      'more.arch.yaml': lines(...HEADER, 'components:', '  a: { kind: library, owner: core }'),
    };
    const engine = engineFor(files, { rules: { 'schema-unknown-key': 'info', 'manifest-version': 'off' } });
    assert.deepEqual(findingsOf(engine, 'architecture.yaml').map((f) => [f.ruleId, f.severity]), [['schema-unknown-key', 'warning']]);
    assert.deepEqual(findingsOf(engine, 'more.arch.yaml'), []);
  });

  it('reports an invalid .archframe.yaml and keeps the defaults meanwhile', () => {
    const files = {
      '.archframe.yaml': lines('rules:', '  schema-unknown-key: loud'),
      'architecture.yaml': lines(...HEADER, 'colour: blue'),
    };
    const engine = engineFor(files);
    assert.deepEqual(findingsOf(engine, '.archframe.yaml').map((f) => f.ruleId), ['schema-enum']);
    assert.deepEqual(findingsOf(engine, 'architecture.yaml').map((f) => [f.ruleId, f.severity]), [['schema-unknown-key', 'error']]);
  });

  it('refuses a file over the size limit with one clear finding', () => {
    const engine = engineFor({ 'architecture.yaml': 'archframe: 1\n' + '#'.repeat(2000) }, { maxFileSize: 1000 });
    const [finding, ...rest] = findingsOf(engine, 'architecture.yaml');
    assert.equal(rest.length, 0);
    assert.equal(finding.ruleId, 'file-too-large');
    assert.match(finding.message, /2 KB > 1000 bytes limit/);
  });

  it('refuses binary data under a manifest name', () => {
    const engine = engineFor({ 'architecture.yaml': 'PK\u0003\u0004\u0000\u0000binary' });
    assert.deepEqual(findingsOf(engine, 'architecture.yaml').map((f) => f.ruleId), ['file-not-text']);
  });

  it('does not analyse files matched by ignore globs', () => {
    const engine = engineFor({ '.archframe.yaml': lines('ignore: ["examples/**"]'), 'examples/architecture.yaml': 'nonsense: [' });
    assert.equal(engine.findings().has('file:///workspace/examples/architecture.yaml'), false);
  });

  it('reads a 5 MB manifest and reports on it', () => {
    const parts = [...HEADER, 'components:'];
    for (let i = 0, size = 0; size < 5_000_000; i++) {
      const entry = [`  service-${i}:`, '    kind: library', `    description: "${'x'.repeat(60)}"`, `    replcas: ${i % 5}`].join('\n');
      parts.push(entry);
      size += entry.length + 1;
    }
    const text = parts.join('\n') + '\n';
    const engine = engineFor({ 'big.arch.yaml': text }, { maxFileSize: 10 * 1024 * 1024 });
    const findings = findingsOf(engine, 'big.arch.yaml', 'schema-unknown-key', 'yaml-syntax', 'manifest-version');
    assert.ok(findings.length > 10_000);
    assert.ok(findings.every((f) => f.ruleId === 'schema-unknown-key'));
    assert.equal(spanText({ 'big.arch.yaml': text }, 'big.arch.yaml', findings[findings.length - 1]), 'replcas');
  });
});
