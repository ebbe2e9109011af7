import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lines } from '../../../../../test/helpers/engine';
import { parseManifest } from '../../parse/manifest';
import { contextAt } from './context';

/** The context at the `|` of a manifest text, in a compact form. */
function at(marked: string): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const context = contextAt(parseManifest('file:///w/a.arch.yaml', text), offset);
  if (!context) return 'none';
  const flags = [context.flow && 'flow', context.seqItem && 'item', context.needsDash && 'dash'].filter(Boolean).join(',');
  return `${context.kind} ${context.path.join('.')} '${text.slice(...context.replace)}'${flags ? ` ${flags}` : ''}`;
}

const head = ['archframe: 1', 'components:', '  api:', '    kind: service'];

describe('cursor context in half-typed manifests', () => {
  it('finds a new key on an empty line inside a map, from the indentation', () => {
    assert.equal(at(lines(...head, '    |')), 'key components.api \'\'');
    assert.equal(at(lines(...head, '  |')), 'key components \'\'');
    assert.equal(at(lines(...head, '|')), 'key  \'\'');
  });

  it('finds a key being typed, even when yaml merges it with the next line', () => {
    assert.equal(at(lines(...head, '    dep|')), 'key components.api \'dep\'');
    assert.equal(at(lines(...head, '    tim|', '    replicas: 2')), 'key components.api \'tim\'');
  });

  it('finds the value after `key: `, empty or half-typed', () => {
    assert.equal(at(lines('archframe: 1', 'components:', '  api:', '    kind: |')), 'value components.api.kind \'\'');
    assert.equal(at(lines('archframe: 1', 'components:', '  api:', '    kind: serv|')), 'value components.api.kind \'serv\'');
  });

  it('finds list items and keys inside list items', () => {
    assert.equal(at(lines(...head, '    dependsOn:', '      - |')), 'value components.api.dependsOn.0 \'\' item');
    assert.equal(at(lines(...head, '    dependsOn:', '      - db', '      - pay|')), 'value components.api.dependsOn.1 \'pay\' item');
    assert.equal(at(lines(...head, '    dependsOn:', '      - target: |')), 'value components.api.dependsOn.0.target \'\'');
    assert.equal(at(lines(...head, '    dependsOn:', '      - target: db', '        |')), 'key components.api.dependsOn.0 \'\'');
    assert.equal(at(lines(...head, '    dependsOn:', '      - target: db', '      |')), 'value components.api.dependsOn.1 \'\' item,dash');
  });

  it('finds keys and values inside flow maps and lists', () => {
    assert.equal(at(lines(...head, '    dependsOn:', '      - { target: db, | }')), 'key components.api.dependsOn.0 \'\' flow');
    assert.equal(at(lines(...head, '    dependsOn:', '      - { target: db, via: | }')), 'value components.api.dependsOn.0.via \'\' flow');
    assert.equal(at(lines(...head, '    decisions: [ADR-1, |]')), 'value components.api.decisions.1 \'\' flow,item');
  });

  it('finds nothing inside a comment', () => {
    assert.equal(at(lines('archframe: 1', '# a comment |')), 'none');
  });
});
