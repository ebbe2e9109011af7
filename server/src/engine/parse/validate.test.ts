import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ELEMENT_SECTIONS, rootSchema, type ElementSection } from '../model/manifest';
import { accepted, REFUSED } from './validate';

const FIXTURE = join(__dirname, '../../../../test/fixtures/well-designed.arch.yaml');

/** Values a user could write in place of any field. */
const REPLACEMENTS: unknown[] = [undefined, null, '', 'x', 'Bad Name', 'ADR-0001', '250ms', '2 s', '99.9%', 'canary', 'postgresql', -1, -0.5, 0, 0.5, 1, 2, 1.5, 100, 101, Infinity, NaN, true, false, [], ['a'], [1, 'b'], {}, { target: 'db' }, { attempts: 0 }];

/** The value with the field at `path` replaced (undefined: removed). */
function replaced(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

function* paths(value: unknown, prefix: (string | number)[] = []): Generator<(string | number)[]> {
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    yield path;
    yield* paths(inner, path);
  }
}

/** Every variant of a value: itself, each field replaced by each replacement, an unknown key at each level. */
function* variants(value: unknown): Generator<unknown> {
  yield value;
  for (const path of paths(value)) {
    for (const replacement of REPLACEMENTS) yield replaced(value, path, replacement);
  }
  for (const path of [[], ...paths(value)]) {
    const target = path.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], value);
    if (target && typeof target === 'object' && !Array.isArray(target)) yield replaced(value, [...path, 'unknownKey'], 1);
  }
}

describe('accepted (zod\'s answer for valid values, without zod)', () => {
  const manifest = parseDocument(readFileSync(FIXTURE, 'utf8')).toJS() as Record<string, unknown>;
  const cases: [string, z.ZodType, unknown][] = [];
  const { teams, components, datastores, channels, ...root } = manifest;
  cases.push(['root', rootSchema, root]);
  for (const [section, entries] of Object.entries({ teams, components, datastores, channels })) {
    for (const [name, value] of Object.entries((entries ?? {}) as Record<string, unknown>)) cases.push([`${section} ${name}`, ELEMENT_SECTIONS[section as ElementSection], value]);
  }

  it('accepts every element of the well-designed fixture, giving what zod gives, keys in the same order', () => {
    assert.ok(cases.length > 20);
    for (const [name, schema, value] of cases) {
      const fast = accepted(schema, value);
      assert.notEqual(fast, REFUSED, name);
      const parsed = schema.safeParse(value);
      assert.ok(parsed.success, name);
      assert.equal(JSON.stringify(fast), JSON.stringify(parsed.data), name);
    }
  });

  it('never accepts what zod refuses, and gives zod\'s value for what it accepts, over thousands of edited values', () => {
    let refusedByZod = 0;
    let acceptedFast = 0;
    for (const [name, schema, value] of cases) {
      for (const variant of variants(value)) {
        const fast = accepted(schema, variant);
        const parsed = schema.safeParse(variant);
        if (!parsed.success) refusedByZod++;
        if (fast === REFUSED) continue;
        acceptedFast++;
        assert.ok(parsed.success, `${name}: accepted ${JSON.stringify(variant)}, which zod refuses`);
        assert.deepStrictEqual(fast, parsed.data, name);
        assert.equal(JSON.stringify(fast), JSON.stringify(parsed.data), name);
      }
    }
    // Both sides of the comparison were exercised.
    assert.ok(refusedByZod > 1000, `${refusedByZod} refused by zod`);
    assert.ok(acceptedFast > 1000, `${acceptedFast} accepted`);
  });
});
