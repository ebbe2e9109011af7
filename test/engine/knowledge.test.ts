import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { entryById, entryForKey, entryForValue, findTerms, KNOWLEDGE, lookupTerm } from '../../server/src/engine/knowledge';
import { manifestSchema } from '../../server/src/engine/model/manifest';
import { RULES } from '../../server/src/engine/rules';

const FRAMEWORK = resolve(__dirname, '../../../shared/framework/architecture-framework.md');
const SPEC = resolve(__dirname, '../../../shared/spec/manifest.md');
const framework = existsSync(FRAMEWORK) ? readFileSync(FRAMEWORK, 'utf8') : undefined;

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
}
const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every enum value of the manifest schema with the key it belongs to, and every key with its path. */
function walk(schema: z.ZodType, path: string[], enums: [string[], string][], keys: string[][]): void {
  const d = def(schema);
  if (d.innerType) return walk(d.innerType, path, enums, keys);
  if (d.type === 'enum') for (const value of Object.values(d.entries ?? {})) enums.push([path, value]);
  if (d.type === 'object') {
    for (const [key, field] of Object.entries(d.shape ?? {})) {
      keys.push([...path, key]);
      walk(field, [...path, key], enums, keys);
    }
  }
  if (d.type === 'record' && d.valueType) walk(d.valueType, [...path, 'name'], enums, keys);
  if (d.type === 'array' && d.element) walk(d.element, path, enums, keys);
  if (d.type === 'union') for (const option of d.options ?? []) walk(option, path, enums, keys);
}

const enums: [string[], string][] = [];
const keys: string[][] = [];
walk(manifestSchema, [], enums, keys);

const normalise = (text: string) => text.toLowerCase().replace(/[\s-]+/g, ' ').trim();

describe('knowledge base', () => {
  it('loads entries with unique ids, at least one alias, and related entries that exist', () => {
    assert.ok(KNOWLEDGE.length >= 100, `${KNOWLEDGE.length} entries`);
    assert.equal(new Set(KNOWLEDGE.map((e) => e.id)).size, KNOWLEDGE.length);
    for (const entry of KNOWLEDGE) {
      assert.ok(entry.aliases.length > 0, `${entry.id} has aliases`);
      for (const related of entry.related) assert.ok(entryById(related), `${entry.id} → related ${related}`);
      const sentences = entry.summary.split(/(?<=[.!?])\s+(?=[A-Z`*]|archframe)/).length;
      assert.ok(sentences >= 2 && sentences <= 5, `${entry.id}: ${sentences} sentences, 2 to 5 wanted`);
    }
  });

  it('gives no alias to two entries', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of KNOWLEDGE) {
      for (const alias of entry.aliases) {
        const key = normalise(alias);
        const other = owner.get(key);
        if (other && other !== entry.id) clashes.push(`'${alias}': ${other} and ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('resolves every knowledge id the rules reference', () => {
    const missing = RULES.flatMap((rule) => (rule.meta.knowledge ?? []).filter((id) => !entryById(id)).map((id) => `${rule.meta.id} → ${id}`));
    assert.deepEqual(missing, []);
  });

  it('names only rules that exist (in the registry or the spec)', () => {
    const spec = existsSync(SPEC) ? readFileSync(SPEC, 'utf8') : '';
    const known = new Set([...RULES.map((rule) => rule.meta.id), ...[...spec.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1])]);
    const unknown = KNOWLEDGE.flatMap((entry) => entry.rules.filter((id) => !known.has(id)).map((id) => `${entry.id} → ${id}`));
    assert.deepEqual(unknown, []);
  });

  it('maps every enum value of the manifest schema to an entry', () => {
    assert.ok(enums.length > 80, `${enums.length} enum values walked`);
    const missing = enums.filter(([path, value]) => !entryForValue(path, value)).map(([path, value]) => `${path.join('.')}: ${value}`);
    assert.deepEqual(missing, []);
    assert.equal(entryForValue('consistency', 'eventual')?.id, 'eventual-consistency');
    assert.equal(entryForValue('deployment', 'canary')?.id, 'canary-release');
    assert.equal(entryForValue('auth', 'mtls')?.id, 'mtls');
    assert.equal(entryForValue('via', 'grpc')?.id, 'grpc');
    assert.equal(entryForValue(['teams', 'core', 'type'], 'platform')?.id, 'platform-team');
    assert.equal(entryForValue('metrics', 'red')?.id, 'red-method');
    assert.equal(entryForValue('via', 'carrier-pigeon'), undefined);
  });

  it('maps manifest keys to entries, by context where a key means two things', () => {
    const unmapped = keys.filter((path) => !['archframe', 'description'].includes(path[path.length - 1]) && !entryForKey(path)).map((path) => path.join('.'));
    assert.deepEqual(unmapped, []);
    assert.equal(entryForKey('circuitBreaker')?.id, 'circuit-breaker');
    assert.equal(entryForKey('slo')?.id, 'slo');
    assert.equal(entryForKey('rpo')?.id, 'recovery-objectives');
    assert.equal(entryForKey(['components', 'api', 'owner'])?.id, 'ownership');
    assert.equal(entryForKey(['datastores', 'orders-db', 'owner'])?.id, 'state-ownership');
    assert.equal(entryForKey(['datastores', 'orders-db', 'replication', 'replicas'])?.id, 'quorum');
    assert.equal(entryForKey(['components', 'api', 'dependsOn', 0, 'timeout'])?.id, 'timeouts');
  });

  it('finds terms in text: case-insensitive, whole words, longest alias first, hyphens and spaces alike', () => {
    const text = 'We chose Event Sourcing with CQRS; retries use exponential back-off? No: exponential backoff with jitter. An at-least-once topic, a circuit-breaker. Not: circuitry, recqrs.';
    const found = findTerms(text).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    assert.deepEqual(found, [
      ['event-sourcing', 'Event Sourcing'],
      ['cqrs', 'CQRS'],
      ['retry-backoff', 'retries'],
      ['retry-backoff', 'exponential backoff'],
      ['retry-backoff', 'jitter'],
      ['at-least-once', 'at-least-once'],
      ['publish-subscribe', 'topic'],
      ['circuit-breaker', 'circuit-breaker'],
    ]);
    // The longest alias wins where several start at the same place.
    assert.deepEqual(findTerms('the eventual consistency model').map((m) => m.entry.id), ['eventual-consistency']);
    assert.deepEqual(findTerms('a dead letter queue').map((m) => [m.start, m.end]), [[2, 19]]);
    assert.deepEqual(findTerms('A consistency model and the CAP theorem.').map((m) => m.entry.id), ['consistency-models', 'cap-theorem']);
    assert.deepEqual(findTerms(''), []);
  });

  it('looks terms up by id, alias or title, for `archframe explain`', () => {
    assert.equal(lookupTerm('circuit-breaker')?.id, 'circuit-breaker');
    assert.equal(lookupTerm('Conway’s law')?.id, 'conways-law');
    assert.equal(lookupTerm('RTO')?.id, 'recovery-objectives');
    assert.equal(lookupTerm('The eight fallacies of distributed computing')?.id, 'fallacies-of-distributed-computing');
    assert.equal(lookupTerm('no such thing'), undefined);
  });
});

/** The framework's Parts and Appendices, their numbered sections and the headings under them (fenced code skipped). */
function outline(text: string): Map<string, { titles: string[]; sections: Map<number, string[]> }> {
  const parts = new Map<string, { titles: string[]; sections: Map<number, string[]> }>();
  let part: { titles: string[]; sections: Map<number, string[]> } | undefined;
  let section: string[] | undefined;
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const top = /^#{1,2} (PART [IVXL]+|APPENDIX [A-Z]):\s*(.+)$/.exec(line);
    if (top) {
      const label = top[1].replace('PART', 'Part').replace('APPENDIX', 'Appendix');
      part = parts.get(label) ?? { titles: [], sections: new Map() };
      part.titles.push(top[2].split(' — ')[0].trim().toLowerCase());
      parts.set(label, part);
      section = undefined;
      continue;
    }
    const numbered = /^## (\d+)\. (.+)$/.exec(line);
    if (numbered && part) {
      section = part.sections.get(Number(numbered[1])) ?? [];
      section.push(numbered[2].trim().toLowerCase());
      part.sections.set(Number(numbered[1]), section);
      continue;
    }
    const sub = /^#{3,4} (.+)$/.exec(line);
    if (sub && part) {
      (section ?? part.titles).push(sub[1].trim().toLowerCase());
      if (section) part.titles.push(sub[1].trim().toLowerCase());
    }
  }
  return parts;
}

describe('knowledge base against the framework text', { skip: framework === undefined ? 'the framework file is not in ../shared' : false }, () => {
  it('cites Parts, sections and headings that exist', () => {
    const parts = outline(framework!);
    const wrong: string[] = [];
    for (const entry of KNOWLEDGE) {
      for (const reference of entry.reference.split('; ')) {
        const match = /^(Part [IVXL]+|Appendix [A-Z])(?: §(\d+))?(?:, (.+))?$/.exec(reference);
        const part = match && parts.get(match[1]);
        if (!match || !part) {
          wrong.push(`${entry.id}: ${reference}`);
          continue;
        }
        const title = match[3]?.toLowerCase();
        if (match[2] !== undefined) {
          const section = part.sections.get(Number(match[2]));
          if (!section || (title && !section.includes(title))) wrong.push(`${entry.id}: ${reference}`);
        } else if (title && !part.titles.includes(title)) {
          wrong.push(`${entry.id}: ${reference}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('copies no sentence of the framework: no 8-word run of a summary appears in it', () => {
    const words = (text: string) => text.toLowerCase().replace(/[`*_|>#()[\]"“”'’:;,.!?—–-]+/g, ' ').split(/\s+/).filter(Boolean);
    const shingles = new Set<string>();
    const source = words(framework!);
    for (let i = 0; i + 8 <= source.length; i++) shingles.add(source.slice(i, i + 8).join(' '));
    const copied: string[] = [];
    for (const entry of KNOWLEDGE) {
      const summary = words(entry.summary);
      for (let i = 0; i + 8 <= summary.length; i++) {
        const run = summary.slice(i, i + 8).join(' ');
        if (shingles.has(run)) copied.push(`${entry.id}: "${run}"`);
      }
    }
    assert.deepEqual(copied, []);
  });
});
