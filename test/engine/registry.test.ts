import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, ruleDocsPath } from '../../server/src/engine/rules';
import { appliesToKinds } from '../../server/src/engine/rules/types';
import { engineFor, findingsOf } from '../helpers/engine';

const ROOT = resolve(__dirname, '../..');
const RULES_DIR = join(ROOT, 'server/src/engine/rules');
const SPEC_DIR = resolve(ROOT, '../shared/spec');

/** The headings every docs page has, in this order (CONTRIBUTING.md, "Docs page layout"). */
const HEADINGS = ['## Rule details', '## Why', '## Examples', '### Incorrect', '### Correct', '## How to fix', '## Configuration'];

interface Page {
  frontMatter: Record<string, string>;
  headings: string[];
  /** Fenced blocks under "### Incorrect" and "### Correct". */
  incorrect?: string;
  correct?: string;
}

function readPage(id: string): Page | undefined {
  const file = join(ROOT, ruleDocsPath(id));
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const match = /^---\n([^]*?)\n---\n/.exec(text);
  const frontMatter: Record<string, string> = {};
  for (const line of match?.[1].split('\n') ?? []) {
    const pair = /^([\w-]+):\s*(.*)$/.exec(line);
    if (pair) frontMatter[pair[1]] = pair[2].replace(/^"(.*)"$/, '$1');
  }
  const body = text.slice(match?.[0].length ?? 0);
  const headings: string[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    else if (!inFence && /^#{1,3} /.test(line)) headings.push(line.trim());
  }
  const block = (heading: string) => new RegExp(`^${heading}\\n+\`\`\`\\w*\\n([^]*?)\\n\`\`\``, 'm').exec(body)?.[1];
  return { frontMatter, headings, incorrect: block('### Incorrect'), correct: block('### Correct') };
}

/** The rule tables of a spec file: `| \`id\` | severity | fires when |`. */
function specRules(file: string): Map<string, string> {
  const rules = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const row = /^\|\s*`([a-z0-9-]+)`\s*\|\s*(error|warning|info|hint)\s*\|/.exec(line);
    if (row) rules.set(row[1], row[2]);
  }
  return rules;
}

describe('rule registry', () => {
  it('is sorted by id, without duplicates', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
  });

  it('every rule id is kebab-case and has a summary and a framework reference', () => {
    for (const { meta } of RULES) {
      assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, meta.id);
      assert.ok(meta.summary.length > 10, `${meta.id}: summary`);
      assert.ok(meta.reference.length > 3, `${meta.id}: reference`);
    }
  });

  it('every rule has a docs page whose front matter matches its metadata and whose headings are in the fixed order', () => {
    const problems: string[] = [];
    for (const { meta } of RULES) {
      const page = readPage(meta.id);
      if (!page) {
        problems.push(`${meta.id}: no ${ruleDocsPath(meta.id)}`);
        continue;
      }
      for (const key of ['id', 'category', 'severity'] as const) {
        if (page.frontMatter[key] !== meta[key]) problems.push(`${meta.id}: front matter ${key} is ${page.frontMatter[key]}, the rule says ${meta[key]}`);
      }
      if (!page.frontMatter.reference) problems.push(`${meta.id}: front matter has no reference`);
      const expected = [`# ${meta.id}`, ...HEADINGS];
      if (JSON.stringify(page.headings) !== JSON.stringify(expected)) problems.push(`${meta.id}: headings ${JSON.stringify(page.headings)}, expected ${JSON.stringify(expected)}`);
    }
    assert.deepEqual(problems, []);
  });

  it('every rule folder has its rule.test.ts', () => {
    const folders = readdirSync(RULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(RULES_DIR, e.name, 'rule.ts')));
    const missing = folders.filter((e) => !existsSync(join(RULES_DIR, e.name, 'rule.test.ts'))).map((e) => e.name);
    assert.deepEqual(missing, []);
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    assert.deepEqual(folders.map((e) => e.name).filter((name) => !ids.has(name)), [], 'a folder is named after the id of the rule it holds');
  });

  it('the examples of each docs page behave as they say: the incorrect manifest fires the rule, the correct one does not', () => {
    // Only pages whose two examples are whole manifests can be run; rules that need other files (ADRs, runbooks) are left out.
    const needsOtherFiles = new Set(['decision-status', 'runbook']);
    const problems: string[] = [];
    let checked = 0;
    for (const { meta } of RULES) {
      const page = readPage(meta.id);
      if (!page?.incorrect?.startsWith('archframe: 1') || !page.correct?.startsWith('archframe: 1') || needsOtherFiles.has(meta.id)) continue;
      checked++;
      const fired = (text: string) => findingsOf(engineFor({ 'architecture.yaml': text + '\n' }), 'architecture.yaml', meta.id).length;
      if (fired(page.incorrect) === 0) problems.push(`${meta.id}: the incorrect example does not fire`);
      if (fired(page.correct) > 0) problems.push(`${meta.id}: the correct example fires`);
    }
    assert.ok(checked >= 20, `only ${checked} pages have runnable examples`);
    assert.deepEqual(problems, []);
  });

  it('the Markdown examples of the ADR, runbook and postmortem rules behave as they say, in a folder of their kind', () => {
    // runbook-drift's example is two files (a manifest and a runbook), which these single documents cannot show.
    const needsOtherFiles = new Set(['runbook-drift']);
    const folderOf: Partial<Record<string, string>> = { adr: 'docs/adr', runbook: 'docs/runbooks', postmortem: 'docs/postmortems' };
    /** Where an example is put: the file an opening `<!-- name.md -->` names, else one named as its kind names them. */
    const pathFor = (kind: string, text: string) => {
      const named = /^<!-- ([\w.-]+\.md) -->/.exec(text)?.[1];
      const number = /^# (?:ADR-)?(\d+)[.:]/m.exec(text)?.[1];
      const name = named ?? (kind === 'adr' ? `${(number ?? '1').padStart(4, '0')}-example.md` : kind === 'postmortem' ? '2025-01-01-example.md' : 'example.md');
      return `${folderOf[kind]}/${name}`;
    };
    const problems: string[] = [];
    let checked = 0;
    for (const rule of RULES) {
      const { meta } = rule;
      const kind = appliesToKinds(meta).find((k) => folderOf[k]);
      const page = readPage(meta.id);
      if (!rule.check || !kind || !page?.incorrect || !page.correct || needsOtherFiles.has(meta.id)) continue;
      checked++;
      // The correct example's links work: the files they name are there (beside the example).
      const linked = [...page.correct.matchAll(/\]\(([^)#\s]+\.md)\)/g)].map((m) => `${folderOf[kind]}/${m[1]}`);
      const fired = (text: string) => {
        const path = pathFor(kind, text);
        return findingsOf(engineFor({ [path]: text + '\n' }, {}, linked), path, meta.id).length;
      };
      if (fired(page.incorrect) === 0) problems.push(`${meta.id}: the incorrect example does not fire`);
      if (fired(page.correct) > 0) problems.push(`${meta.id}: the correct example fires`);
    }
    assert.ok(checked >= 12, `only ${checked} Markdown pages were run`);
    assert.deepEqual(problems, []);
  });

  it('says truly what each rule applies to: a problem of the parsers or the engine lands only on the kinds its metadata names', () => {
    const broken = 'a: [unclosed\n';
    const engine = engineFor({
      'architecture.yaml': broken,
      '.archframe.yaml': broken,
      'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: [unclosed\n',
      'docs/adr/0001-x.md': '# 1. X\n\n## Status\n\nAccepted\n',
    });
    const metaOf = new Map(RULES.map((rule) => [rule.meta.id, rule.meta]));
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const [uri, findings] of engine.findings()) {
      const kind = engine.snapshot().document(uri)?.kind;
      for (const finding of findings) {
        const meta = metaOf.get(finding.ruleId)!;
        if (meta && !RULES.find((r) => r.meta.id === finding.ruleId)?.check && kind) {
          seen.add(`${finding.ruleId}@${kind}`);
          if (!appliesToKinds(meta).includes(kind)) wrong.push(`${finding.ruleId} on a ${kind}, but it says it applies to ${appliesToKinds(meta).join(', ')}`);
        }
      }
    }
    assert.ok(['yaml-syntax@manifest', 'yaml-syntax@config', 'yaml-syntax@catalog'].every((pair) => seen.has(pair)), [...seen].join(' '));
    assert.deepEqual(wrong, []);
  });
});

describe('spec coverage', { skip: !existsSync(SPEC_DIR) && 'no ../shared/spec here' }, () => {
  it('every rule id of the spec tables has a rule with the spec\'s severity', () => {
    const spec = new Map<string, string>();
    for (const name of ['manifest.md', 'documents.md']) {
      const file = join(SPEC_DIR, name);
      if (existsSync(file)) for (const [id, severity] of specRules(file)) spec.set(id, severity);
    }
    assert.ok(spec.size >= 40, `read only ${spec.size} rule ids from the spec tables`);
    const byId = new Map(RULES.map((rule) => [rule.meta.id, rule.meta]));
    const missing = [...spec.keys()].filter((id) => !byId.has(id));
    const wrongSeverity = [...spec].filter(([id, severity]) => byId.has(id) && byId.get(id)!.severity !== severity).map(([id, severity]) => `${id}: spec ${severity}, rule ${byId.get(id)!.severity}`);
    assert.deepEqual({ missing, wrongSeverity }, { missing: [], wrongSeverity: [] });
  });
});
