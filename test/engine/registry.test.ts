import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES, ruleDocsPath } from '../../server/src/engine/rules';
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
