import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from './lineIndex';

describe('LineIndex', () => {
  it('converts offsets to positions and back over LF, CRLF and lone CR line breaks', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((line) => lines.lineText(line)), ['one', 'two', 'three', 'four']);
    const four = text.indexOf('four');
    assert.deepEqual(lines.position(four + 2), { line: 3, character: 2 });
    assert.equal(lines.offset({ line: 3, character: 2 }), four + 2);
    assert.deepEqual(lines.range([text.indexOf('two'), text.indexOf('three') + 2]), { start: { line: 1, character: 0 }, end: { line: 2, character: 2 } });
    // The end of a line's content comes before its CRLF.
    assert.equal(lines.lineEnd(1), text.indexOf('\r\n'));
  });

  it('clamps positions outside the text', () => {
    const lines = new LineIndex('ab\ncd\n');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.position(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.position(99), { line: 2, character: 0 });
    assert.equal(lines.offset({ line: 0, character: 40 }), 2);
    assert.equal(lines.offset({ line: 7, character: 0 }), 6);
    assert.equal(lines.offset({ line: -1, character: 3 }), 0);
    assert.equal(lines.lineStart(9), 6);
  });

  it('finds the same lines in text without a CR (searched with indexOf) as in text with one (read character by character)', () => {
    const text = '\nab\n\ncd\nlast';
    const plain = new LineIndex(text);
    const withCr = new LineIndex(text + '\r');
    assert.equal(plain.lineCount, 5);
    assert.equal(withCr.lineCount, plain.lineCount + 1, 'the CR ends the last line');
    for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(withCr.position(offset), plain.position(offset), `offset ${offset}`);
  });

  it('reads an empty text as one empty line', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    assert.deepEqual(lines.position(0), { line: 0, character: 0 });
    assert.equal(lines.lineText(0), '');
  });
});
