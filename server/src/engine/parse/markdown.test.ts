import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../text/types';
import { allSections, findSection, inCode, parseMarkdown, sectionAt, visibleText } from './markdown';

const SAMPLE = [
  '---',
  'status: accepted',
  'date: 2024-01-05',
  '---',
  '# 7. Use **Kafka** for events',
  '',
  'Date: 2024-01-05',
  '',
  '## Status',
  '',
  'Superseded by [9. Use NATS](0009-use-nats.md) and [the old one][old]',
  '',
  '## Context',
  '',
  '* Status: proposed',
  '  - nested item',
  '- [x] done',
  '',
  '### Details',
  '',
  '| Option | Status |',
  '|---|---|',
  '| a | **accepted** |',
  '| | empty first |',
  '',
  '<!-- guidance for the author -->',
  'Inline <!-- note --> comment, see https://example.com/x.',
  '',
  '```md',
  '# not a heading [nor](a-link.md)',
  '```',
  '',
  '[old]: <./0003-old.md>',
  '',
].join('\n');

function texts(text: string, spans: readonly Span[]): string[] {
  return spans.map((s) => text.slice(s[0], s[1]));
}

function check(text: string) {
  const md = parseMarkdown(text);
  assert.deepEqual(md.frontMatter?.data, { status: 'accepted', date: '2024-01-05' });
  assert.equal(text.slice(md.frontMatter!.span[0], md.frontMatter!.span[1]).replace(/\r/g, ''), '---\nstatus: accepted\ndate: 2024-01-05\n---');
  assert.deepEqual(md.headings.map((h) => [h.level, h.text]), [[1, '7. Use Kafka for events'], [2, 'Status'], [2, 'Context'], [3, 'Details']]);
  assert.deepEqual(texts(text, md.headings.map((h) => h.textSpan)), ['7. Use **Kafka** for events', 'Status', 'Context', 'Details']);
  // Sections nest: Details is inside Context, both inside the title's section.
  const [root] = md.sections;
  assert.deepEqual(root.children.map((s) => s.heading.text), ['Status', 'Context']);
  assert.deepEqual(root.children[1].children.map((s) => s.heading.text), ['Details']);
  assert.equal(allSections(md).length, 4);
  const status = findSection(md, 'status')!;
  assert.match(text.slice(status.bodySpan[0], status.bodySpan[1]).trim(), /^Superseded by \[9\. Use NATS\]\(0009-use-nats\.md\) and \[the old one\]\[old\]$/);
  assert.equal(sectionAt(md, text.indexOf('nested item'))?.heading.text, 'Context');
  // Links, with reference links resolved to their definition; the bare URL; none from the code block.
  assert.deepEqual(md.links.map((l) => [l.text, l.destination, l.autolink]), [
    ['9. Use NATS', '0009-use-nats.md', false],
    ['the old one', './0003-old.md', false],
    ['https://example.com/x', 'https://example.com/x', true],
  ]);
  assert.deepEqual(texts(text, md.links.map((l) => l.destinationSpan)), ['0009-use-nats.md', './0003-old.md', 'https://example.com/x']);
  assert.deepEqual(md.listItems.map((i) => [i.depth, i.text, i.checked]), [[0, 'Status: proposed', undefined], [1, 'nested item', undefined], [0, 'done', true]]);
  assert.deepEqual(texts(text, md.listItems.map((i) => i.contentSpan)), ['Status: proposed', 'nested item', 'done']);
  const [table] = md.tables;
  assert.deepEqual(table.header.cells.map((c) => c.text), ['Option', 'Status']);
  assert.deepEqual(table.rows.map((r) => r.cells.map((c) => c.text)), [['a', 'accepted'], ['', 'empty first']]);
  assert.deepEqual(texts(text, [table.rows[0].cells[1].span]), ['**accepted**']);
  assert.deepEqual(md.comments.map((c) => c.text), ['guidance for the author', 'note']);
  assert.deepEqual(texts(text, md.comments.map((c) => c.span)), ['<!-- guidance for the author -->', '<!-- note -->']);
  assert.ok(inCode(md, text.indexOf('# not a heading')));
  assert.ok(!inCode(md, text.indexOf('Inline')));
  const paragraph = md.paragraphs.find((p) => p.text.startsWith('Inline'))!;
  assert.equal(visibleText(md, paragraph.span).replace(/\s+/g, ' '), 'Inline comment, see https://example.com/x.');
}

describe('markdown layer', () => {
  it('reads front matter, headings, nested sections, links, list items, tables, comments and code with exact spans', () => check(SAMPLE));

  it('gives the same structure and spans over the same text with CRLF line breaks', () => check(SAMPLE.replace(/\n/g, '\r\n')));

  it('reads a table whose delimiter row has trailing blanks', () => {
    const md = parseMarkdown('| a | b | \n|---|---|  \n| x | y |\n');
    assert.deepEqual(md.tables[0]?.rows.map((r) => r.cells.map((c) => c.text)), [['x', 'y']]);
  });

  it('reads setext headings and leaves a document without front matter alone', () => {
    const text = 'Title\n=====\n\nSub\n---\nbody\n';
    const md = parseMarkdown(text);
    assert.equal(md.frontMatter, undefined);
    assert.deepEqual(md.headings.map((h) => [h.level, h.text, text.slice(h.textSpan[0], h.textSpan[1])]), [[1, 'Title', 'Title'], [2, 'Sub', 'Sub']]);
    assert.equal(text.slice(md.sections[0].children[0].bodySpan[0], md.sections[0].children[0].bodySpan[1]), 'body\n');
  });

  it('gives the tree, the text lezer read and the front matter document on demand, over CRLF text', () => {
    const text = SAMPLE.replace(/\n/g, '\r\n');
    const md = parseMarkdown(text);
    // The front matter is blanked and the CRs removed in what lezer reads.
    assert.equal(md.source.length, SAMPLE.length);
    assert.ok(md.source.startsWith(' '.repeat(3) + '\n' + ' '.repeat('status: accepted'.length) + '\n'));
    const heading = md.tree.topNode.getChild('ATXHeading1')!;
    assert.equal(text.slice(md.fromSource(heading.from), md.fromSource(heading.to)), '# 7. Use **Kafka** for events');
    const date = md.frontMatter!.document.get('date', true) as { range: [number, number, number] };
    const base = md.frontMatter!.bodySpan[0];
    assert.equal(text.slice(base + date.range[0], base + date.range[1]), '2024-01-05');
  });

  it('reads a list item and its paragraph at the same place, with LF and CRLF line breaks', () => {
    for (const text of ['- first item\n- second\n\ntext\n', '- first item\r\n- second\r\n\r\ntext\r\n']) {
      const md = parseMarkdown(text);
      const item = md.listItems[0];
      const paragraph = md.paragraphs.find((p) => p.text === 'first item')!;
      assert.deepEqual(texts(text, [item.contentSpan, paragraph.span]), ['first item', 'first item']);
      assert.deepEqual(texts(text, md.paragraphs.map((p) => p.span)), ['first item', 'second', 'text']);
    }
  });

  it('reads texts over several lines, tabs and repeated spaces as single spaces', () => {
    const text = '---\ntitle: x\n---\n# Use  \tKafka\n\n- first\n  line, see [the\n  old one](0003-old.md)\n- plain item\n';
    const md = parseMarkdown(text);
    assert.deepEqual(md.headings.map((h) => h.text), ['Use Kafka']);
    assert.deepEqual(md.listItems.map((i) => i.text), ['first line, see the old one', 'plain item']);
    assert.deepEqual(md.links.map((l) => l.text), ['the old one']);
    assert.deepEqual(md.tables, []);
    assert.deepEqual(md.sections[0].children, []);
  });

  it('reports a broken front matter without throwing', () => {
    const md = parseMarkdown('---\nstatus: [unclosed\n---\n# T\n');
    assert.ok(md.frontMatter && md.frontMatter.errors.length > 0);
    assert.deepEqual(md.headings.map((h) => h.text), ['T']);
  });
});
