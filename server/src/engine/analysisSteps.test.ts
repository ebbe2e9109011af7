import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, uriOf } from '../../../test/helpers/engine';

function manifest(count: number, insecure?: number): string {
  const out = ['archframe: 1', 'system: steps', 'components:'];
  for (let i = 0; i < count; i++) out.push(`  svc-${i}: { kind: service, tls: ${i === insecure ? 'false' : 'true'} }`);
  return out.join('\n') + '\n';
}

describe('analysis in steps', () => {
  it('gives the same findings as findings(), in many steps, and caches them', () => {
    const files = { 'architecture.yaml': manifest(50, 7) };
    const expected = engineFor(files).findings();
    const engine = engineFor(files);
    const run = engine.analysisSteps();
    let steps = 0;
    let step = run.next();
    while (!step.done) {
      steps++;
      step = run.next();
    }
    assert.ok(steps > 10, `${steps} steps`);
    assert.deepEqual([...step.value], [...expected]);
    assert.equal(engine.findings(), step.value, 'findings() answers from the finished run');
  });

  it('a run overtaken by a change is not kept: findings() afterwards is of the new text', () => {
    const engine = engineFor({ 'architecture.yaml': manifest(50, 7) });
    const run = engine.analysisSteps();
    run.next();
    engine.setFile(uriOf('architecture.yaml'), manifest(50));
    let step = run.next();
    while (!step.done) step = run.next();
    assert.ok(step.value.get(uriOf('architecture.yaml'))!.some((f) => f.ruleId === 'transport-security'), 'the stale run saw the old text');
    assert.ok(!engine.findingsFor(uriOf('architecture.yaml')).some((f) => f.ruleId === 'transport-security'), 'the engine did not keep it');
  });
});
