import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run, tempWorkspace, type TempWorkspace } from './harness';

/** Team policies through the CLI: check, suppression, severity, baselines, SARIF, JSON, rules and explain. */

const CONFIG = [
  'extends: policies/platform.yaml',
  'policies:',
  '  - id: frontend-no-datastore',
  '    severity: error',
  '    message: Frontends reach data through a service.',
  '    forbid:',
  '      from: { kind: frontend }',
  '      to: { element: datastore }',
  '',
].join('\n');

const PLATFORM = ['policies:', '  - id: services-traced', '    severity: warning', '    message: Every service sends traces.', '    require:', '      of: { element: component, kind: service }', '      fields: [observability.traces]', ''].join('\n');

const MANIFEST = [
  'archframe: 1',
  'system: shop',
  'teams: { shop: {} }',
  'components:',
  '  web: { kind: frontend, owner: shop, dependsOn: [{ target: orders-db, via: database, timeout: 1s }] }',
  '  api: { kind: service, owner: shop }',
  'datastores:',
  '  orders-db: { engine: postgresql, owner: api }',
  '',
].join('\n');

const policyLines = (stdout: string) => stdout.split('\n').filter((line) => line.includes(' policy'));

describe('archframe and team policies', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = tempWorkspace({ '.archframe.yaml': CONFIG, 'policies/platform.yaml': PLATFORM, 'architecture.yaml': MANIFEST });
  });
  after(() => ws.remove());

  it('check reports each policy with its code, severity and message, an extended file\'s too', () => {
    const { code, stdout } = run(['check', '.'], ws.dir);
    assert.equal(code, 1);
    assert.deepEqual(policyLines(stdout), [
      "architecture.yaml:5:61 error policy/frontend-no-datastore Frontends reach data through a service. ('web' depends on datastore 'orders-db' via database.)",
      "architecture.yaml:6:3 warning policy/services-traced Every service sends traces. ('api' does not set observability.traces.)",
    ]);
  });

  it('a severity override in rules: and a suppression comment with a reason apply to policies', () => {
    const local = tempWorkspace({
      '.archframe.yaml': CONFIG + 'rules:\n  policy/services-traced: off\nsuppressions:\n  requireReason: true\n',
      'policies/platform.yaml': PLATFORM,
      'architecture.yaml': MANIFEST.replace('  web:', '  # archframe-disable-next-line policy/frontend-no-datastore -- the legacy storefront, until ADR-7 lands\n  web:'),
    });
    try {
      const { stdout } = run(['check', '.'], local.dir);
      assert.deepEqual(policyLines(stdout), []);
      assert.doesNotMatch(stdout, /unused-suppression/);
    } finally {
      local.remove();
    }
  });

  it('baselines absorb policy findings by rule and element, and let a new one through', () => {
    const local = tempWorkspace({ '.archframe.yaml': CONFIG, 'policies/platform.yaml': PLATFORM, 'architecture.yaml': MANIFEST });
    try {
      run(['check', '--write-baseline', 'baseline.json'], local.dir);
      const baseline = JSON.parse(readFileSync(join(local.dir, 'baseline.json'), 'utf8'));
      assert.deepEqual(
        baseline.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('policy/')),
        [
          { ruleId: 'policy/frontend-no-datastore', file: 'architecture.yaml', element: 'components.web.dependsOn.orders-db', count: 1 },
          { ruleId: 'policy/services-traced', file: 'architecture.yaml', element: 'components.api', count: 1 },
        ],
      );
      local.write('architecture.yaml', MANIFEST.replace('  api: { kind: service, owner: shop }', '  api: { kind: service, owner: shop }\n  search: { kind: service, owner: shop }'));
      const { stdout } = run(['check', '--baseline', 'baseline.json'], local.dir);
      assert.deepEqual(policyLines(stdout), ["architecture.yaml:7:3 warning policy/services-traced Every service sends traces. ('search' does not set observability.traces.)"]);
    } finally {
      local.remove();
    }
  });

  it('SARIF describes each policy as a rule: its message as the description, its definition as help', () => {
    const { stdout } = run(['check', '--format', 'sarif', '.'], ws.dir);
    const [runLog] = JSON.parse(stdout).runs;
    const rule = runLog.tool.driver.rules.find((r: { id: string }) => r.id === 'policy/services-traced');
    assert.equal(rule.shortDescription.text, 'Every service sends traces.');
    assert.match(rule.fullDescription.text, /\(team policy, policies\/platform\.yaml:2\)$/);
    assert.match(rule.help.markdown, /```yaml\n- id: services-traced\n {2}severity: warning/);
    assert.match(rule.helpUri, /docs\/policies\.md$/);
    assert.equal(rule.defaultConfiguration.level, 'warning');
    const result = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'policy/services-traced');
    assert.equal(runLog.tool.driver.rules[result.ruleIndex].id, 'policy/services-traced');
  });

  it('JSON gives a policy finding its category', () => {
    const { stdout } = run(['check', '--format', 'json', '.'], ws.dir);
    const finding = JSON.parse(stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'policy/frontend-no-datastore');
    assert.equal(finding.category, 'policy');
    assert.match(finding.docs, /docs\/policies\.md$/);
  });

  it('rules lists the policies, marked as team policies, with where they are declared', () => {
    const { code, stdout } = run(['rules'], ws.dir);
    assert.equal(code, 0);
    assert.match(stdout, /\n {2}policy\/frontend-no-datastore +error +Frontends reach data through a service\. \(team policy, \.archframe\.yaml:3\)\n/);
    assert.match(stdout, /\n {2}policy\/services-traced +warning +Every service sends traces\. \(team policy, policies\/platform\.yaml:2\)\n/);
    assert.match(stdout, / rules and 2 team policies\./);
    const json = JSON.parse(run(['rules', '--format', 'json'], ws.dir).stdout);
    assert.deepEqual(
      json.rules.filter((r: { policy?: boolean }) => r.policy).map((r: { id: string; declaredIn: string; category: string }) => [r.id, r.category, r.declaredIn]),
      [
        ['policy/frontend-no-datastore', 'policy', '.archframe.yaml:3'],
        ['policy/services-traced', 'policy', 'policies/platform.yaml:2'],
      ],
    );
  });

  it('explain policy/<id> prints its definition and where it is declared; a typo gets a did-you-mean', () => {
    const { code, stdout } = run(['explain', 'policy/services-traced'], ws.dir);
    assert.equal(code, 0);
    assert.match(stdout, /^policy\/services-traced · team policy · Team policies · default severity warning\nDeclared in policies\/platform\.yaml:2\n\nEvery service sends traces\.\n\n- id: services-traced\n/);
    const typo = run(['explain', 'policy/services-trace'], ws.dir);
    assert.equal(typo.code, 1);
    assert.match(typo.stderr, /Did you mean 'policy\/services-traced'\?/);
  });

  it('a cycle of extends is an error on the entry that closes it', () => {
    const local = tempWorkspace({ '.archframe.yaml': CONFIG, 'policies/platform.yaml': 'extends: ../.archframe.yaml\n' + PLATFORM, 'architecture.yaml': MANIFEST });
    try {
      const { stdout } = run(['check', '.'], local.dir);
      assert.match(stdout, /policies\/platform\.yaml:1:10 error policy-reference extends cycle: \.archframe\.yaml → policies\/platform\.yaml → \.archframe\.yaml\./);
    } finally {
      local.remove();
    }
  });
});
