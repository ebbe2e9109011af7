import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileUri } from '../../server/src/engine/text/uri';
import { loadWorkspace } from '../../server/src/node/loadWorkspace';
import { ROOT, run } from './harness';

describe('dogfooding: archframe checks its own repository', () => {
  it('archframe check at the project root finds no error and no warning (info allowed)', () => {
    const { code, stdout, stderr } = run(['check', '--fail-on', 'warning', '--format', 'json']);
    const result = JSON.parse(stdout);
    const serious = result.findings.filter((f: { severity: string }) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      serious.map((f: { file: string; range: { start: { line: number } }; ruleId: string; message: string }) => `${f.file}:${f.range.start.line} ${f.ruleId} ${f.message}`),
      [],
    );
    assert.equal(code, 0, stderr);
  });

  it('checks the project\'s own documents and none of the deliberate mistakes (examples, fixtures)', () => {
    // A finding-free run proves little if nothing was read: look at what the same loader reads.
    const engine = loadWorkspace([fileUri(ROOT)]);
    assert.equal(engine.document(fileUri(join(ROOT, 'architecture.yaml')))?.kind, 'manifest');
    const adrs = readdirSync(join(ROOT, 'docs/adr')).filter((f) => /^\d{4}-.*\.md$/.test(f));
    assert.ok(adrs.length >= 8, 'the project keeps its decisions in docs/adr');
    for (const adr of adrs) assert.equal(engine.document(fileUri(join(ROOT, 'docs/adr', adr)))?.kind, 'adr', adr);
    const examples = run(['check', 'examples']);
    assert.equal(examples.code, 1, 'the examples do hold errors');
    assert.ok(![...engine.findings().keys()].some((uri) => uri.includes('/examples/') || uri.includes('/fixtures/')), 'examples and fixtures are ignored');
  });
});
