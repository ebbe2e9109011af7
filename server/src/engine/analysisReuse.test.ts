import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, exampleFiles, lines, ROOT, uriOf, type Files } from '../../../test/helpers/engine';
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
    // Asks the ADR index about the ADRs it refers to, and reads their titles.
    defineRule<AdrDocument>({
      meta: meta('test-refers', 'adr'),
      check({ document, workspace, report }) {
        count('test-refers', document);
        for (const reference of document.references) {
          const target = workspace.adrs.resolve(reference.target, document.uri);
          if (target?.title?.startsWith('Old')) report({ at: { uri: document.uri, lines: document.lines, span: reference.span }, message: `refers to an old ADR` });
        }
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
  'docs/adr/0003-three.md': adr(3, 'Three', 'As ADR-2 says.'),
};

function engineWith(rules: Rule[]): Engine {
  const engine = new Engine({ folders: [ROOT], host: { exists: () => false }, rules });
  for (const [path, text] of Object.entries(files)) engine.setFile(uriOf(path), text);
  return engine;
}

describe('rule runs are reused until what they read changes', () => {
  it('an ADR edit re-runs local rules on that ADR only, index rules on every ADR, and manifest rules not at all', () => {
    const { rules, runs } = countingRules();
    const engine = engineWith(rules.filter((rule) => rule.meta.id !== 'test-refers'));
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

  it('an ADR edit that keeps its shape re-runs index questions only where that ADR was the answer', () => {
    const { rules, runs } = countingRules();
    const engine = engineWith(rules.filter((rule) => rule.meta.id !== 'test-same-title'));
    engine.findings();
    let before = new Map(runs);
    const ran = () => [...runs].filter(([key, n]) => n !== before.get(key)).map(([key]) => key).sort();
    // ADR 3 refers to ADR 2; nothing refers to ADR 1.
    engine.setFile(uriOf('docs/adr/0002-two.md'), adr(2, 'Old two'));
    assert.deepEqual(engine.findingsFor(uriOf('docs/adr/0003-three.md')).map((f) => f.message), ['refers to an old ADR']);
    assert.deepEqual(ran(), ['test-refers docs/adr/0002-two.md', 'test-refers docs/adr/0003-three.md', 'test-todo docs/adr/0002-two.md']);
    before = new Map(runs);
    engine.setFile(uriOf('docs/adr/0001-one.md'), adr(1, 'Old one', 'Changed.'));
    engine.findings();
    assert.deepEqual(ran(), ['test-refers docs/adr/0001-one.md', 'test-todo docs/adr/0001-one.md']);
    // A new reference changes ADR 1's shape: every question to the index may have a new answer (ADR 2 asked none).
    before = new Map(runs);
    engine.setFile(uriOf('docs/adr/0001-one.md'), adr(1, 'Old one', 'See ADR-3.'));
    engine.findings();
    assert.deepEqual(ran(), ['test-refers docs/adr/0001-one.md', 'test-refers docs/adr/0003-three.md', 'test-todo docs/adr/0001-one.md']);
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
    assert.equal(total() - before, 10, '3 rules on 3 ADRs, and 1 manifest run');
    // The editor sends its settings again after any change to any setting: the same values re-run nothing.
    engine.setSettings({ rules: { 'test-todo': 'error' } });
    engine.findings();
    assert.equal(total() - before, 10);
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
const example = exampleFiles;

const SUCCESSOR = 'docs/adr/0007-successor.md';
const TEMPLATE = lines('# NUMBER. TITLE', '', '## Status', '', 'STATUS', '', '## Context', '', 'TODO', '', '## Decision', '', 'TODO', '', '## Consequences', '', 'TODO');

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
      // ADR edits that keep the edited ADR's shape: only what reads that ADR runs again.
      ['an ADR that links to another', () => set(SUCCESSOR, successor('Accepted; see'))],
      ['the link becomes a relation (a shape change: the other ADR now lacks the back-link)', () => set(SUCCESSOR, successor('Accepted; supersedes'))],
      ['text inserted above the relation (the other ADR\'s finding points into it)', () => set(SUCCESSOR, successor('Accepted; supersedes', 'A longer preamble.\n\n'))],
      ['its title changed (named in the other ADR\'s message)', () => set(SUCCESSOR, successor('Accepted; supersedes', 'A longer preamble.\n\n').replace('Successor', 'Heir'))],
      ['its status word changed', () => set(SUCCESSOR, successor('Proposed; supersedes', 'A longer preamble.\n\n'))],
      ['a referenced ADR retired (the manifest refers to it)', () => set(adrs[3], current[adrs[3]].replace(/^Accepted\s*$/m, 'Deprecated'))],
      // ADR edits that change a shape: every ADR's context may differ.
      ['a section missing from the new ADR', () => set(SUCCESSOR, successor('Accepted; supersedes').replace(/## Consequences[\s\S]*$/, ''))],
      ['that section removed from two more: the folder no longer requires it', () => {
        set(adrs[2], current[adrs[2]].replace(/## Consequences[\s\S]*$/, ''));
        set('docs/adr/0099-again.md', current['docs/adr/0099-again.md'].replace(/## Consequences[\s\S]*$/, ''));
      }],
      ['adr-status on again (the configuration gone)', () => remove('.archframe.yaml')],
      ['two ADRs write their status as a line', () => {
        for (const path of [adrs[0], 'docs/adr/0099-again.md']) set(path, current[path].replace(/## Status\n\n([^\n]*)\n+/, 'Status: $1\n\n'));
      }],
      ['the new ADR\'s status removed', () => set(SUCCESSOR, current[SUCCESSOR].replace(/## Status\n\n[^\n]*\n+/, ''))],
      ['the status lines removed from those two: the folder does without', () => {
        for (const path of [adrs[0], 'docs/adr/0099-again.md']) set(path, current[path].replace(/^Status: [^\n]*\n+/m, ''));
      }],
      ['a second ADR numbered 4', () => set('docs/adr/0004-another.md', successor('Accepted; see').replace('# 7. Successor', '# 4. Another'))],
      ['an ADR numbered in its title only', () => set('docs/adr/heir.md', successor('Accepted; see').replace('# 7.', '# 120.'))],
      ['its number changed: the next free number is another', () => set('docs/adr/heir.md', successor('Accepted; see').replace('# 7.', '# 130.'))],
      ['the superseding ADR renumbered', () => set(SUCCESSOR, successor('Accepted; supersedes').replace('# 7.', '# 8.'))],
      ['the superseding ADR gone', () => remove(SUCCESSOR)],
      // What the collection teaches (ADR 0014): its template and its own status words.
      ['an ADR without Decision', () => set('docs/adr/0010-ten.md', plain('# 10. Ten', 'Accepted').replace(/## Decision\n\nD\.\n\n/, ''))],
      ['a template without Decision (a template appears: a shape change)', () => set('docs/adr/template.md', TEMPLATE.replace(/## Decision\n\nTODO\n\n/, ''))],
      ['the template gets Decision, marked optional (its shape changes)', () => set('docs/adr/template.md', TEMPLATE.replace('## Decision', '<!-- optional -->\n## Decision'))],
      ['the template keeps its shape, Decision no longer optional', () => set('docs/adr/template.md', TEMPLATE)],
      ['an ADR with a status word of its own', () => set('docs/adr/0011-eleven.md', plain('# 11. Eleven', 'Sunset'))],
      ['a second ADR takes up the word (it becomes the team\'s: only the status word changes in a shape)', () => set('docs/adr/0010-ten.md', current['docs/adr/0010-ten.md'].replace('Accepted', 'Sunset'))],
      ['the template offers the word', () => set('docs/adr/template.md', TEMPLATE.replace('STATUS', '{Proposed | Accepted | Sunset}'))],
      ['the template gone', () => remove('docs/adr/template.md')],
    ];
    function successor(status: string, preamble = '') {
      return lines('# 7. Successor', '', preamble + '## Status', '', `${status} [4. Kafka](0004-kafka-for-order-events.md)`, '', '## Context', '', 'C.', '', '## Decision', '', 'D.', '', '## Consequences', '', 'E.');
    }
    function plain(title: string, status: string) {
      return lines(title, '', '## Status', '', status, '', '## Context', '', 'C.', '', '## Decision', '', 'D.', '', '## Consequences', '', 'E.');
    }
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
    assert.ok(changedSomething >= 12, `the edits changed the findings ${changedSomething} times`);
  });
});

/** Configuration first, as hosts load it. */
function engineOrder(files: Files): Files {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => Number(b === '.archframe.yaml') - Number(a === '.archframe.yaml')));
}
