import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { engineFor, findingsOf, uriOf, type Files } from '../helpers/engine';
import { exerciseFeatures } from './fuzzing';

/**
 * Hostile input through the engine: each gets an answer in bounded time, with
 * a diagnostic that says what is wrong, and every editor feature still runs.
 * The timings are printed as test diagnostics.
 */

const HEAD = 'archframe: 1\nsystem: shop\n';

function analyse(t: TestContext, label: string, files: Files, path: string, boundMs: number) {
  const started = performance.now();
  const engine = engineFor(files);
  const findings = findingsOf(engine, path);
  exerciseFeatures(engine, uriOf(path), [0, 17, files[path].length >> 1], 'renamed');
  const ms = performance.now() - started;
  t.diagnostic(`${label}: ${Math.round(ms)} ms, ${findings.length} findings`);
  assert.ok(ms < boundMs, `${label} took ${Math.round(ms)} ms (bound ${boundMs} ms)`);
  return findings;
}

function billionLaughs(indent: string): string {
  const lines = [`${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 9; i++) lines.push(`${indent}${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('hostile input through the engine', () => {
  it('an alias bomb (billion laughs) is refused after 100 expansions, with a diagnostic on the value', (t) => {
    const bomb = HEAD + 'x-anchors:\n' + billionLaughs('  ') + 'components:\n  api:\n    kind: service\n    tags: *i\n';
    const findings = analyse(t, 'alias bomb', { 'architecture.yaml': bomb }, 'architecture.yaml', 2000);
    const refused = findings.filter((f) => /too many alias expansions/.test(f.message));
    // On the alias that uses the last anchor (not the whole component); the anchors sit under an x- key, never read.
    assert.deepEqual(refused.map((f) => bomb.slice(...f.span)), ['*i']);
  });

  for (const [label, text] of [
    ['10,000 levels of [', HEAD + 'components: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['10,000 levels of [ inside a component', HEAD + 'components:\n  api:\n    kind: service\n    tags: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['10,000 levels of { }', HEAD + 'components:\n  api: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n'],
    ['10,000 levels of "- "', HEAD + 'components:\n  api:\n    kind: service\n    tags:\n    ' + '- '.repeat(10_000) + 'x\n'],
    ['3,000 levels of block maps (the deepest under 5 MB)', HEAD + 'components:\n  api:\n    kind: service\n    x:\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i + 6) + 'k:').join('\n') + '\n'],
  ] as const) {
    it(`${label}: no stack overflow escapes, the nesting is reported`, (t) => {
      const findings = analyse(t, label, { 'architecture.yaml': text }, 'architecture.yaml', 5000);
      assert.ok(findings.some((f) => f.ruleId === 'yaml-syntax' && /nested too deeply/.test(f.message)), findings.map((f) => f.message).join('\n'));
      assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), findings.map((f) => f.message).join('\n'));
    });
  }

  it('10,000 levels of block quotes in an ADR', (t) => {
    const findings = analyse(t, 'ADR quotes', { 'docs/adr/0001-deep.md': '# 1. Deep\n\n' + '> '.repeat(10_000) + 'deep\n' }, 'docs/adr/0001-deep.md', 5000);
    assert.ok(!findings.some((f) => f.ruleId === 'internal-error'));
  });

  it('a cycle of 10,000 components is reported in bounded time', (t) => {
    let text = HEAD + 'teams:\n  core: { type: stream-aligned }\ncomponents:\n';
    for (let i = 0; i < 10_000; i++) text += `  c${i}: { kind: service, owner: core, dependsOn: [c${(i + 1) % 10_000}] }\n`;
    const findings = analyse(t, '10,000-component cycle', { 'architecture.yaml': text }, 'architecture.yaml', 20_000);
    const cycles = findings.filter((f) => f.ruleId === 'dependency-cycle');
    assert.ok(cycles.length >= 1, [...new Set(findings.map((f) => f.ruleId))].join(', '));
    assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message).join('\n'));
  });

  it('a file over maxFileSize gets one file-too-large finding and is not parsed', (t) => {
    const text = HEAD + 'description: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n';
    const findings = analyse(t, '10 MB manifest', { 'architecture.yaml': text }, 'architecture.yaml', 2000);
    assert.deepEqual(findings.map((f) => f.ruleId), ['file-too-large']);
    assert.match(findings[0].message, /File too large to analyse: 10 MB > 5\.0 MB limit, configurable with `maxFileSize`/);
  });

  it('a .archframe.yaml over the limit is refused on the file, and its first lines do not configure anything', () => {
    const manifest = HEAD + 'components:\n  api: { kind: service }\n';
    const config = 'rules:\n  single-owner: off\n' + '# padding\n'.repeat(600_000);
    const engine = engineFor({ '.archframe.yaml': config, 'architecture.yaml': manifest });
    assert.deepEqual(findingsOf(engine, '.archframe.yaml').map((f) => f.ruleId), ['file-too-large']);
    assert.ok(findingsOf(engine, 'architecture.yaml', 'single-owner').length > 0, 'the defaults apply, not the rule turned off at its top');
    // Only the beginning read by a host (over the limit on disk): refused the same way.
    const head = engineFor({ 'architecture.yaml': manifest });
    head.setFile(uriOf('.archframe.yaml'), config.slice(0, 4096), config.length);
    assert.deepEqual(findingsOf(head, '.archframe.yaml').map((f) => f.ruleId), ['file-too-large']);
    assert.ok(findingsOf(head, 'architecture.yaml', 'single-owner').length > 0);
    // A larger limit in the settings admits it.
    head.setSettings({ maxFileSize: 10 * 1024 * 1024 });
    head.setFile(uriOf('.archframe.yaml'), config);
    assert.deepEqual(findingsOf(head, '.archframe.yaml'), []);
    assert.deepEqual(findingsOf(head, 'architecture.yaml', 'single-owner'), []);
  });

  it('a binary file with a manifest name gets one file-not-text finding', (t) => {
    const findings = analyse(t, 'binary', { 'architecture.yaml': 'PK\u0003\u0004\u0000\u0000\u0014\u0000\u0008\u0000binary' }, 'architecture.yaml', 1000);
    assert.deepEqual(findings.map((f) => f.ruleId), ['file-not-text']);
  });

  it('invalid UTF-8 (decoded to U+FFFD) and lone surrogates are read without a crash', (t) => {
    const text = HEAD + 'components:\n  api\uFFFD\uFFFD:\n    kind: service\n    description: "\uD800 half an emoji"\n';
    const findings = analyse(t, 'U+FFFD', { 'architecture.yaml': text, 'docs/adr/0001-x.md': '# 1. X\n\nSee [it](\uD83D.md) and \uFFFD.\n' }, 'architecture.yaml', 1000);
    assert.ok(findings.some((f) => f.ruleId === 'schema-format' && text.slice(...f.span) === 'api\uFFFD\uFFFD'));
  });

  it('a file the host read as invalid UTF-8 gets file-encoding on its first U+FFFD, and is analysed all the same', () => {
    const text = HEAD + 'components:\n  api\uFFFD:\n    kind: service\n';
    const engine = engineFor({});
    engine.setFile(uriOf('architecture.yaml'), text, undefined, true);
    const findings = findingsOf(engine, 'architecture.yaml');
    const encoding = findings.filter((f) => f.ruleId === 'file-encoding');
    assert.equal(encoding.length, 1);
    assert.equal(encoding[0].span[0], text.indexOf('\uFFFD'));
    assert.ok(findings.some((f) => f.ruleId === 'schema-format'), 'the rest is still analysed');
    // A configuration arriving (every file is classified again) keeps what the host said of the bytes.
    engine.setFile(uriOf('.archframe.yaml'), 'rules:\n  single-owner: off\n');
    assert.equal(findingsOf(engine, 'architecture.yaml', 'file-encoding').length, 1);
    // The same text from the editor (decoded there): no such finding.
    engine.setFile(uriOf('architecture.yaml'), text);
    assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'file-encoding'), []);
  });

  it('Markdown nested hundreds of levels deep is refused at once, not parsed for seconds; a few levels, or blank lines of spaces, are fine', (t) => {
    const adr = (body: string[]) => ['# 1. Deep', '', '## Status', '', 'Accepted', '', '## Context', '', ...body, ''].join('\n');
    const lists = adr(Array.from({ length: 2000 }, (_, i) => ' '.repeat(2 * i) + '- item'));
    const quotes = adr(Array.from({ length: 2000 }, (_, i) => '>'.repeat(i + 1) + ' text'));
    // The first line over 200 levels: list item 201 (indented 402 columns), quote 200 (201 markers).
    for (const [label, text, line] of [['lists', lists, 210], ['quotes', quotes, 209]] as const) {
      const findings = analyse(t, `2,000 levels of ${label}`, { 'docs/adr/0001-deep.md': text }, 'docs/adr/0001-deep.md', 1000);
      assert.deepEqual(findings.map((f) => f.ruleId), ['file-too-large']);
      assert.match(findings[0].message, new RegExp(`Nested more than 200 levels deep \\(lists or block quotes, line ${line}\\)`));
    }
    const normal = adr(['- a', '  - b', '    - c', '> quoted', '>> twice', ' '.repeat(1000), '']);
    assert.ok(!findingsOf(engineFor({ 'docs/adr/0001-fine.md': normal }), 'docs/adr/0001-fine.md').some((f) => f.ruleId === 'file-too-large'));
  });

  it('tabs as indentation get a clear diagnostic on the tab', (t) => {
    const text = HEAD + 'components:\n\tapi:\n\t\tkind: service\n';
    const findings = analyse(t, 'tabs', { 'architecture.yaml': text }, 'architecture.yaml', 1000);
    const tab = findings.find((f) => /tabs are not allowed as indentation; indent with spaces/.test(f.message));
    assert.ok(tab, findings.map((f) => f.message).join('\n'));
    assert.equal(text[tab.span[0]], '\t');
  });

  it('positions are exact in CRLF and mixed line-ending files (manifest and ADR)', () => {
    const manifest = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', '    colour: blue', ''].join('\r\n');
    const mixed = 'archframe: 1\r\nsystem: shop\ncomponents:\r\n  api:\n    kind: service\r\n    colour: blue\n';
    const adr = ['# 1. Use PostgreSQL', '', 'Status: accepted', '', 'Date: 2024-01-05', '', '## Context', '', 'We need a database. See [the old one](0009-missing.md).', '', '## Decision', '', 'PostgreSQL.', '', '## Consequences', '', 'Effort.', ''].join('\r\n');
    for (const text of [manifest, mixed]) {
      const engine = engineFor({ 'architecture.yaml': text });
      const unknown = findingsOf(engine, 'architecture.yaml', 'schema-unknown-key');
      assert.equal(unknown.length, 1);
      // As the editor reads the range (LSP positions, any line ending): exactly the key.
      assert.equal(TextDocument.create('x', 'yaml', 1, text).getText(unknown[0].range), 'colour');
      assert.equal(unknown[0].range.start.line, 5);
    }
    const engine = engineFor({ 'docs/adr/0001-use-postgresql.md': adr });
    const link = findingsOf(engine, 'docs/adr/0001-use-postgresql.md', 'adr-links');
    assert.equal(link.length, 1, JSON.stringify(findingsOf(engine, 'docs/adr/0001-use-postgresql.md')));
    const covered = TextDocument.create('x', 'markdown', 1, adr).getText(link[0].range);
    assert.equal(covered, adr.slice(...link[0].span));
    assert.match(covered, /0009-missing\.md/);
    assert.equal(link[0].range.start.line, 8);
  });
});
