import assert from 'node:assert/strict';
import { it } from 'node:test';
import { engineFor, findingsOf, lines, uriOf } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const head = ['archframe: 1', 'system: shop', 'teams:', '  checkout: {}', 'components:'];
const api = ['  api:', '    kind: service', '    description: Takes orders.', '    owner: checkout', '    slo: { availability: 99.9 }'];
const deps = ['    dependsOn:', '      - { target: db, via: database, timeout: 200ms }', 'datastores:', '  db: { engine: postgresql }'];

ruleTests('runbook', {
  valid: [
    { name: 'a runbook that exists', manifest: lines(...head, ...api, '    runbook: docs/runbooks/api.md'), otherFiles: ['docs/runbooks/api.md'] },
    { name: 'a job with an slo needs none', manifest: lines(...head, '  nightly:', '    kind: job', '    slo: { availability: 99 }') },
    {
      name: 'a manifest in a subfolder resolves from the workspace folder',
      files: { 'services/shop.arch.yaml': lines(...head, ...api, '    runbook: docs/runbooks/api.md') },
      otherFiles: ['docs/runbooks/api.md'],
    },
  ],
  invalid: [
    {
      name: 'an slo without a runbook: the fix adds the key',
      manifest: lines(...head, ...api, ...deps),
      findings: [{ text: 'api', message: /has an slo but no runbook/ }],
      fixed: lines(...head, ...api, ...deps.slice(0, 2), '    runbook: docs/runbooks/api.md', ...deps.slice(2)),
    },
    {
      name: 'a runbook path that does not exist',
      manifest: lines(...head, ...api, '    runbook: docs/runbooks/missing.md'),
      findings: [{ text: 'docs/runbooks/missing.md', message: /does not exist/ }],
    },
  ],
});

it('runbook: the quick fix creates the runbook from the template, and the finding goes away', () => {
  const manifest = lines(...head, ...api, ...deps);
  const engine = engineFor({ 'architecture.yaml': manifest });
  const [finding] = findingsOf(engine, 'architecture.yaml', 'runbook');
  const fix = finding.fixes![0];
  assert.equal(fix.title, 'Create docs/runbooks/api.md from the runbook template');
  const [file] = fix.createFiles!;
  assert.equal(file.uri, uriOf('docs/runbooks/api.md'));
  assert.match(file.text, /^# API: Runbook\n\n## Overview\n\nTakes orders\.[^\n]*Owned by the checkout team\.\n\n## Dependencies\n\n- db \(database, 200ms timeout\)\n\n## Common Issues\n\n### Issue: /);
  assert.match(file.text, /\*\*Symptoms:\*\*[^]*\*\*Diagnosis:\*\*[^]*\*\*Resolution:\*\*/);
  const fixedManifest = manifest.replace("timeout: 200ms }\n", "timeout: 200ms }\n    runbook: docs/runbooks/api.md\n");
  const after = engineFor({ 'architecture.yaml': fixedManifest, 'docs/runbooks/api.md': file.text });
  assert.deepEqual(findingsOf(after, 'architecture.yaml', 'runbook'), []);
  // The created runbook is itself a well-formed runbook (no runbook-sections finding, when that rule exists).
  assert.deepEqual(findingsOf(after, 'docs/runbooks/api.md', 'runbook-sections').map((f) => f.message), []);
});
