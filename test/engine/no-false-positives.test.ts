import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/engine/model/findings';
import { RULES } from '../../server/src/engine/rules';
import { engineFor, findingsOf } from '../helpers/engine';

/**
 * A realistic, well-designed manifest (test/fixtures/well-designed.arch.yaml:
 * 34 components, 21 datastores, 15 channels) must not draw a warning or an
 * error from any rule. A rule that fires here is a false positive: fix the
 * rule, or, if the design really is wrong, the fixture.
 */

const FILE = 'well-designed.arch.yaml';
const TEXT = readFileSync(resolve(__dirname, '../fixtures', FILE), 'utf8');

/** Rules that need files besides the manifest (ADRs, runbooks): the fixture names them but they are not here. */
const NEEDS_OTHER_FILES = new Set(['decision-status', 'runbook']);

/** The Axiom 1-3 rules, which must not even add an info. */
const AXIOMS_1_TO_3 = [
  'dependency-cycle', 'layer-direction', 'core-independence', 'stable-dependencies', 'unknown-reference',
  'shared-datastore', 'state-owner', 'consistency-model', 'quorum', 'conflict-resolution',
  'sync-timeout', 'retry-backoff', 'retry-idempotency', 'circuit-breaker', 'single-instance', 'timeout-budget', 'retry-amplification', 'delivery-idempotency', 'dead-letter',
];

const describeFinding = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}: ${f.message}`;

describe('no false positives on a well-designed manifest', () => {
  const findings = findingsOf(engineFor({ [FILE]: TEXT }), FILE);

  it('is a manifest of the size it claims', () => {
    const model = engineFor({ [FILE]: TEXT }).snapshot().manifests;
    assert.ok(model.components.size >= 30, `${model.components.size} components`);
    assert.ok(model.edges.length >= 70, `${model.edges.length} dependencies`);
  });

  it('no rule of the registry (except those that need ADR or runbook files) reports a warning or an error', () => {
    const checked = RULES.map((rule) => rule.meta.id).filter((id) => !NEEDS_OTHER_FILES.has(id));
    for (const id of AXIOMS_1_TO_3) assert.ok(checked.includes(id), `${id} is not in the registry`);
    const serious = findings.filter((f) => checked.includes(f.ruleId) && (f.severity === 'error' || f.severity === 'warning'));
    assert.deepEqual(serious.map(describeFinding), []);
  });

  it('the Axiom 1-3 rules report nothing at all, not even an info', () => {
    assert.deepEqual(findings.filter((f) => AXIOMS_1_TO_3.includes(f.ruleId)).map(describeFinding), []);
  });

  // The rules do run on this file: one careless edit each, and the rule speaks.
  const edits: [rule: string, from: string, to: string][] = [
    ['sync-timeout', '{ target: carts-db, via: database, timeout: 50ms }', '{ target: carts-db, via: database }'],
    ['timeout-budget', '{ target: seller-portal-api, via: http, timeout: 1s,', '{ target: seller-portal-api, via: http, timeout: 500ms,'],
    ['circuit-breaker', '{ target: identity, via: grpc, timeout: 200ms, circuitBreaker: { failureThreshold: 5, resetTimeout: 30s } }', '{ target: identity, via: grpc, timeout: 200ms }'],
    ['retry-backoff', 'retry: { attempts: 2, backoff: exponential, jitter: true, baseDelay: 50ms, maxDelay: 200ms }', 'retry: { attempts: 2, backoff: fixed }'],
    ['shared-datastore', '{ target: orders-db, via: database, access: read, timeout: 30s }', '{ target: orders-db, via: database, timeout: 30s }'],
    ['layer-direction', '{ target: geo-ip, via: grpc, timeout: 50ms,', '{ target: checkout, via: grpc, timeout: 50ms,'],
    ['dependency-cycle', '{ target: geo-ip, via: grpc, timeout: 50ms,', '{ target: payments, via: grpc, timeout: 50ms,'],
    ['delivery-idempotency', '{ target: order-events, via: event, access: read, idempotent: true }', '{ target: order-events, via: event, access: read }'],
    ['dead-letter', 'deadLetter: image-uploads-dlq, ', ''],
    ['quorum', 'consistency: eventual\n    classification: internal\n    replication: { topology: leaderless, replicas: 3, w: 2,', 'consistency: strong\n    classification: internal\n    replication: { topology: leaderless, replicas: 3, w: 1,'],
    ['stable-dependencies', '{ target: identity-db, via: database, timeout: 80ms }', '{ target: identity-db, via: database, timeout: 80ms }\n      - { target: mobile-bff, via: event }'],
    ['state-owner', '    engine: bigquery\n    owner: reporting-etl\n', '    engine: bigquery\n'],
    ['consistency-model', '    consistency: strong\n    classification: public\n    backup:', '    classification: public\n    backup:'],
  ];
  for (const [rule, from, to] of edits) {
    it(`${rule} fires once the design is spoilt`, () => {
      assert.ok(TEXT.includes(from), `the fixture no longer holds ${from}`);
      const spoilt = TEXT.replace(from, to);
      assert.ok(findingsOf(engineFor({ [FILE]: spoilt }), FILE, rule).length > 0, `${rule} did not fire`);
    });
  }
});
