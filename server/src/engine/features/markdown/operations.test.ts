import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../../test/helpers/engine';
import type { PostmortemDocument, RunbookDocument } from '../../parse/operations';
import { operationsFeatures } from './operations';

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'components:',
  '  api-gateway:',
  '    kind: gateway',
  '    owner: platform',
  '    dependsOn:',
  '      - { target: catalog, via: http, timeout: 300ms }',
  '      - { target: checkout, via: http }',
  '  catalog: { kind: service }',
  '  checkout: { kind: service }',
  'datastores:',
  '  orders-db: { owner: checkout }',
);
const RUNBOOK = lines('# API Gateway: Runbook', '', '## Overview', '', 'Entry.', '', '## Dependencies', '', '- catalog', '- ', '', '## Common Issues', '', '### Issue: Slow', '', '**Symptoms:** slow.', '', '');
const POSTMORTEM = lines('# Outage', '', '## Summary', '', 'x', '', '## Root Cause', '', 'It was human error, and `blame` in code is fine.', '', '#');

function setup() {
  const engine = engineFor({ 'architecture.yaml': MANIFEST, 'docs/runbooks/api-gateway.md': RUNBOOK, 'docs/postmortems/2025-01-01-outage.md': POSTMORTEM });
  const workspace = engine.snapshot();
  return {
    workspace,
    runbook: workspace.document(uriOf('docs/runbooks/api-gateway.md')) as RunbookDocument,
    postmortem: workspace.document(uriOf('docs/postmortems/2025-01-01-outage.md')) as PostmortemDocument,
  };
}

describe('runbook and postmortem hovers', () => {
  const { workspace, runbook, postmortem } = setup();
  const hover = (document: RunbookDocument | PostmortemDocument, text: string, delta = 1) => operationsFeatures.hover!(workspace, document, document.text.indexOf(text) + delta);

  it('explains a runbook section from the framework, with the manifest\'s dependencies under Dependencies', () => {
    const dependencies = hover(runbook, '## Dependencies', 4)!;
    assert.match(dependencies.markdown, /^\*\*Dependencies\*\* · Part XXIV §3, Runbook Structure/);
    assert.match(dependencies.markdown, /The manifest declares for `api-gateway`:\n\n- catalog \(http, 300ms timeout\)\n- checkout \(http\)/);
    assert.equal(runbook.text.slice(dependencies.span[0], dependencies.span[1]), 'Dependencies');
  });

  it('says which component the runbook belongs to, and which parts an issue lacks', () => {
    assert.match(hover(runbook, '# API Gateway')!.markdown, /belongs to the component `api-gateway` \(owner: platform\)/);
    assert.match(hover(runbook, '### Issue: Slow', 6)!.markdown, /Missing: Diagnosis, Resolution\./);
    assert.match(hover(runbook, '**Symptoms:**', 3)!.markdown, /^\*\*Symptoms\*\*/);
  });

  it('explains a flagged phrase with the question to ask instead, and a postmortem section', () => {
    const blame = hover(postmortem, 'human error', 3)!;
    assert.equal(postmortem.text.slice(blame.span[0], blame.span[1]), 'human error');
    assert.match(blame.markdown, /"What allowed this to happen\?"/);
    assert.match(blame.markdown, /Appendix D §3/);
    assert.match(hover(postmortem, '## Root Cause', 4)!.markdown, /^\*\*Root Cause\*\* · Appendix D §3/);
    assert.match(hover(postmortem, '# Outage')!.markdown, /Missing sections: Impact, Timeline, What Went Well, What Went Poorly, Action Items\./);
    assert.equal(hover(postmortem, 'x\n'), undefined);
  });
});

describe('runbook and postmortem completion', () => {
  const { workspace, runbook, postmortem } = setup();

  it('offers the declared dependencies not yet listed first, written from the manifest, then other elements', () => {
    const offset = runbook.text.indexOf('- \n') + 2;
    const items = operationsFeatures.completions!(workspace, runbook, offset);
    assert.deepEqual(items.map((c) => [c.label, c.insertText]), [['checkout', 'checkout (http)'], ['orders-db', 'orders-db']]);
    assert.deepEqual(items[0].replace, [offset, offset]);
  });

  it('offers the missing issue parts inside an issue', () => {
    const end = runbook.text.length - 1;
    assert.deepEqual(operationsFeatures.completions!(workspace, runbook, end).map((c) => c.label), ['**Diagnosis:**', '**Resolution:**']);
  });

  it('offers the missing postmortem sections at a heading, with their template text', () => {
    const items = operationsFeatures.completions!(workspace, postmortem, postmortem.text.length - 1);
    assert.deepEqual(items.map((c) => c.label), ['## Impact', '## Timeline', '## What Went Well', '## What Went Poorly', '## Action Items']);
    assert.match(items[4].insertText!, /^## Action Items\n\n\| Action \| Owner \| Due \|/);
    assert.ok(items.every((c) => c.snippet && c.replace![0] === postmortem.text.lastIndexOf('#')));
  });
});
