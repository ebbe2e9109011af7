import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine/rules';
import { CATEGORY_TITLES } from '../../server/src/engine/rules/types';
import { run } from './harness';

describe('archframe rules', () => {
  it('lists every rule of the registry under its category, with severity and summary', () => {
    const { code, stdout } = run(['rules']);
    assert.equal(code, 0);
    for (const { meta } of RULES) {
      const line = stdout.split('\n').find((l) => l.trimStart().startsWith(meta.id + ' '));
      assert.ok(line, `${meta.id} is listed`);
      assert.match(line!, new RegExp(`^  ${meta.id} +${meta.severity} +`));
      assert.ok(line!.endsWith(meta.summary), `${meta.id} shows its summary`);
    }
    assert.match(stdout, /^Axiom 4: Observability \(axiom-4\)\n {2}health-check/m);
    assert.match(stdout, new RegExp(`^${RULES.length} rules\\.`, 'm'));
  });

  it('--format json gives id, category, default severity, summary, reference and docs link for each rule', () => {
    const { code, stdout } = run(['rules', '--format', 'json']);
    assert.equal(code, 0);
    const { version, rules } = JSON.parse(stdout);
    assert.equal(version, 1);
    assert.equal(rules.length, RULES.length);
    const pillars = rules.find((r: { id: string }) => r.id === 'observability-pillars');
    assert.equal(pillars.category, 'axiom-4');
    assert.equal(pillars.categoryTitle, CATEGORY_TITLES['axiom-4']);
    assert.equal(pillars.severity, 'warning');
    assert.match(pillars.reference, /Part X/);
    assert.match(pillars.docs, /\/docs\/rules\/observability-pillars\.md$/);
  });
});

describe('archframe explain', () => {
  it("prints a rule's header, framework reference and docs page (without front matter)", () => {
    const { code, stdout } = run(['explain', 'duplicate-name']);
    assert.equal(code, 0);
    assert.match(stdout, /^duplicate-name · rule · Axiom 1: Separation of Concerns · default severity error/);
    assert.ok(!/^id: duplicate-name$/m.test(stdout) && !/^category: /m.test(stdout), 'front matter stripped');
    assert.match(stdout, /^# duplicate-name$/m, 'the docs page follows');
    assert.match(stdout, /^## Why$/m);
  });

  it('prints a framework entry for a term, by id, title or usual name', () => {
    const byAlias = run(['explain', 'command', 'query', 'responsibility', 'segregation']);
    assert.equal(byAlias.code, 0);
    assert.match(byAlias.stdout, /^CQRS .*· framework entry \(cqrs\)\nFramework: Part IV/);
    assert.equal(run(['explain', 'cqrs']).stdout, byAlias.stdout);
  });

  it('says what it does not know, with a suggestion, and exits 1', () => {
    const { code, stdout, stderr } = run(['explain', 'duplicate-nmae']);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, "archframe explain: no rule or framework entry named 'duplicate-nmae'. Did you mean 'duplicate-name'?\n");
    assert.match(run(['explain', 'zzzzzzzzzz']).stderr, /no rule or framework entry named 'zzzzzzzzzz'\. 'archframe rules' lists the rules\./);
  });
});

describe('archframe help', () => {
  it('lists the registered commands; each has --help', () => {
    const { code, stdout } = run(['--help']);
    assert.equal(code, 0);
    for (const name of ['check', 'rules', 'explain']) {
      assert.match(stdout, new RegExp(`^  ${name} +\\S`, 'm'));
      const help = run([name, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: archframe ${name}`));
    }
    const bare = run([]);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /^Usage: archframe <command>/);
  });
});
