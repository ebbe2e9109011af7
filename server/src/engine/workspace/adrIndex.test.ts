import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAdr, type AdrDocument } from '../parse/adr';
import { collectionOf, createAdrIndex } from './adrIndex';

const W = 'file:///w';

function adr(path: string, text: string): AdrDocument {
  return parseAdr(`${W}/${path}`, text);
}

const nygard = (title: string, status: string) => `# ${title}\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n`;

// Two collections, each with its own ADR 1; an ADR 2 twice in docs/adr; a prefixed id; a dated-folder README.
const documents = [
  adr('docs/adr/0002-use-nats.md', nygard('2. Use NATS', 'Superseded by [3. Use Kafka](0003-use-kafka.md)')),
  adr('docs/adr/0001-record-decisions.md', nygard('1. Record decisions', 'Accepted')),
  adr('docs/adr/0003-use-kafka.md', nygard('3. Use Kafka', 'Accepted\n\nSupersedes [2. Use NATS](0002-use-nats.md), see ADR-1')),
  adr('docs/adr/0002-duplicate.md', nygard('2. Duplicate', 'Proposed')),
  adr('services/api/adr/0001-api-style.md', nygard('1. API style', 'Accepted')),
  adr('services/api/adr/API-012-paging.md', nygard('API-012: Paging', 'Accepted')),
  adr('decisions/2024-01-05-use-postgres/README.md', nygard('Use Postgres', 'Accepted')),
  adr('decisions/20201016-use-the-slug.md', '# Use the slug\n\nNo status here.\n'),
];
const index = createAdrIndex(documents);
const name = (d: AdrDocument | undefined) => d?.uri.slice(W.length + 1);
const names = (list: readonly AdrDocument[]) => list.map(name);

describe('ADR index', () => {
  it('resolves ids in the referring collection first, then anywhere, and prefixed ids', () => {
    assert.equal(name(index.resolve('ADR-1', `${W}/services/api/adr/0001-api-style.md`)), 'services/api/adr/0001-api-style.md');
    assert.equal(name(index.resolve('ADR-0001', `${W}/docs/adr/0003-use-kafka.md`)), 'docs/adr/0001-record-decisions.md');
    assert.equal(name(index.resolve('3')), 'docs/adr/0003-use-kafka.md');
    assert.equal(name(index.resolve(3, `${W}/services/api/adr/0001-api-style.md`)), 'docs/adr/0003-use-kafka.md');
    assert.equal(name(index.resolve('API-12')), 'services/api/adr/API-012-paging.md');
    assert.equal(index.resolve('API-1'), undefined);
    assert.equal(index.resolve('ADR-12'), undefined);
  });

  it('resolves relative paths (with or without .md, a dated folder) and log4brains slugs', () => {
    const from = `${W}/docs/adr/0003-use-kafka.md`;
    assert.equal(name(index.resolve('0002-use-nats.md', from)), 'docs/adr/0002-use-nats.md');
    assert.equal(name(index.resolve('./0002-use-nats#context', from)), 'docs/adr/0002-use-nats.md');
    assert.equal(name(index.resolve('../../decisions/2024-01-05-use-postgres/', from)), 'decisions/2024-01-05-use-postgres/README.md');
    assert.equal(name(index.resolve('20201016-Use-The-Slug')), 'decisions/20201016-use-the-slug.md');
    assert.equal(index.resolve('missing.md', from), undefined);
    assert.equal(name(index.get(`${W}/docs/adr/0002-duplicate.md`)), 'docs/adr/0002-duplicate.md');
  });

  it('lists a collection by file, and the holders of a number in it by file', () => {
    assert.deepEqual(names(index.collection(`${W}/docs/adr/0001-record-decisions.md`)), [
      'docs/adr/0001-record-decisions.md',
      'docs/adr/0002-duplicate.md',
      'docs/adr/0002-use-nats.md',
      'docs/adr/0003-use-kafka.md',
    ]);
    assert.deepEqual(names(index.numbered(`${W}/docs/adr/0002-use-nats.md`, 2)), ['docs/adr/0002-duplicate.md', 'docs/adr/0002-use-nats.md']);
    assert.deepEqual(names(index.numbered(`${W}/services/api/adr/x.md`, 1)), ['services/api/adr/0001-api-style.md']);
    assert.deepEqual(names(index.numbered(`${W}/services/api/adr/x.md`, 12, 'API')), ['services/api/adr/API-012-paging.md']);
    assert.deepEqual(names(index.numbered(`${W}/services/api/adr/x.md`, 12)), []);
    assert.equal(index.nextNumber(`${W}/docs/adr/`), 4);
    assert.equal(index.nextNumber(`${W}/services/api/adr`), 13);
    assert.equal(collectionOf(`${W}/decisions/2024-01-05-use-postgres/README.md`), `${W}/decisions`);
  });

  it('finds the references and relations that reach an ADR from others', () => {
    const nats = index.get(`${W}/docs/adr/0002-use-nats.md`)!;
    const kafka = index.get(`${W}/docs/adr/0003-use-kafka.md`)!;
    assert.deepEqual(index.relationsTo(nats).map((r) => [name(r.from), r.relation.relation]), [['docs/adr/0003-use-kafka.md', 'supersedes']]);
    assert.deepEqual(index.relationsTo(kafka).map((r) => [name(r.from), r.relation.relation]), [['docs/adr/0002-use-nats.md', 'supersededBy']]);
    const first = index.get(`${W}/docs/adr/0001-record-decisions.md`)!;
    assert.deepEqual(index.referencesTo(first).map((r) => [name(r.from), r.reference.text]), [['docs/adr/0003-use-kafka.md', 'ADR-1']]);
    // The lists are the caller's: changing one changes no later answer.
    index.referencesTo(first).pop();
    assert.equal(index.referencesTo(first).length, 1);
  });

  it('tells whether a collection mostly does without a status', () => {
    assert.equal(index.collectionOmitsStatus(`${W}/docs/adr/0002-use-nats.md`), false);
    const bare = ['0001-a.md', '0002-b.md', '0003-c.md'].map((f) => adr(`notes/${f}`, '# T\n\n## Context\n\nc\n'));
    const mixed = createAdrIndex([...documents, ...bare]);
    assert.equal(mixed.collectionOmitsStatus(`${W}/notes/0001-a.md`), true);
    assert.equal(mixed.collectionOmitsStatus(`${W}/docs/adr/0001-record-decisions.md`), false);
  });
});
