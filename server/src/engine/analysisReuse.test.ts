import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { engineFor, lines, ROOT, uriOf, type Files } from '../../../test/helpers/engine';
import { Engine } from './analysis';
import type { AdrDocument } from './parse/adr';
import type { ManifestDocument } from './parse/manifest';
import { defineRule, type Rule } from './rules/types';
import type { AnalysedDocument } from './workspace/snapshot';

/** Test rules that count their runs per document. */
function countingRules() {
  const runs = new Map<string, number>();
  const count = (rule: string, document: AnalysedDocument) => {
    const key = `${rule} ${document.uri.slice(ROOT.length + 1)}`;
    runs.set(key, (runs.get(key) ?? 0) + 1);
  };
  const meta = (id: string, appliesTo: 'adr' | 'manifest') => ({ id, category: 'adr' as const, severity: 'warning' as const, summary: id, reference: 'Part XIII §1', appliesTo });
  const rules = [
    // Reads only its own document.
    defineRule<AdrDocument>({
      meta: meta('test-todo', 'adr'),
      check({ document, report }) {
        count('test-todo', document);
        const at = document.text.indexOf('TODO');
        if (at >= 0) report({ at: { uri: document.uri, lines: document.lines, span: [at, at + 4] }, message: 'TODO left in' });
      },
    }),
    // Reads the ADR index.
    defineRule<AdrDocument>({
      meta: meta('test-same-title', 'adr'),
      check({ document, workspace, report }) {
        count('test-same-title', document);
        const twins = workspace.adrs.all().filter((other) => other !== document && other.title === document.title);
        if (twins.length > 0) report({ at: { uri: document.uri, lines: document.lines, span: document.titleSpan ?? [0, 0] }, message: 'same title as another ADR' });
      },
    }),
    // Reads the manifests.
    defineRule<ManifestDocument>({
      meta: meta('test-components', 'manifest'),
      check({ document, workspace }) {
        count('test-components', document);
        void workspace.manifests.components.size;
      },
    }),
  ] as Rule[];
  return { rules, runs };
}

const adr = (n: number, title: string, body = 'We will do it.') => lines(`# ${n}. ${title}`, '', '## Status', '', 'Accepted', '', '## Context', '', 'Context.', '', '## Decision', '', body, '', '## Consequences', '', 'Some.');
const files: Files = {
  'architecture.yaml': lines('archframe: 1', 'system: shop', 'components:', '  api: { kind: service }'),
  'docs/adr/0001-one.md': adr(1, 'One'),
  'docs/adr/0002-two.md': adr(2, 'Two'),
  'docs/adr/0003-three.md': adr(3, 'Three'),
};

function engineWith(rules: Rule[]): Engine {
  const engine = new Engine({ folders: [ROOT], host: { exists: () => false }, rules });
  for (const [path, text] of Object.entries(files)) engine.setFile(uriOf(path), text);
  return engine;
}

describe('rule runs are reused until what they read changes', () => {
  it('an ADR edit re-runs local rules on that ADR only, index rules on every ADR, and manifest rules not at all', () => {
    const { rules, runs } = countingRules();
    const engine = engineWith(rules);
    engine.findings();
    const before = new Map(runs);
    engine.setFile(uriOf('docs/adr/0002-two.md'), adr(2, 'One', 'TODO: decide.'));
    const findings = engine.findings();
    const ran = [...runs].filter(([key, n]) => n !== before.get(key)).map(([key]) => key).sort();
    assert.deepEqual(ran, ['test-same-title docs/adr/0001-one.md', 'test-same-title docs/adr/0002-two.md', 'test-same-title docs/adr/0003-three.md', 'test-todo docs/adr/0002-two.md']);
    // And the findings are those of the new text, in the edited ADR and in the one it now shares a title with.
    assert.deepEqual(findings.get(uriOf('docs/adr/0002-two.md'))!.map((f) => f.ruleId), ['test-same-title', 'test-todo']);
    assert.deepEqual(findings.get(uriOf('docs/adr/0001-one.md'))!.map((f) => f.ruleId), ['test-same-title']);
  });

  it('a manifest edit re-runs no ADR rule; unchanged reruns keep the findings', () => {
    const { rules, runs } = countingRules();
    const engine = engineWith(rules);
    engine.setFile(uriOf('docs/adr/0003-three.md'), adr(3, 'Three', 'TODO'));
    const first = engine.findings();
    const before = new Map(runs);
    engine.setFile(uriOf('architecture.yaml'), files['architecture.yaml'] + '  web: { kind: frontend }\n');
    const second = engine.findings();
    const ran = [...runs].filter(([key, n]) => n !== before.get(key)).map(([key]) => key);
    assert.deepEqual(ran, ['test-components architecture.yaml']);
    assert.deepEqual(second.get(uriOf('docs/adr/0003-three.md')), first.get(uriOf('docs/adr/0003-three.md')), 'the reused finding is still reported');
  });

  it('a settings change re-runs everything (severities and options may differ)', () => {
    const { rules, runs } = countingRules();
    const engine = engineWith(rules);
    engine.findings();
    const total = () => [...runs.values()].reduce((a, b) => a + b, 0);
    const before = total();
    engine.setSettings({ rules: { 'test-todo': 'error' } });
    engine.findings();
    assert.equal(total() - before, 7, '3 + 3 ADR runs and 1 manifest run');
    // The editor sends its settings again after any change to any setting: the same values re-run nothing.
    engine.setSettings({ rules: { 'test-todo': 'error' } });
    engine.findings();
    assert.equal(total() - before, 7);
  });

  it('a file the engine does not keep appearing on disk clears a "does not exist" finding', () => {
    const existing = new Set<string>();
    const engine = new Engine({ folders: [ROOT], host: { exists: (uri) => existing.has(uri) } });
    engine.setFile(uriOf('architecture.yaml'), lines('archframe: 1', 'system: shop', 'components:', '  api: { kind: service, runbook: ops/api.txt }'));
    const missing = () => engine.findingsFor(uriOf('architecture.yaml')).filter((f) => f.ruleId === 'runbook');
    assert.equal(missing().length, 1);
    existing.add(uriOf('ops/api.txt'));
    engine.fileNoted();
    assert.equal(missing().length, 0);
    existing.delete(uriOf('ops/api.txt'));
    engine.deleteFile(uriOf('ops/api.txt'));
    assert.equal(missing().length, 1);
  });
});

/** The example workspace, as path → text. */
function example(): Files {
  const root = join(__dirname, '../../../examples/shop');
  const out: Files = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('reused findings equal a fresh analysis', () => {
  it('after each edit of the example workspace, with every rule', () => {
    const current = example();
    const live = new Engine({ folders: [ROOT], host: { exists: (uri) => uri.slice(ROOT.length + 1) in current } });
    for (const [path, text] of Object.entries(engineOrder(current))) live.setFile(uriOf(path), text);
    const adrs = Object.keys(current).filter((p) => p.startsWith('docs/adr/')).sort();
    const runbooks = Object.keys(current).filter((p) => p.startsWith('docs/runbooks/'));
    const manifest = current['architecture.yaml'];
    const component = /^ {2}([a-z][a-z0-9-]*):/m.exec(manifest.slice(manifest.indexOf('\ncomponents:')))![1];
    const edits: [string, () => void][] = [
      ['first analysis', () => undefined],
      ['an ADR superseded without a link', () => set(adrs[0], current[adrs[0]].replace(/^(Accepted|Proposed)\s*$/m, 'Superseded'))],
      ['an ADR deleted', () => remove(adrs[1])],
      ['a component renamed', () => set('architecture.yaml', manifest.replaceAll(new RegExp(`\\b${component}\\b`, 'g'), `${component}-two`))],
      ['a runbook deleted', () => remove(runbooks[0])],
      ['the runbook back', () => set(runbooks[0], example()[runbooks[0]])],
      ['an ADR that duplicates a number', () => set('docs/adr/0099-again.md', current[adrs[0]])],
      ['a configuration that turns a rule off', () => set('.archframe.yaml', 'rules:\n  adr-status: off\n')],
      ['the manifest back', () => set('architecture.yaml', manifest)],
    ];
    function set(path: string, text: string) {
      current[path] = text;
      live.setFile(uriOf(path), text);
    }
    function remove(path: string) {
      delete current[path];
      live.deleteFile(uriOf(path));
    }
    let changedSomething = 0;
    let previous: string | undefined;
    for (const [what, edit] of edits) {
      edit();
      const fresh = engineFor(current);
      const got = JSON.stringify([...live.findings()].sort());
      assert.equal(got, JSON.stringify([...fresh.findings()].sort()), `after: ${what}`);
      if (previous !== undefined && got !== previous) changedSomething++;
      previous = got;
    }
    assert.ok(changedSomething >= 5, `the edits changed the findings ${changedSomething} times`);
  });
});

/** Configuration first, as hosts load it. */
function engineOrder(files: Files): Files {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => Number(b === '.archframe.yaml') - Number(a === '.archframe.yaml')));
}
