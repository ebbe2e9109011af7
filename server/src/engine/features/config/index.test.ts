import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, findingsOf, lines, spanText, uriOf } from '../../../../../test/helpers/engine';
import type { ConfigDocument } from '../../parse/config';
import { featuresFor } from '../index';

/** The text with `|` marking the cursor. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const engine = engineFor({ '.archframe.yaml': text });
  const workspace = engine.snapshot();
  const document = workspace.document(uriOf('.archframe.yaml')) as ConfigDocument;
  return { workspace, document, offset, features: featuresFor(document) };
}

describe('.archframe.yaml editor features', () => {
  it('completes the top-level keys that are not there yet', () => {
    const { features, workspace, document, offset } = at(lines('rules: {}', '|'));
    const labels = features.completions!(workspace, document, offset).map((c) => c.label);
    assert.deepEqual(labels.sort(), ['adr', 'extends', 'folders', 'ignore', 'maxFileSize', 'policies', 'sources', 'suppressions']);
  });

  it('completes rule ids under rules:, with their summaries', () => {
    const { features, workspace, document, offset } = at(lines('rules:', '  health-check: off', '  sync|'));
    const items = features.completions!(workspace, document, offset);
    const single = items.find((c) => c.label === 'single-owner');
    assert.ok(single, 'single-owner is offered');
    assert.match(single.detail!, /Operations · default error/);
    assert.match(single.documentation!, /exactly one owning team/);
    assert.equal(single.insertText, 'single-owner: ');
    assert.ok(!items.some((c) => c.label === 'health-check'), 'rules already configured are not offered again');
    assert.equal(document.text.slice(...items[0].replace!), 'sync');
  });

  it('completes severities as the value of a rule id, the default preselected', () => {
    const { features, workspace, document, offset } = at(lines('rules:', '  runbook: |'));
    const items = features.completions!(workspace, document, offset);
    assert.deepEqual(items.map((c) => c.label), ['error', 'warning', 'info', 'hint', 'off']);
    assert.equal(items.find((c) => c.preselect)?.label, 'warning');
  });

  it('completes the keys of a nested map and the ADR formats', () => {
    const nested = at(lines('suppressions:', '  |'));
    assert.deepEqual(nested.features.completions!(nested.workspace, nested.document, nested.offset).map((c) => c.label), ['requireReason']);
    const format = at(lines('adr:', '  format: |'));
    assert.deepEqual(format.features.completions!(format.workspace, format.document, format.offset).map((c) => c.label), ['nygard', 'framework', 'madr', 'log4brains']);
  });

  it('hovers a rule id with its summary and docs page, and a top-level key with its description', () => {
    const { features, workspace, document } = at(lines('rules:', '  public-auth: warning', 'ignore: ["vendor/**"]|'));
    const rule = features.hover!(workspace, document, document.text.indexOf('public-auth') + 3)!;
    assert.match(rule.markdown, /\*\*public-auth\*\* \(Security, default `error`\)/);
    assert.match(rule.markdown, /docs\/rules\/public-auth\.md/);
    assert.equal(document.text.slice(...rule.span), 'public-auth');
    const key = features.hover!(workspace, document, document.text.indexOf('ignore') + 1)!;
    assert.match(key.markdown, /\*\*ignore\*\*: Globs/);
  });

  it('reports an unknown rule id on its key with a did-you-mean, and ignores it', () => {
    const config = lines('rules:', '  single-ownr: off', '  health-check: off');
    const files = { '.archframe.yaml': config, 'architecture.yaml': lines('archframe: 1', 'system: x', 'components:', '  api: { kind: service }') };
    const engine = engineFor(files);
    const [finding, ...rest] = findingsOf(engine, '.archframe.yaml');
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'schema-enum');
    assert.equal(spanText(files, '.archframe.yaml', finding), 'single-ownr');
    assert.match(finding.message, /Did you mean 'single-owner'\?/);
    // The known id still applies.
    assert.deepEqual(findingsOf(engine, 'architecture.yaml', 'health-check'), []);
    assert.deepEqual(engine.configFor(uriOf('architecture.yaml')).rules, { 'health-check': 'off' });
  });
});
