import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, ROOT, uriOf } from '../../../test/helpers/engine';
import { Engine } from './analysis';
import { ownEdges } from './graph/dependencies';
import { durationMs } from './model/values';
import type { ManifestDocument } from './parse/manifest';
import { at, ownElements } from './rules/kit';
import { defineRule, type Rule } from './rules/types';

// Element-scoped rules (RuleMeta.scope, ADR 0016): after an edit, a rule runs again only for the elements whose
// value, or whose reads of the model, changed; the findings of the others are kept and moved with their text.

const meta = (id: string) => ({ id, category: 'axiom-3' as const, severity: 'warning' as const, summary: id, reference: 'Part II, Axiom 3', appliesTo: 'manifest' as const, scope: 'element' as const });

/** Two test rules that count, per component, how often they looked at it. */
function countingRules() {
  const looked = new Map<string, number>();
  const count = (rule: string, name: string) => looked.set(`${rule} ${name}`, (looked.get(`${rule} ${name}`) ?? 0) + 1);
  const rules = [
    // Its own element alone: a component without replicas.
    defineRule<ManifestDocument>({
      meta: meta('test-replicas'),
      check({ document, workspace, report }) {
        for (const component of ownElements(workspace, document, 'components')) {
          count('test-replicas', component.name);
          if (component.value!.replicas === undefined) report({ at: at(component), message: `'${component.name}' has no replicas` });
        }
      },
    }),
    // What its calls' targets promise: a caller whose timeout is below the target's latency target.
    defineRule<ManifestDocument>({
      meta: meta('test-patience'),
      check({ document, workspace, report }) {
        for (const edge of ownEdges(workspace, document)) {
          count('test-patience', edge.source.name);
          const promised = durationMs((edge.target?.value as { slo?: { latencyP99?: string } } | undefined)?.slo?.latencyP99);
          const timeout = durationMs(edge.spec.timeout);
          if (promised !== undefined && timeout !== undefined && timeout < promised) {
            report({ at: at(edge.source, ['dependsOn', edge.index, 'timeout'], 'value'), message: `'${edge.source.name}' gives up on '${edge.spec.target}' before its p99`, related: [{ at: at(edge.target!, ['slo']), message: 'the promise' }] });
          }
        }
      },
    }),
  ] as Rule[];
  return { rules, looked };
}

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'components:',
  '  web:',
  '    kind: frontend',
  '    dependsOn: [{ target: orders, timeout: 100ms }]',
  '  orders:',
  '    kind: service',
  '    replicas: 2',
  '    slo: { latencyP99: 50ms }',
  '  search:',
  '    kind: service',
);

function engineWith(rules: Rule[], text = MANIFEST): Engine {
  const engine = new Engine({ folders: [ROOT], host: { exists: () => false }, rules });
  engine.setFile(uriOf('architecture.yaml'), text);
  return engine;
}

/** What the server does after a publication: the element runs the first analysis left out, built. */
function prepare(engine: Engine): void {
  for (const steps = engine.elementRunSteps(); !steps.next().done; );
}

const summary = (engine: Engine) => engine.findingsFor(uriOf('architecture.yaml')).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.related?.map((r) => r.range.start.line).join(',') ?? ''}`);

describe('element-scoped rules', () => {
  it('run again only for the edited element and the elements that read it', () => {
    const { rules, looked } = countingRules();
    const engine = engineWith(rules);
    assert.deepEqual(summary(engine), ['3:2 test-replicas ', '10:2 test-replicas ']);
    prepare(engine);
    assert.deepEqual(engine.elementRunStatistics, { ran: 0, kept: 0, whole: [] }, 'the statistics are still those of the analysis');
    looked.clear();
    // orders promises 500ms now: web, which calls it, is judged again; search is not looked at.
    engine.setFile(uriOf('architecture.yaml'), MANIFEST.replace('latencyP99: 50ms', 'latencyP99: 500ms'));
    assert.deepEqual(summary(engine), ['3:2 test-replicas ', '5:43 test-patience 9', '10:2 test-replicas ']);
    assert.deepEqual([...looked.keys()].sort(), ['test-patience web', 'test-replicas orders']);
  });

  it('keep the findings of untouched elements, moved with their text and equal to a fresh analysis', () => {
    const { rules } = countingRules();
    const slow = MANIFEST.replace('latencyP99: 50ms', 'latencyP99: 500ms');
    const engine = engineWith(rules, slow);
    const before = engine.findingsFor(uriOf('architecture.yaml'));
    prepare(engine);
    // Two comment lines inside web: every later finding moves down two lines; web's own are run again.
    const edited = slow.replace('    kind: frontend\n', '    kind: frontend\n    # called by the browser\n    # owned by nobody yet\n');
    engine.setFile(uriOf('architecture.yaml'), edited);
    const after = engine.findingsFor(uriOf('architecture.yaml'));
    assert.deepEqual(summary(engine), summary(engineWith(countingRules().rules, edited)));
    assert.deepEqual(summary(engine), ['3:2 test-replicas ', '7:43 test-patience 11', '12:2 test-replicas ']);
    assert.deepEqual(engine.elementRunStatistics, { ran: 2, kept: 4, whole: [] }, 'web ran again under both rules; orders and search were kept');
    // The finding on search was kept (moved), not made again: same message, new position.
    const search = (list: typeof before) => list.find((f) => f.message.includes("'search'"))!;
    assert.equal(search(after).range.start.line, search(before).range.start.line + 2);
    assert.equal(search(after).span[0], search(before).span[0] + '    # called by the browser\n    # owned by nobody yet\n'.length);
  });

  it('run whole in a first analysis; an edit before the element runs are built runs every element, with the same findings', () => {
    const { rules, looked } = countingRules();
    const slow = MANIFEST.replace('latencyP99: 50ms', 'latencyP99: 500ms');
    const engine = engineWith(rules, slow);
    assert.deepEqual(summary(engine), ['3:2 test-replicas ', '5:43 test-patience 9', '10:2 test-replicas ']);
    assert.deepEqual(engine.elementRunStatistics, { ran: 0, kept: 0, whole: [] }, 'nothing was run per element');
    looked.clear();
    const edited = slow.replace('  search:\n    kind: service', '  search:\n    kind: service\n    replicas: 3');
    engine.setFile(uriOf('architecture.yaml'), edited);
    assert.deepEqual(summary(engine), summary(engineWith(countingRules().rules, edited)));
    assert.deepEqual([...looked.keys()].sort(), ['test-patience web', 'test-replicas orders', 'test-replicas search', 'test-replicas web']);
    // Now that they ran per element, the next edit re-runs only what it touches.
    looked.clear();
    engine.setFile(uriOf('architecture.yaml'), edited.replace('replicas: 3', 'replicas: 4'));
    summary(engine);
    assert.deepEqual([...looked.keys()], ['test-replicas search']);
  });

  it('an edit while the element runs are being built keeps what was built and equals a fresh analysis', () => {
    const { rules, looked } = countingRules();
    const engine = engineWith(rules);
    summary(engine);
    // The server stops asking for steps when a change arrives: here after the first rule's.
    const steps = engine.elementRunSteps();
    steps.next();
    const edited = MANIFEST.replace('latencyP99: 50ms', 'latencyP99: 500ms');
    engine.setFile(uriOf('architecture.yaml'), edited);
    looked.clear();
    assert.deepEqual(summary(engine), summary(engineWith(countingRules().rules, edited)));
    assert.deepEqual([...looked.keys()].sort(), ['test-patience web', 'test-replicas orders'], 'the first rule ran per element on what the edit touched; the second on everything it reads');
    assert.equal(steps.next().done, true, 'the stale steps end without building anything');
  });

  it('run whole when the top level they read changes (the layers of layer-direction)', () => {
    const text = lines(
      'archframe: 1',
      'system: shop',
      'layers: [presentation, application, domain]',
      'components:',
      '  web: { kind: frontend, layer: presentation, dependsOn: [{ target: core, timeout: 1s }] }',
      '  core: { kind: service, layer: domain }',
    );
    const engine = engineFor({ 'architecture.yaml': text });
    const layer = () => engine.findingsFor(uriOf('architecture.yaml')).filter((f) => f.ruleId === 'layer-direction').length;
    assert.equal(layer(), 0);
    engine.setFile(uriOf('architecture.yaml'), text.replace('[presentation, application, domain]', '[domain, application, presentation]'));
    assert.equal(layer(), 1);
  });

  it('read the layers another manifest declares, and follow its edits', () => {
    const files = {
      'architecture.yaml': lines('archframe: 1', 'system: shop', 'layers: [presentation, domain]'),
      'billing.arch.yaml': lines('archframe: 1', 'system: shop', 'components:', '  web: { kind: frontend, layer: presentation, dependsOn: [{ target: core, timeout: 1s }] }', '  core: { kind: service, layer: domain }'),
    };
    const engine = engineFor(files);
    const layer = () => engine.findingsFor(uriOf('billing.arch.yaml')).filter((f) => f.ruleId === 'layer-direction').length;
    assert.equal(layer(), 0);
    engine.setFile(uriOf('architecture.yaml'), files['architecture.yaml'].replace('[presentation, domain]', '[domain, presentation]'));
    assert.equal(layer(), 1);
  });

  it('a rule that throws on one element reports internal-error, and runs whole once it no longer does', () => {
    const brittle = defineRule<ManifestDocument>({
      meta: meta('test-brittle'),
      check({ document, workspace, report }) {
        for (const component of ownElements(workspace, document, 'components')) {
          if (component.value!.kind === 'job') throw new Error('jobs are not handled');
          report({ at: at(component), message: `looked at ${component.name}` });
        }
      },
    }) as Rule;
    const engine = engineWith([brittle], MANIFEST.replace('  search:\n    kind: service', '  search:\n    kind: job'));
    assert.deepEqual(engine.findingsFor(uriOf('architecture.yaml')).map((f) => f.ruleId), ['internal-error']);
    assert.match(engine.ruleFailures()[0].error, /jobs are not handled/);
    engine.setFile(uriOf('architecture.yaml'), MANIFEST);
    assert.deepEqual(engine.findingsFor(uriOf('architecture.yaml')).map((f) => f.message), ['looked at web', 'looked at orders', 'looked at search']);
    assert.deepEqual(engine.ruleFailures(), []);
  });
});
