import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../client/src/restartPolicy';
import { Engine } from '../../server/src/engine/analysis';
import { RULES } from '../../server/src/engine/rules';
import { defineRule } from '../../server/src/engine/rules/types';
import type { ManifestDocument } from '../../server/src/engine/parse/manifest';
import { Session } from '../../server/src/lsp/session';
import { TestClient } from '../helpers/lspClient';
import { ROOT, uriOf } from '../helpers/engine';

const MANIFEST = ['archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', ''].join('\n');

const throwing = defineRule<ManifestDocument>({
  meta: { id: 'test-throws', category: 'axiom-1', severity: 'error', summary: 'Throws.', reference: 'Part III §1', appliesTo: 'manifest' },
  check() {
    throw new Error('boom in the rule');
  },
});

function engineWithThrowingRule(): Engine {
  const engine = new Engine({ folders: [ROOT], host: { exists: () => false }, rules: [...RULES, throwing] });
  engine.setFile(uriOf('architecture.yaml'), MANIFEST);
  return engine;
}

describe('faults', () => {
  it('a rule that throws becomes one internal-error finding on the file, and the other rules still run', () => {
    const engine = engineWithThrowingRule();
    const findings = engine.findingsFor(uriOf('architecture.yaml'));
    const internal = findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /^Rule 'test-throws' failed on this file and was skipped: boom in the rule$/);
    assert.ok(findings.some((f) => f.ruleId === 'health-check'), 'the other rules ran');
    assert.deepEqual(engine.ruleFailures().map((f) => [f.ruleId, f.uri]), [['test-throws', uriOf('architecture.yaml')]]);
  });

  it('a rule that reported something before it threw is skipped whole: its findings go with it', () => {
    const halfway = defineRule<ManifestDocument>({
      meta: { id: 'test-halfway', category: 'axiom-1', severity: 'error', summary: 'Reports, then throws.', reference: 'Part III §1', appliesTo: 'manifest' },
      check({ document, report }) {
        report({ at: { uri: document.uri, lines: document.lines, span: [0, 9] }, message: 'half a finding' });
        throw new Error('boom after a report');
      },
    });
    const engine = new Engine({ folders: [ROOT], host: { exists: () => false }, rules: [halfway] });
    engine.setFile(uriOf('architecture.yaml'), MANIFEST);
    assert.deepEqual(engine.findingsFor(uriOf('architecture.yaml')).map((f) => f.ruleId), ['internal-error']);
  });

  it('the session logs a rule failure once, with its stack, not on every publication', () => {
    const logged: { level: string; message: string }[] = [];
    const published: { uri: string; diagnostics: { code?: unknown }[] }[] = [];
    const connection = {
      console: {
        error: (message: string) => logged.push({ level: 'error', message }),
        warn: (message: string) => logged.push({ level: 'warn', message }),
        info: (message: string) => logged.push({ level: 'info', message }),
        log: (message: string) => logged.push({ level: 'log', message }),
      },
      sendDiagnostics: (params: { uri: string; diagnostics: { code?: unknown }[] }) => published.push(params),
    };
    const session = new Session(connection as never);
    session.engine = engineWithThrowingRule();
    session.publish();
    session.engine.setFile(uriOf('architecture.yaml'), MANIFEST + '  web:\n    kind: frontend\n');
    session.publish();
    const errors = logged.filter((l) => l.level === 'error');
    assert.equal(errors.length, 1, JSON.stringify(logged));
    assert.match(errors[0].message, /rule 'test-throws' failed on file:\/\/\/workspace\/architecture\.yaml and was skipped: Error: boom in the rule\n\s+at /);
    assert.ok(published.every((p) => p.diagnostics.filter((d) => d.code === 'internal-error').length === 1));
  });

  it('the client restarts a crashed server four times in three minutes, then stops and says why', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    for (let i = 0; i < 4; i++) {
      now += 10_000;
      assert.deepEqual(policy.closed(), { restart: true });
    }
    now += 10_000;
    const fifth = policy.closed();
    assert.equal(fifth.restart, false);
    assert.match((fifth as { message: string }).message, /stopped 5 times in the last 3 minutes and will not be restarted/);
    // Crashes spread out over time keep being restarted.
    const spread = new RestartPolicy(4, 180_000, () => now);
    for (let i = 0; i < 10; i++) {
      now += 60_000;
      assert.deepEqual(spread.closed(), { restart: true });
    }
    assert.equal(policy.error(1), 'continue');
    assert.equal(policy.error(4), 'shutdown');
  });

  it('after a crash, a new server given the open documents again publishes what the old one did', async () => {
    const folder = 'file:///tmp/archframe-crash-no-such-folder';
    const first = new TestClient();
    await first.initialize(folder);
    first.open(`${folder}/architecture.yaml`, MANIFEST);
    const before = await first.waitForDiagnostics(`${folder}/architecture.yaml`, (d) => d.length > 0);
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    assert.notEqual(first.process.signalCode, null);
    // What the client does on restart: initialize a new server, send didOpen for every open document.
    const restarted = new TestClient();
    await restarted.initialize(folder);
    restarted.open(`${folder}/architecture.yaml`, MANIFEST);
    const diagnostics = await restarted.waitForDiagnostics(`${folder}/architecture.yaml`, (d) => d.length > 0);
    assert.deepEqual(diagnostics, before);
    await restarted.shutdown();
    first.connection.dispose();
  });
});
