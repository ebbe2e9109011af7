import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, exampleFiles, lines, ROOT, uriOf, type Files } from '../../../test/helpers/engine';
import { Engine } from './analysis';
import { RULES } from './rules';
import { appliesToKinds } from './rules/types';

/** Editing `.archframe.yaml`'s policies, or a file it extends, re-checks incrementally, and as a fresh analysis would. */

const example = exampleFiles;

const policy = (id: string, message: string, body: string) => [`  - id: ${id}`, '    severity: warning', `    message: ${message}`, ...body.split('\n').map((line) => `    ${line}`)];
const FORBID = 'forbid: { from: { kind: frontend }, to: { element: datastore } }';
const REQUIRE = 'require: { of: { element: component, kind: service }, fields: [slo] }';

function live(files: Files): { engine: Engine; set(path: string, text: string): void; remove(path: string): void; steps(): number } {
  const current = { ...files };
  const engine = new Engine({ folders: [ROOT], host: { exists: (uri) => uri.slice(ROOT.length + 1) in current } });
  const ordered = Object.entries(current).sort(([a], [b]) => Number(b === '.archframe.yaml') - Number(a === '.archframe.yaml'));
  for (const [path, text] of ordered) engine.setFile(uriOf(path), text);
  return {
    engine,
    set(path, text) {
      current[path] = text;
      engine.setFile(uriOf(path), text);
      const fresh = engineFor(current);
      assert.equal(JSON.stringify([...engine.findings()].sort()), JSON.stringify([...fresh.findings()].sort()), `after setting ${path}`);
    },
    remove(path) {
      delete current[path];
      engine.deleteFile(uriOf(path));
      const fresh = engineFor(current);
      assert.equal(JSON.stringify([...engine.findings()].sort()), JSON.stringify([...fresh.findings()].sort()), `after removing ${path}`);
    },
    /** The rule runs of the next analysis (a step is one run; the first step reads the parse problems). */
    steps() {
      let steps = 0;
      for (const _ of engine.analysisSteps()) steps++;
      // A finished analysis is kept: asked again, it takes no step at all.
      return Math.max(0, steps - 1);
    },
  };
}

const configRules = RULES.filter((rule) => rule.check && appliesToKinds(rule.meta).includes('config')).length;

describe('policies are re-checked incrementally', () => {
  const base = example();
  const config = (...policies: string[][]) => lines('policies:', ...policies.flat());
  const manifests = Object.keys(base).filter((path) => /(^|\/)architecture\.ya?ml$|\.arch\.ya?ml$/.test(path)).length;

  it('editing one policy re-runs that policy on each manifest and the rules of .archframe.yaml, and no built-in manifest rule', () => {
    const w = live({ ...base, '.archframe.yaml': config(policy('a', 'A.', FORBID), policy('b', 'B.', REQUIRE)) });
    const first = w.steps();
    assert.ok(first > 5 * (manifests + configRules), `the first analysis runs every rule (${first} runs)`);
    w.set('.archframe.yaml', config(policy('a', 'A, reworded.', FORBID), policy('b', 'B.', REQUIRE)));
    assert.equal(w.steps(), 0, 'checked already by set()');
    w.engine.setFile(uriOf('.archframe.yaml'), config(policy('a', 'A, reworded again.', FORBID), policy('b', 'B.', REQUIRE)));
    const edited = w.steps();
    // Policy a on each manifest, the rules of .archframe.yaml, and the few rules that read it (adr-status does).
    assert.ok(edited >= manifests + configRules && edited < first / 10, `${edited} runs of ${first}`);
    w.engine.setFile(uriOf('.archframe.yaml'), config(policy('a', 'A, reworded again.', FORBID), policy('b', 'B.', REQUIRE), policy('c', 'C.', FORBID.replace('frontend', 'service'))));
    assert.ok(w.steps() <= edited, 'a new policy runs alone');
  });

  it('a change outside the policies (a severity) re-runs every rule, as before', () => {
    const w = live({ ...base, '.archframe.yaml': config(policy('a', 'A.', FORBID)) });
    const first = w.steps();
    w.engine.setFile(uriOf('.archframe.yaml'), config(policy('a', 'A.', FORBID)) + lines('rules:', '  policy/a: error'));
    assert.equal(w.steps(), first);
  });

  it('editing, removing and restoring an extended file, and a cycle, give what a fresh analysis gives', () => {
    const shared = lines('policies:', ...policy('shared-one', 'Shared.', REQUIRE));
    const w = live({ ...base, '.archframe.yaml': config(policy('a', 'A.', FORBID)) });
    const findings = () => [...w.engine.findings().values()].flat().filter((f) => f.ruleId.startsWith('policy')).map((f) => f.ruleId);
    w.set('.archframe.yaml', lines('extends: policies/shared.yaml') + config(policy('a', 'A.', FORBID)));
    assert.ok(findings().includes('policy-reference'), 'the file is missing');
    w.set('policies/shared.yaml', shared);
    assert.ok(findings().includes('policy/shared-one') && !findings().includes('policy-reference'));
    const steps = (w.set('policies/shared.yaml', shared.replace('Shared.', 'Shared, reworded.')), w.engine.setFile(uriOf('policies/shared.yaml'), shared.replace('Shared.', 'Shared again.')), w.steps());
    const policyFileRules = RULES.filter((rule) => rule.check && appliesToKinds(rule.meta).includes('policies')).length;
    // Its policy on each manifest, the rules of the edited file, and policy-reference on .archframe.yaml (it reads the policies in force).
    assert.equal(steps, manifests + policyFileRules + 1, 'an extended file edited');
    w.set('policies/shared.yaml', lines('extends: ../.archframe.yaml') + shared);
    assert.ok(findings().includes('policy-reference'), 'a cycle');
    w.set('policies/shared.yaml', lines('extends: more.yaml') + shared);
    w.set('policies/more.yaml', lines('policies:', ...policy('more', 'More.', REQUIRE)));
    assert.ok(findings().includes('policy/more'));
    w.set('policies/shared.yaml', shared);
    assert.ok(!findings().includes('policy/more'), 'a file no longer extended no longer applies');
    w.remove('policies/shared.yaml');
    w.set('.archframe.yaml', config(policy('a', 'A.', FORBID)));
  });
});
