import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf } from '../../../../test/helpers/engine';
import { applyEdits } from '../fixes/yamlEdits';
import { parseManifest } from '../parse/manifest';
import { LineIndex } from '../text/lineIndex';
import { templateById } from '../templates';
import { expandSnippet } from '../templates/snippet';
import type { DocumentKind } from '../workspace/classify';
import { planPostmortem, planRunbook, runbookCandidates, templatesForFile } from './operations';
import { displayName } from '../templates/runbookFill';

const MANIFEST = lines(
  'archframe: 1',
  'system: shop',
  'teams:',
  '  platform: { type: platform, oncall: platform-primary }',
  '  storefront: { type: stream-aligned }',
  'components:',
  '  api-gateway:',
  '    kind: gateway',
  '    owner: platform',
  '    description: Public entry point of the shop API',
  '    exposure: public',
  '    replicas: 2',
  '    deployment: blue-green',
  '    observability: { healthCheck: /ready, alerts: burn-rate }',
  '    slo: { availability: 99.9, latencyP99: 200ms, errorRate: 1 }',
  '    dependsOn:',
  '      - target: catalog',
  '        via: http',
  '        timeout: 300ms',
  '      - { target: orders-db, via: database, timeout: 100ms, access: read }',
  '  catalog:',
  '    kind: service',
  '    owner: storefront',
  '    runbook: ops/catalog-runbook.md',
  '  worker:',
  '    kind: worker',
  'datastores:',
  '  orders-db: { owner: catalog }',
);

function workspace(extra: Record<string, string> = {}, otherFiles: string[] = []) {
  return engineFor({ 'architecture.yaml': MANIFEST, ...extra }, {}, otherFiles).snapshot();
}

describe('New Runbook planning', () => {
  it('fills Overview from description, owner and on-call, Dependencies from dependsOn, one issue per SLO objective', () => {
    const plan = planRunbook(workspace(), 'api-gateway');
    assert.ok(plan.ok, JSON.stringify(plan));
    assert.equal(plan.file!.uri, uriOf('docs/runbooks/api-gateway.md'));
    assert.equal(plan.file!.path, 'docs/runbooks/api-gateway.md');
    const text = plan.file!.text;
    assert.match(text, /^# API Gateway: Runbook\n\n## Overview\n\nPublic entry point of the shop API\. api-gateway is a public gateway \(2 replicas, deployed blue-green\)\. Owned by the platform team; on-call rotation: platform-primary\. Health check: `\/ready`\.\n/);
    assert.match(text, /## Dependencies\n\n- catalog \(http, 300ms timeout\)\n- orders-db \(database, read, 100ms timeout\)\n\n## Common Issues/);
    const issues = [...text.matchAll(/^### Issue: (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(issues, ['High latency', 'Availability below 99.9 %', 'Error rate above 1 %']);
    assert.match(text, /\*\*Symptoms:\*\* P99 above 200 ms \(the SLO\); the burn-rate alert fires\./);
    assert.match(text, /switch traffic back to the previous \(blue\) environment/);
    assert.equal(text.match(/\*\*(Symptoms|Diagnosis|Resolution):\*\*/g)?.length, 9, 'each issue has Symptoms, Diagnosis and Resolution');
    assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax left in a file');
  });

  it('links the new runbook from the manifest with a `runbook:` key, leaving the rest of the manifest as it was', () => {
    const plan = planRunbook(workspace(), 'api-gateway');
    assert.ok(plan.ok);
    assert.equal(plan.edits.length, 1);
    const after = applyEdits(MANIFEST, new LineIndex(MANIFEST), plan.edits);
    const last = '      - { target: orders-db, via: database, timeout: 100ms, access: read }\n';
    assert.equal(after, MANIFEST.replace(last, `${last}    runbook: docs/runbooks/api-gateway.md\n`));
    assert.deepEqual(parseManifest(uriOf('architecture.yaml'), after).problems, []);
  });

  it('writes to the path the component declares as its runbook, without touching the manifest', () => {
    const plan = planRunbook(workspace(), 'catalog');
    assert.ok(plan.ok);
    assert.equal(plan.file!.path, 'ops/catalog-runbook.md');
    assert.deepEqual(plan.edits, []);
    assert.match(plan.file!.text, /^# Catalog: Runbook\n/);
    // No SLO: one issue to fill in, from the template.
    assert.deepEqual([...plan.file!.text.matchAll(/^### Issue: (.+)$/gm)].map((m) => m[1]), ['High latency']);
  });

  it('uses the configured runbooks folder', () => {
    const plan = planRunbook(workspace({ '.archframe.yaml': 'folders: { runbooks: [ops/runbooks, runbooks] }\n' }), 'api-gateway');
    assert.ok(plan.ok);
    assert.equal(plan.file!.path, 'ops/runbooks/api-gateway.md');
  });

  it('refuses to overwrite an existing runbook and says where it is', () => {
    const plan = planRunbook(workspace({}, ['docs/runbooks/api-gateway.md']), 'api-gateway');
    assert.deepEqual(plan, { ok: false, message: 'api-gateway already has a runbook: docs/runbooks/api-gateway.md. It was left as it is.', existing: uriOf('docs/runbooks/api-gateway.md') });
    assert.equal(planRunbook(workspace(), 'nope').ok, false);
  });

  it('lists the components for the quick pick, those without a runbook first', () => {
    const candidates = runbookCandidates(workspace({}, ['ops/catalog-runbook.md']));
    assert.deepEqual(candidates.map((c) => [c.name, c.owner, c.runbook !== undefined]), [
      ['api-gateway', 'platform', false],
      ['worker', undefined, false],
      ['catalog', 'storefront', true],
    ]);
  });

  it('names the service in the title so that it kebab-cases back to the component', () => {
    assert.equal(displayName('api-gateway'), 'API Gateway');
    assert.equal(displayName('orders-db-sync'), 'Orders DB Sync');
  });
});

describe('New Postmortem planning', () => {
  it('names the file date + kebab-case title and fills the title, the date and the seven sections', () => {
    const plan = planPostmortem(workspace(), '  Checkout outage: payments down! ', '2025-07-01');
    assert.ok(plan.ok);
    assert.equal(plan.file!.path, 'docs/postmortems/2025-07-01-checkout-outage-payments-down.md');
    const text = plan.file!.text;
    assert.match(text, /^# Checkout outage: payments down!\n\n- Date: 2025-07-01\n/);
    assert.deepEqual([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]), ['Summary', 'Impact', 'Timeline', 'Root Cause', 'What Went Well', 'What Went Poorly', 'Action Items']);
    assert.match(text, /\| Action \| Owner \| Due \|\n\|---\|---\|---\|\n\| .+ \| @owner \| YYYY-MM-DD \|/);
    assert.doesNotMatch(text, /\$\{|\$[A-Z0-9]/);
  });

  it('never overwrites: picks the next free name', () => {
    const plan = planPostmortem(workspace({}, ['docs/postmortems/2025-07-01-db-failover.md', 'docs/postmortems/2025-07-01-db-failover-2.md']), 'DB failover', '2025-07-01');
    assert.ok(plan.ok);
    assert.equal(plan.file!.path, 'docs/postmortems/2025-07-01-db-failover-3.md');
  });

  it('uses the configured folder, keeps a chosen severity, and refuses an empty title', () => {
    const plan = planPostmortem(workspace({ '.archframe.yaml': 'folders: { postmortems: incidents }\n' }), 'Ünïcode façade', '2025-07-01', 'SEV2');
    assert.ok(plan.ok);
    assert.equal(plan.file!.path, 'incidents/2025-07-01-unicode-facade.md');
    assert.match(plan.file!.text, /- Severity: SEV2\n/);
    assert.equal(planPostmortem(workspace(), '   ', '2025-07-01').ok, false);
  });
});

describe('what the commands and templates write is clean under the runbook and postmortem rules', () => {
  const OPERATIONS_RULES = ['runbook-sections', 'runbook-drift', 'postmortem-sections', 'action-item-owner', 'timeline-order', 'blameless-language'];
  const findings = (path: string, text: string) =>
    engineFor({ 'architecture.yaml': MANIFEST, [path]: text })
      .findingsFor(uriOf(path))
      .filter((f) => OPERATIONS_RULES.includes(f.ruleId))
      .map((f) => `${f.ruleId}: ${f.message}`);

  it('New Runbook (with and without SLOs) and New Postmortem', () => {
    for (const name of ['api-gateway', 'catalog', 'worker']) {
      const plan = planRunbook(workspace(), name);
      assert.ok(plan.ok);
      assert.deepEqual(findings(plan.file!.path, plan.file!.text), [], name);
    }
    const plan = planPostmortem(workspace(), 'DB failover', '2025-07-01');
    assert.ok(plan.ok);
    assert.deepEqual(findings(plan.file!.path, plan.file!.text), []);
  });

  it('the runbook and postmortem snippets expanded with their defaults', () => {
    assert.deepEqual(findings('docs/runbooks/new.md', expandSnippet(templateById('runbook')!.body)), []);
    assert.deepEqual(findings('docs/postmortems/new.md', expandSnippet(templateById('postmortem')!.body, { CURRENT_YEAR: '2025', CURRENT_MONTH: '07', CURRENT_DATE: '01' })), []);
  });
});

describe('Insert Template choices', () => {
  const ids = (kind: DocumentKind | undefined, languageId = 'markdown', text = '# x\n') => templatesForFile(kind, languageId, text).map((t) => t.id);

  it('offers manifest snippets in manifests and the Markdown templates of the document\'s kind elsewhere', () => {
    assert.deepEqual(ids('manifest', 'archframe-manifest'), ['component', 'dependency', 'datastore', 'channel', 'slo']);
    assert.deepEqual(ids(undefined, 'archframe-manifest'), ['component', 'dependency', 'datastore', 'channel', 'slo']);
    assert.deepEqual(ids('runbook'), ['runbook-issue', 'incident-update', 'runbook']);
    assert.deepEqual(ids('postmortem'), ['incident-update', 'action-item', 'postmortem']);
    assert.deepEqual(ids('adr'), ['adr', 'adr-nygard', 'adr-madr']);
    assert.equal(ids(undefined).length, 8);
    assert.deepEqual(ids(undefined, 'plaintext'), []);
  });

  it('puts whole-document templates first in an empty file', () => {
    assert.deepEqual(ids('runbook', 'markdown', ''), ['runbook', 'runbook-issue', 'incident-update']);
  });
});
