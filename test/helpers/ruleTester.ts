import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineSettings } from '../../server/src/engine/analysis';
import { applyEdits } from '../../server/src/engine/fixes/yamlEdits';
import type { Finding, Severity } from '../../server/src/engine/model/findings';
import { ruleById } from '../../server/src/engine/rules';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { engineFor, uriOf, type Files } from './engine';

/**
 * ESLint's RuleTester, for archframe: each case is a workspace (one manifest,
 * or several files), and the expected findings of the rule under test are
 * named by the exact text they cover.
 */

export interface ExpectedFinding {
  /** The exact text the finding's range covers. */
  text: string;
  /** The file it lands in (default: the case's main file). */
  file?: string;
  /** 1-based line, to tell identical texts apart. */
  line?: number;
  /** What the message must say (required, as ESLint's RuleTester requires a message or messageId). */
  message: RegExp;
  severity?: Severity;
}

export interface RuleCase {
  name: string;
  /** Shorthand for a single `architecture.yaml`. */
  manifest?: string;
  files?: Files;
  /** Files that exist but are not analysed (e.g. a runbook path). */
  otherFiles?: string[];
  settings?: EngineSettings;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
  /**
   * The main file after applying the fix whose title matches `fixTitle` (or
   * the first fix) of the first finding; the rule must no longer fire there.
   */
  fixed?: string;
  fixTitle?: RegExp;
  /** No finding offers a fix (a suppression comment aside). */
  noFix?: true;
}

export function ruleTests(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => assert.ok(ruleById(ruleId), `${ruleId} is not in the registry`));
    assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'every rule needs valid and invalid cases');
    const names = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      assert.ok(!names.has(c.name), `duplicate case name: ${c.name}`);
      names.add(c.name);
    }
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { findings } = analyse(c, ruleId);
        assert.deepEqual(findings.map(describeFinding), [], 'expected no finding');
      });
    }
    // Whether any finding of the invalid cases offered a fix that edits what is wrong (a suppression comment does not).
    let offersFix = false;
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { files, findings, main } = analyse(c, ruleId);
        offersFix ||= findings.some((f) => f.fixes?.some((fix) => !fix.suppression));
        const actual = findings.map((f) => ({ file: fileOf(f.uri), text: files[fileOf(f.uri)].slice(f.span[0], f.span[1]), line: f.range.start.line + 1, finding: f }));
        assert.equal(actual.length, c.findings.length, `expected ${c.findings.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
        const remaining = [...actual];
        for (const expected of c.findings) {
          const index = remaining.findIndex(
            (a) => a.text === expected.text && a.file === (expected.file ?? main) && (expected.line === undefined || a.line === expected.line),
          );
          assert.ok(index >= 0, `no finding on ${JSON.stringify(expected.text)} in ${expected.file ?? main}; got:\n${findings.map(describeFinding).join('\n')}`);
          const [match] = remaining.splice(index, 1);
          if (expected.message) assert.match(match.finding.message, expected.message);
          if (expected.severity) assert.equal(match.finding.severity, expected.severity);
        }
        if (c.noFix) assert.deepEqual(findings.flatMap((f) => (f.fixes ?? []).filter((fix) => !fix.suppression).map((fix) => fix.title)), [], 'expected no fix');
        if (c.fixed !== undefined) {
          const finding = actual.find((a) => a.file === main)?.finding ?? actual[0].finding;
          const fix = (finding.fixes ?? []).find((f) => !c.fixTitle || c.fixTitle.test(f.title));
          assert.ok(fix, `no fix${c.fixTitle ? ` matching ${c.fixTitle}` : ''} on the finding; fixes: ${(finding.fixes ?? []).map((f) => f.title).join(', ')}`);
          const edits = fix.edits.filter((e) => e.uri === uriOf(main));
          const fixedText = applyEdits(files[main], new LineIndex(files[main]), edits);
          assert.equal(fixedText, c.fixed);
          const after = analyse({ ...c, files: { ...files, [main]: fixedText }, manifest: undefined }, ruleId);
          const stillThere = after.findings.filter((f) => fileOf(f.uri) === main && f.element === finding.element && f.message === finding.message);
          assert.deepEqual(stillThere.map(describeFinding), [], 'the fix must make its finding go away');
          const broken = after.engine.findingsFor(uriOf(main)).filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId.startsWith('schema-'));
          assert.deepEqual(broken.map(describeFinding), [], 'the fix must leave valid YAML that fits the schema');
        }
      });
    }
    it('says truly whether it is fixable (`rules --format json`, explain)', () => {
      const fixable = ruleById(ruleId)?.meta.fixable ?? false;
      assert.equal(offersFix, fixable, fixable ? 'the metadata says fixable, but no invalid case offers a fix' : 'an invalid case offers a fix, but the metadata does not say fixable');
    });
  });
}

function analyse(c: RuleCase, ruleId: string) {
  const files: Files = c.files ?? { 'architecture.yaml': c.manifest ?? '' };
  const main = c.files ? Object.keys(c.files).find((p) => p !== '.archframe.yaml') ?? 'architecture.yaml' : 'architecture.yaml';
  const engine = engineFor(files, c.settings, c.otherFiles);
  const findings: Finding[] = [];
  for (const list of engine.findings().values()) findings.push(...list.filter((f) => f.ruleId === ruleId));
  const internal = [...engine.findings().values()].flat().filter((f) => f.ruleId === 'internal-error');
  assert.deepEqual(internal.map(describeFinding), [], 'no rule may throw');
  return { files, findings, main, engine };
}

function fileOf(uri: string): string {
  return uri.slice(uriOf('').length);
}

function describeFinding(f: Finding): string {
  return `${fileOf(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`;
}
