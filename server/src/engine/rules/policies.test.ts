import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, findingsOf, lines, spanText, type Files } from '../../../../test/helpers/engine';

/** Team policies as rules: what each kind reports, where, and how a selector matches. */

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'components:',
  '  web: { kind: frontend, owner: shop, dependsOn: [{ target: orders-db, via: database }, { target: api, via: http }, events] }',
  '  admin-web: { kind: frontend, owner: ops, exposure: internal, dependsOn: [api] }',
  '  api: { kind: service, owner: shop, observability: { traces: true }, dependsOn: [orders-db] }',
  '  mailer: { kind: worker, dependsOn: [events] }',
  'datastores:',
  '  orders-db: { engine: postgresql, owner: api }',
  'channels:',
  '  events: { kind: topic }',
);

function policies(...entries: string[]): string {
  return lines('policies:', ...entries);
}

function check(config: string, manifest = MANIFEST, more: Files = {}) {
  const files: Files = { '.archframe.yaml': config, 'architecture.yaml': manifest, ...more };
  const engine = engineFor(files);
  const found = findingsOf(engine, 'architecture.yaml').filter((f) => f.ruleId.startsWith('policy/'));
  return { engine, files, found, texts: found.map((f) => `${f.ruleId} ${spanText(files, 'architecture.yaml', f)}`) };
}

const forbid = (from: string, to: string, via = '') =>
  policies('  - id: no-way', '    severity: error', '    message: Not this way.', '    forbid:', `      from: ${from}`, `      to: ${to}`, ...(via ? [`      via: ${via}`] : []));

describe('policies: forbid', () => {
  it('reports each dependency from a from-match to a to-match, on the dependency, with the code, severity and message', () => {
    const { found, texts } = check(forbid('{ kind: frontend }', '{ element: datastore }'));
    assert.deepEqual(texts, ['policy/no-way orders-db']);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /^Not this way\. \('web' depends on datastore 'orders-db' via database\.\)$/);
    assert.equal(found[0].element, 'components.web.dependsOn.orders-db');
    assert.equal(found[0].related?.[0].uri.endsWith('.archframe.yaml'), true, 'the finding points at the policy');
  });

  it('every key of a selector must hold; a list means any of its values', () => {
    assert.deepEqual(check(forbid('{ kind: frontend, exposure: internal }', '{ name: api }')).texts, ['policy/no-way api']);
    assert.deepEqual(check(forbid('{ kind: [frontend, worker] }', '{ element: channel }')).texts, ['policy/no-way events', 'policy/no-way events']);
    assert.deepEqual(check(forbid('{ kind: frontend, owner: nobody }', '{ name: api }')).texts, []);
  });

  it('name is a glob', () => {
    assert.deepEqual(check(forbid('{ name: "*web" }', '{ name: "orders-*" }')).texts, ['policy/no-way orders-db']);
  });

  it('selects by any scalar field of the manifest, nested ones by their dotted path', () => {
    assert.deepEqual(check(forbid('{ observability.traces: true }', '{ engine: postgresql }')).texts, ['policy/no-way orders-db']);
  });

  it('via restricts the dependencies to those that travel that way', () => {
    assert.deepEqual(check(forbid('{ kind: frontend }', '{ name: [api, orders-db] }', 'http')).texts, ['policy/no-way api']);
    assert.deepEqual(check(forbid('{ kind: frontend }', '{ name: [api, orders-db] }', '[http, database]')).texts, ['policy/no-way orders-db', 'policy/no-way api']);
  });
});

describe('policies: require', () => {
  const require = (of: string, fields: string) => policies('  - id: must-have', '    severity: warning', '    message: Every service is traced.', '    require:', `      of: ${of}`, `      fields: ${fields}`);

  it('reports each matching element that lacks a field, on its name, naming what is missing', () => {
    const { found, texts } = check(require('{ element: component, kind: [service, worker] }', '[observability.traces, owner]'));
    assert.deepEqual(texts, ['policy/must-have mailer']);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /^Every service is traced\. \('mailer' does not set observability\.traces, owner\.\)$/);
    assert.equal(found[0].element, 'components.mailer');
  });

  it('works on datastores and channels', () => {
    assert.deepEqual(check(require('{ element: [datastore, channel] }', '[owner]')).texts, ['policy/must-have events']);
  });
});

describe('policies behave like rules', () => {
  const config = forbid('{ kind: frontend }', '{ element: datastore }');

  it('a severity in rules: overrides the policy\'s, and off silences it', () => {
    assert.equal(check(config + lines('rules:', '  policy/no-way: info')).found[0].severity, 'info');
    assert.deepEqual(check(config + lines('rules:', '  policy/no-way: off')).texts, []);
  });

  it('a suppression comment with a reason silences it; one that silences nothing is reported', () => {
    const suppressed = MANIFEST.replace('  web:', '  # archframe-disable-next-line policy/no-way -- the legacy storefront reads orders directly\n  web:');
    const { engine } = check(config + lines('suppressions:', '  requireReason: true'), suppressed);
    assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'policy/no-way', 'unused-suppression'), []);
    const unused = MANIFEST.replace('  api:', '  # archframe-disable-next-line policy/no-way -- no reason\n  api:');
    const unusedFindings = findingsOf(check(config, unused).engine, 'architecture.yaml', 'unused-suppression');
    assert.equal(unusedFindings.length, 1);
    assert.match(unusedFindings[0].message, /Nothing to silence: 'policy\/no-way'/);
  });

  it('offers the suppress quick fix with its code', () => {
    const { found } = check(config);
    assert.equal(found[0].fixes?.[0].title, 'Suppress policy/no-way on this line');
  });

  it('a misspelt policy id in a suppression gets a did-you-mean', () => {
    const typo = MANIFEST.replace('  api:', '  # archframe-disable-next-line policy/no-wya -- x\n  api:');
    const [finding] = findingsOf(check(config, typo).engine, 'architecture.yaml', 'unused-suppression');
    assert.match(finding.message, /did you mean 'policy\/no-way'/);
  });
});

describe('policies: extends', () => {
  const shared = lines('policies:', '  - id: frontends-no-db', '    severity: error', '    message: Frontends reach data through a service.', '    forbid: { from: { kind: frontend }, to: { element: datastore } }');

  it('the policies of an extended file apply, its path relative to the file that names it', () => {
    const { texts } = check(lines('extends: policies/team.yaml'), MANIFEST, {
      'policies/team.yaml': lines('extends: [shared/base.yml]'),
      'policies/shared/base.yml': shared,
    });
    assert.deepEqual(texts, ['policy/frontends-no-db orders-db']);
  });

  it('a missing file, a cycle and an invalid file are reported on the extends entry', () => {
    const missing = check(lines('extends: [nowhere.yaml]'));
    const [gone] = findingsOf(missing.engine, '.archframe.yaml', 'policy-reference');
    assert.equal(spanText(missing.files, '.archframe.yaml', gone), 'nowhere.yaml');
    assert.match(gone.message, /'nowhere\.yaml' does not exist: its policies do not apply\./);

    const cycle = check(lines('extends: a.yaml'), MANIFEST, { 'a.yaml': lines('extends: b.yaml') + shared, 'b.yaml': lines('extends: a.yaml') });
    const [loop] = findingsOf(cycle.engine, 'b.yaml', 'policy-reference');
    assert.match(loop.message, /^extends cycle: \.archframe\.yaml → a\.yaml → b\.yaml → a\.yaml\./);
    assert.deepEqual(cycle.texts, ['policy/frontends-no-db orders-db'], 'the policies of the files in the cycle still apply, once');

    const invalid = check(lines('extends: bad.yaml'), MANIFEST, { 'bad.yaml': lines('policies:', '  - id: Bad Id', '    severity: loud') });
    const [bad] = findingsOf(invalid.engine, '.archframe.yaml', 'policy-reference');
    assert.match(bad.message, /^'bad\.yaml' has 3 problems \(line 2: /);
    assert.ok(findingsOf(invalid.engine, 'bad.yaml').some((f) => f.ruleId === 'schema-enum'), 'the file itself shows its problems');
  });

  it('an id declared twice is reported where it is declared again, and the first one applies', () => {
    const { engine, texts } = check(lines('extends: team.yaml', 'policies:', '  - { id: frontends-no-db, severity: info, message: Mine., require: { of: { name: web }, fields: [replicas] } }'), MANIFEST, { 'team.yaml': shared });
    assert.deepEqual(texts, ['policy/frontends-no-db web']);
    const [twice] = findingsOf(engine, 'team.yaml', 'policy-reference');
    assert.match(twice.message, /^Policy 'frontends-no-db' is already declared in \.archframe\.yaml:3; this one is left out\./);
  });

  it('a chain of extends deeper than 32 files is cut where it goes too deep, with a finding there', () => {
    const chain: Files = {};
    for (let i = 0; i < 40; i++) chain[`p/${i}.yaml`] = lines(`extends: ${i + 1}.yaml`) + (i === 39 ? shared : '');
    const { engine } = check(lines('extends: p/0.yaml'), MANIFEST, chain);
    const deep = [...engine.findings().values()].flat().filter((f) => f.ruleId === 'policy-reference');
    assert.deepEqual(deep.map((f) => f.message), ["extends goes more than 32 files deep here: '32.yaml' is not followed."]);
  });
});
