import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadWorkspace } from '../../node/loadWorkspace';
import { fileUri } from '../text/uri';
import { parseAdr, type AdrDocument } from './adr';

const FIXTURES = join(__dirname, '../../../../test/fixtures/adr');

/** A fixture collection loaded as the product loads a workspace folder (classification, .adr-dir, conventions). */
function load(name: string) {
  const root = fileUri(join(FIXTURES, name));
  const engine = loadWorkspace([root]);
  const workspace = engine.snapshot();
  const adrs = workspace.documents('adr') as readonly AdrDocument[];
  const byPath = (path: string) => adrs.find((a) => a.uri === `${root}/${path}`);
  const problems = [...engine.findings()].flatMap(([uri, findings]) =>
    findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${uri.slice(root.length + 1)}:${f.range.start.line + 1} ${f.ruleId} ${f.message}`),
  );
  return { adrs, byPath, problems, workspace };
}

function summary(adr: AdrDocument | undefined) {
  assert.ok(adr, 'not read as an ADR');
  return { format: adr.format, number: adr.number, title: adr.title, status: adr.status, note: adr.statusNote, date: adr.date ?? adr.nameDate, relations: adr.relations.map((r) => `${r.relation} ${r.target}`) };
}

describe('ADR fixtures of every format read cleanly', () => {
  it('Nygard / adr-tools, in the folder .adr-dir names, with Superceded/Supercedes and amendments', () => {
    const { adrs, byPath, problems } = load('nygard');
    assert.equal(adrs.length, 4);
    assert.deepEqual(summary(byPath('architecture/records/0002-use-bash.md')), {
      format: 'nygard', number: 2, title: 'Use Bash', status: 'superseded', note: 'by 3. Use POSIX sh', date: '2016-02-12', relations: ['supersededBy 0003-use-posix-sh.md'],
    });
    assert.deepEqual(summary(byPath('architecture/records/0003-use-posix-sh.md')).relations, ['supersedes 0002-use-bash.md', 'amendedBy 0004-allow-bash-for-tests.md']);
    assert.deepEqual(problems, []);
  });

  it('the framework format (ADR-001: Title), CRLF line breaks, Decisions in the plural', () => {
    const { byPath, problems } = load('framework');
    const first = byPath('docs/adr/ADR-001-use-postgresql.md')!;
    assert.deepEqual(summary(first), { format: 'framework', number: 1, title: 'Use PostgreSQL for primary datastore', status: 'accepted', note: undefined, date: undefined, relations: [] });
    assert.equal(first.text.slice(first.titleNumberSpan![0], first.titleNumberSpan![1]), '001');
    assert.equal(first.text.slice(first.statusSpan![0], first.statusSpan![1]), 'Accepted');
    assert.deepEqual(first.sections.map((s) => s.name), ['status', 'context', 'decision', 'consequences']);
    assert.deepEqual(byPath('docs/adr/ADR-002-use-kafka.md')!.references.map((r) => r.target), ['ADR-1']);
    assert.deepEqual(problems, []);
  });

  it('MADR 4 with front matter, a status with its successor in it', () => {
    const { byPath, problems } = load('madr4');
    const first = byPath('docs/decisions/0001-use-yaml-front-matter.md')!;
    assert.deepEqual(summary(first), { format: 'madr', number: 1, title: 'Use YAML front matter for metadata', status: 'accepted', note: undefined, date: '2024-05-01', relations: [] });
    assert.equal(first.statusSource, 'front-matter');
    assert.equal(first.text.slice(first.statusSpan![0], first.statusSpan![1]), 'accepted');
    assert.deepEqual(summary(byPath('docs/decisions/0002-use-dashes.md')).relations, ['supersededBy ADR-3']);
    assert.deepEqual(problems, []);
  });

  it('MADR 2 with Status, Deciders and Date bullets under the title', () => {
    const { byPath, problems } = load('madr2');
    const adr = byPath('docs/adr/0001-use-markdown-adrs.md')!;
    assert.deepEqual(summary(adr), { format: 'madr', number: 1, title: 'Use Markdown Architectural Decision Records', status: 'accepted', note: undefined, date: '2020-09-24', relations: [] });
    assert.equal(adr.statusSource, 'bullet');
    assert.deepEqual(problems, []);
  });

  it('log4brains: dated file names without numbers, draft, links by slug; template and index are not ADRs', () => {
    const { adrs, byPath, problems, workspace } = load('log4brains');
    assert.deepEqual(adrs.map((a) => a.fileName).sort(), ['20231201-use-gatsby.md', '20240105-use-nextjs.md']);
    const next = byPath('docs/adr/20240105-use-nextjs.md')!;
    assert.deepEqual(summary(next), { format: 'log4brains', number: undefined, title: 'Use Next.js for static site generation', status: 'draft', note: undefined, date: '2024-01-05', relations: ['supersedes 20231201-use-gatsby.md'] });
    assert.equal(workspace.adrs.resolve('20231201-use-gatsby', next.uri)?.fileName, '20231201-use-gatsby.md');
    assert.deepEqual(problems, []);
  });

  it('dated folders holding README.md ADRs, bold status lines with emoji', () => {
    const { byPath, problems } = load('dated');
    assert.deepEqual(summary(byPath('docs/decisions/2024-01-05-use-postgres/README.md')), { format: 'nygard', number: undefined, title: 'Use PostgreSQL', status: 'accepted', note: undefined, date: '2024-01-05', relations: [] });
    const redis = summary(byPath('docs/decisions/2024-02-10-use-redis/README.md'));
    assert.equal(redis.status, 'superseded');
    assert.deepEqual(redis.relations, ['supersededBy ../2024-01-05-use-postgres/README.md']);
    assert.deepEqual(problems, []);
  });

  it('varied shapes: a status table with free text, a plain Status line, a section at the end, non-ASCII, adr-NNNN and adrNNN names', () => {
    const { byPath, problems } = load('varied');
    assert.deepEqual(summary(byPath('adr/adr-0001-choose-a-queue.md')), { format: 'nygard', number: 1, title: 'Choose a queue', status: 'accepted', note: 'Open to revisiting in Q3', date: '5 January 2024', relations: [] });
    assert.deepEqual(summary(byPath('adr/adr007-deprecate-ftp.md')), { format: 'nygard', number: 7, title: 'Deprecate FTP uploads', status: 'deprecated', note: '(no superseding ADR)', date: '2023-11-30', relations: [] });
    const onHold = byPath('adr/adr-0002-on-hold.md')!;
    assert.deepEqual([onHold.format, onHold.number, onHold.status, onHold.statusWord, onHold.date], ['framework', 2, 'proposed', 'On hold', '2024-02-02']);
    assert.deepEqual(problems, []);
  });
});

describe('parseAdr', () => {
  it('never throws, and reads what it can of odd input', () => {
    for (const text of ['', '---\n', '---\nstatus: [\n---\n# T', '# \n## Status\n\n', '\u0000\u0001', '| a |\n|---|\n', '# 7.\n', '[x]: <>\n']) {
      const adr = parseAdr('file:///w/docs/adr/0007-x.md', text);
      assert.equal(adr.number, 7);
    }
  });

  it('takes the number from the file name patterns of the spec', () => {
    const number = (name: string) => parseAdr(`file:///w/docs/adr/${name}`, '# T\n').number;
    assert.deepEqual(['0007-a.md', 'adr-0007-a.md', 'ADR-007-a.md', 'adr007-a.md', '7-a.md'].map(number), [7, 7, 7, 7, 7]);
    assert.equal(number('20240105-a.md'), undefined);
    assert.equal(number('use-x.md'), undefined);
    assert.equal(parseAdr('file:///w/docs/adr/API-012-a.md', '# T\n').prefix, 'API');
    assert.equal(parseAdr('file:///w/docs/adr/notes.md', '# 12. Title\n').number, 12);
  });

  it('takes the title from the front matter when there is no heading (documentation sites)', () => {
    const text = "---\nid: adrs-adr013\ntitle: 'ADR013: Proper use of HTTP fetching libraries'\n---\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n";
    const adr = parseAdr('file:///w/docs/architecture-decisions/adr013-use-node-fetch.md', text);
    assert.deepEqual([adr.title, adr.titleNumber, adr.number, adr.format], ['Proper use of HTTP fetching libraries', 13, 13, 'nygard']);
    assert.equal(text.slice(adr.titleNumberSpan![0], adr.titleNumberSpan![1]), '013');
  });

  it('detects the format from several signals, and says when it only guesses', () => {
    const format = (text: string, name = '0001-a.md') => {
      const adr = parseAdr(`file:///w/docs/adr/${name}`, text);
      return `${adr.format}${adr.formatSure ? '' : '?'}`;
    };
    assert.equal(format('# 1. A\n\n## Status\n\nAccepted\n\n## Context\n\nc\n'), 'nygard');
    assert.equal(format('# ADR-001: A\n\n## Context\n\nc\n'), 'framework');
    assert.equal(format('# A\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n'), 'nygard');
    assert.equal(format('# A\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\no\n'), 'madr');
    assert.equal(format('---\nstatus: accepted\n---\n# A\n\n## Context and Problem Statement\n\nc\n'), 'madr');
    assert.equal(format('# A\n\n## Considered Options and Decision Outcome\n\nd\n'), 'madr');
    // One MADR-like heading among sections of the record's own: a guess.
    assert.equal(format('# A\n\n## Background\n\nb\n\n## Decision Outcome\n\nd\n\n## Rollout plan\n\nr\n'), 'madr?');
    assert.equal(format('# 12. A\n\nWe chose B.\n'), 'nygard?');
    assert.equal(format('# Notes\n\nText.\n'), 'unknown?');
    assert.equal(format('# A\n\nText.\n', '20240105-a.md'), 'log4brains');
  });

  it("a relation's targets end with its sentence (a link's text may hold a full stop)", () => {
    const adr = parseAdr('file:///w/docs/adr/0003-a.md', '# 3. A\n\n## Status\n\nAccepted\n\nSupersedes [2. Use Redis](0002-b.md) and ADR-4. Builds on ADR-1.\n');
    assert.deepEqual(adr.relations.map((r) => `${r.relation} ${r.target}`), ['supersedes 0002-b.md', 'supersedes ADR-4']);
  });

  it('reads a combined heading as each section it names', () => {
    const adr = parseAdr('file:///w/docs/adr/0001-a.md', '# A\n\n## Considered Options and Decision Outcome\n\nd\n\n## Context / Problem\n\nc\n\n## Pros and Cons\n\np\n');
    assert.deepEqual(adr.sections.map((s) => s.name), ['options', 'decision', 'context', 'pros-cons']);
  });

  it('reads a status word after an emoji, a synonym, and the first status word of free text', () => {
    const status = (line: string) => {
      const adr = parseAdr('file:///w/docs/adr/0001-a.md', `# 1. A\n\n## Status\n\n${line}\n`);
      return [adr.status, adr.statusWord, adr.statusNote];
    };
    assert.deepEqual(status('✅ Accepted'), ['accepted', 'Accepted', undefined]);
    assert.deepEqual(status('**Approved** on 2024-01-01'), ['accepted', 'Approved', 'on 2024-01-01']);
    assert.deepEqual(status('Partly superseded by [ADR 9](0009-x.md)'), ['superseded', 'superseded', 'by ADR 9']);
    assert.deepEqual(status('Gathering information'), ['proposed', 'Gathering information', undefined]);
    assert.deepEqual(status('Placeholder'), ['placeholder', 'Placeholder', undefined]);
    assert.deepEqual(status('[Deprecated](https://example.com/pull/395)'), ['deprecated', 'Deprecated', undefined]);
  });
});
