import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { ROOT, run, runOnTerminal, sampleWorkspace, tempWorkspace, type TempWorkspace } from './harness';

const ESC = '\u001b[';

describe('archframe check --format', () => {
  let ws: TempWorkspace;
  before(() => (ws = sampleWorkspace()));
  after(() => ws.remove());

  describe('text', () => {
    it('prints plain file:line:col severity id message lines when piped, files together and in order', () => {
      const { code, stdout, stderr } = run(['check'], ws.dir);
      assert.equal(code, 1);
      assert.deepEqual(stdout.trimEnd().split('\n'), [
        "architecture.yaml:12:5 warning observability-pillars worker 'indexer' has no traces: without all three pillars a failure here cannot be seen, followed across services or explained (set observability traces: true).",
        "architecture.yaml:12:28 info structured-logs 'indexer' writes unstructured logs: they cannot be queried, aggregated or joined with traces by field; write structured (JSON) logs.",
        "architecture.yaml:16:9 error schema-unknown-key Unknown key 'timout' in components.indexer.dependsOn[0]. Did you mean 'timeout'? Allowed: target, via, access, idempotent, idempotencyKey, timeout, retry, circuitBreaker, fallback, distance, parallel, tls.",
        "architecture.yaml:17:3 error single-owner 'orphan' has no owner: when it breaks, nobody is paged and nobody decides; name one team (core).",
        "b.arch.yaml:4:3 error duplicate-name 'api' is already defined in architecture.yaml (as one of the components); names must be unique across the workspace.",
      ]);
      assert.ok(!stdout.includes(ESC), 'no colour codes in piped output');
      assert.match(stderr, /^5 finding\(s\): 3 error\(s\), 1 warning\(s\), 1 info$/m);
      // The docs links of the rules that fired, once each, on stderr.
      assert.match(stderr, /^ {2}schema-unknown-key +file:\/\/\S+\/docs\/rules\/schema-unknown-key\.md$/m);
      assert.equal(stderr.match(/docs\/rules\/schema-unknown-key\.md/g)?.length, 1);
    });

    it('groups findings under their file, coloured, with the rule id linked to its docs, on a terminal', async () => {
      const { code, stdout } = await runOnTerminal(['check'], ws.dir);
      assert.equal(code, 1);
      const plain = stdout.replace(/\u001b\]8;;[^\u0007]*\u0007/g, '').replace(/\u001b\[[0-9;]*m/g, '');
      assert.deepEqual(plain.split('\n').slice(0, 7), [
        'architecture.yaml',
        "  12:5   warning  worker 'indexer' has no traces: without all three pillars a failure here cannot be seen, followed across services or explained (set observability traces: true).  observability-pillars",
        "  12:28  info     'indexer' writes unstructured logs: they cannot be queried, aggregated or joined with traces by field; write structured (JSON) logs.  structured-logs",
        "  16:9   error    Unknown key 'timout' in components.indexer.dependsOn[0]. Did you mean 'timeout'? Allowed: target, via, access, idempotent, idempotencyKey, timeout, retry, circuitBreaker, fallback, distance, parallel, tls.  schema-unknown-key",
        "  17:3   error    'orphan' has no owner: when it breaks, nobody is paged and nobody decides; name one team (core).  single-owner",
        '',
        'b.arch.yaml',
      ]);
      assert.ok(stdout.includes(`${ESC}31merror`), 'errors in red');
      assert.ok(stdout.includes(`${ESC}33mwarning`), 'warnings in yellow');
      assert.match(stdout, /\u001b\]8;;file:\/\/[^\u0007]*\/docs\/rules\/schema-unknown-key\.md\u0007schema-unknown-key\u001b\]8;;\u0007/);
    });

    it('honours NO_COLOR on a terminal and FORCE_COLOR when piped', async () => {
      const noColor = await runOnTerminal(['check'], ws.dir, { NO_COLOR: '1' });
      assert.ok(!noColor.stdout.includes(ESC), 'NO_COLOR: no escape codes');
      assert.match(noColor.stdout, /^architecture\.yaml\n {2}12:5 {3}warning/);
      const forced = run(['check'], ws.dir, { FORCE_COLOR: '1' });
      assert.ok(forced.stdout.includes(`${ESC}31merror${ESC}0m`), 'FORCE_COLOR colours piped output');
      assert.match(forced.stdout.replace(/\u001b\[[0-9;]*m/g, ''), /^architecture\.yaml:16:9 error schema-unknown-key /m);
    });
  });

  describe('json', () => {
    it('prints the documented shape (docs/cli-json.md) with a version, 1-based ranges and elements', () => {
      const { code, stdout } = run(['check', '--format', 'json'], ws.dir);
      assert.equal(code, 1);
      const result = JSON.parse(stdout);
      assert.equal(result.version, 1);
      assert.equal(result.tool.name, 'archframe');
      assert.deepEqual(result.summary, { error: 3, warning: 1, info: 1, hint: 0, total: 5, baselined: 0 });
      assert.deepEqual(
        result.findings.map((f: { ruleId: string; file: string }) => `${f.file} ${f.ruleId}`),
        ['architecture.yaml observability-pillars', 'architecture.yaml structured-logs', 'architecture.yaml schema-unknown-key', 'architecture.yaml single-owner', 'b.arch.yaml duplicate-name'],
      );
      const typo = result.findings[2];
      assert.deepEqual(typo.range, { start: { line: 16, column: 9 }, end: { line: 16, column: 15 } });
      assert.equal(typo.severity, 'error');
      assert.equal(typo.category, 'schema');
      assert.equal(typo.element, 'components.indexer.dependsOn.api.timout', 'a schema finding names the path it is about');
      assert.equal(typo.fixable, true);
      assert.match(typo.docs, /^file:\/\/.*\/docs\/rules\/schema-unknown-key\.md$/);
      assert.equal(result.findings[3].element, 'components.orphan.owner');
      // fixable only where an edit corrects the finding: the editor's "Suppress …" comment does not count.
      assert.deepEqual(result.findings.map((f: { ruleId: string; fixable: boolean }) => `${f.ruleId} ${f.fixable}`), [
        'observability-pillars false',
        'structured-logs true',
        'schema-unknown-key true',
        'single-owner true',
        'duplicate-name false',
      ]);
      const duplicate = result.findings[4];
      assert.equal(duplicate.related.length, 1);
      assert.equal(duplicate.related[0].file, 'architecture.yaml');
      assert.equal(duplicate.related[0].range.start.line, 6);
      // The documented fields are the ones printed.
      const documented = readFileSync(join(ROOT, 'docs/cli-json.md'), 'utf8');
      for (const key of Object.keys(typo)) assert.ok(documented.includes(`findings[].${key}\``), `docs/cli-json.md documents findings[].${key}`);
    });

    it('stays JSON when the environment sets the yaml package\'s debugging switches (LOG_TOKENS, LOG_STREAM)', () => {
      // yaml would print every token and document to stdout; the bundles leave those switches out (scripts/build.mjs).
      const plain = run(['check', '--format', 'json'], ws.dir);
      const switched = run(['check', '--format', 'json'], ws.dir, { LOG_TOKENS: '1', LOG_STREAM: '1' });
      assert.equal(switched.code, 1);
      assert.deepEqual(JSON.parse(switched.stdout).findings, JSON.parse(plain.stdout).findings);
    });
  });

  describe('sarif', () => {
    it('is valid SARIF 2.1.0 (the OASIS JSON schema, as shipped by @microsoft/jest-sarif)', () => {
      const { code, stdout } = run(['check', '--format', 'sarif'], ws.dir);
      assert.equal(code, 1);
      const log = JSON.parse(stdout);
      const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      // unicodeRegExp: false because rtm.5's `language` pattern has a stray ']' that only unicode mode rejects.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      const valid = validate(JSON.parse(stdout));
      assert.ok(valid, JSON.stringify(validate.errors, null, 2));
      // The validator does reject a broken log (so the check above means something).
      assert.equal(validate({ ...log, version: '2.0.0' }), false);
      assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'fatal' }] }] }), false);
    });

    it('describes every rule and places every result the way code scanning reads it', () => {
      const log = JSON.parse(run(['check', '--format', 'sarif'], ws.dir).stdout);
      const listed = JSON.parse(run(['rules', '--format', 'json'], ROOT).stdout).rules;
      const runResult = log.runs[0];
      const rules = runResult.tool.driver.rules;
      assert.equal(log.version, '2.1.0');
      assert.equal(runResult.tool.driver.name, 'archframe');
      assert.deepEqual(rules.map((r: { id: string }) => r.id), listed.map((r: { id: string }) => r.id));
      const pillars = rules.find((r: { id: string }) => r.id === 'observability-pillars');
      assert.equal(pillars.defaultConfiguration.level, 'warning');
      assert.equal(pillars.properties.category, 'axiom-4');
      assert.match(pillars.shortDescription.text, /logs, metrics and traces/);
      assert.match(pillars.fullDescription.text, /Part X/);
      assert.match(pillars.helpUri, /^file:\/\/.*\/docs\/rules\/observability-pillars\.md$/);
      assert.equal(rules.find((r: { id: string }) => r.id === 'structured-logs').defaultConfiguration.level, 'note');

      const results = runResult.results;
      assert.equal(results.length, 5);
      for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
      const typo = results.find((r: { ruleId: string }) => r.ruleId === 'schema-unknown-key');
      assert.equal(typo.level, 'error');
      assert.equal(typo.message.text, "Unknown key 'timout' in components.indexer.dependsOn[0]. Did you mean 'timeout'? Allowed: target, via, access, idempotent, idempotencyKey, timeout, retry, circuitBreaker, fallback, distance, parallel, tls.");
      assert.deepEqual(typo.locations[0].physicalLocation, {
        artifactLocation: { uri: 'architecture.yaml', uriBaseId: 'SRCROOT' },
        region: { startLine: 16, startColumn: 9, endLine: 16, endColumn: 15 },
      });
      assert.equal(runResult.originalUriBaseIds.SRCROOT.uri, `file://${ws.dir}/`);
      assert.equal(results.find((r: { ruleId: string }) => r.ruleId === 'structured-logs').level, 'note');
      const duplicate = results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-name');
      assert.equal(duplicate.locations[0].physicalLocation.artifactLocation.uri, 'b.arch.yaml');
      assert.equal(duplicate.relatedLocations.length, 1);
      assert.equal(duplicate.relatedLocations[0].physicalLocation.artifactLocation.uri, 'architecture.yaml');
      assert.equal(duplicate.relatedLocations[0].physicalLocation.region.startLine, 6);
    });
  });

  describe('github', () => {
    it('prints one workflow command a finding, notice for info, with positions and the rule as title', () => {
      const { code, stdout } = run(['check', '--format', 'github'], ws.dir);
      assert.equal(code, 1);
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.length, 5);
      assert.equal(lines[0], "::warning file=architecture.yaml,line=12,col=5,endLine=12,endColumn=18,title=observability-pillars::worker 'indexer' has no traces: without all three pillars a failure here cannot be seen, followed across services or explained (set observability traces: true).");
      assert.match(lines[1], /^::notice file=architecture\.yaml,line=12,col=28,endLine=12,endColumn=40,title=structured-logs::'indexer' writes unstructured logs/);
      assert.equal(lines[2], "::error file=architecture.yaml,line=16,col=9,endLine=16,endColumn=15,title=schema-unknown-key::Unknown key 'timout' in components.indexer.dependsOn[0]. Did you mean 'timeout'? Allowed: target, via, access, idempotent, idempotencyKey, timeout, retry, circuitBreaker, fallback, distance, parallel, tls.");
    });

    it('escapes data and properties as the workflow-command spec says', () => {
      assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('dir,with:odd%\nname.yaml'), 'dir%2Cwith%3Aodd%25%0Aname.yaml');
    });

    it('escapes a file name with a comma in the printed command', () => {
      const odd = sampleWorkspace();
      try {
        odd.write('a,b.arch.yaml', 'archframe: 1\nsystem: odd\ncomponents:\n  x:\n    kind: library\n    owner: core\n    colour: red\n');
        const { stdout } = run(['check', '--format', 'github', 'a,b.arch.yaml'], odd.dir);
        assert.match(stdout.trimEnd(), /^::error file=a%2Cb\.arch\.yaml,line=7,col=5,endLine=7,endColumn=11,title=schema-unknown-key::Unknown key 'colour' in components\.x\. Allowed: kind, layer, owner/);
      } finally {
        odd.remove();
      }
    });
  });
});

describe('a byte order mark', () => {
  it('does not shift the columns of line 1 in JSON and SARIF (the file is read as the editor reads it)', () => {
    const text = 'archframe: "1"\nsystem: tiny\n';
    const plain = tempWorkspaceOf(text);
    const marked = tempWorkspaceOf('\uFEFF' + text);
    try {
      const columns = (dir: string) => {
        const json = JSON.parse(run(['check', '--format', 'json'], dir).stdout);
        const sarif = JSON.parse(run(['check', '--format', 'sarif'], dir).stdout);
        return [json.findings[0].range.start, sarif.runs[0].results[0].locations[0].physicalLocation.region];
      };
      const [jsonPlain, sarifPlain] = columns(plain.dir);
      assert.equal(sarifPlain.startColumn, 12, 'the version value "1" starts in column 12');
      assert.deepEqual(columns(marked.dir), [jsonPlain, sarifPlain]);
    } finally {
      plain.remove();
      marked.remove();
    }
  });
});

function tempWorkspaceOf(manifest: string): TempWorkspace {
  return tempWorkspace({ 'architecture.yaml': manifest });
}
