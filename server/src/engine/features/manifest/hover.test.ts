import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedDowntime, formatDuration, hover } from './hover';
import { cursorIn, SHOP, shopAt, shopWith, type Cursor } from '../../../../../test/helpers/manifestCursor';

function hoverText(cursor: Cursor): string {
  const result = hover(cursor.workspace, cursor.document, cursor.offset);
  assert.ok(result, 'a hover');
  return result.markdown;
}

describe('manifest hover', () => {
  it('explains a key with its description and the framework entry and section', () => {
    const text = hoverText(shopAt('shop.arch.yaml', 'timeout: 2s', 3));
    assert.match(text, /\*\*`timeout`\*\* · duration/);
    assert.match(text, /\*\*Timeouts\*\*/);
    assert.match(text, /Framework: Part II, Axiom 3: Failure Modes; Part VII §1, Failure Categories/);
    assert.match(text, /Rules: `sync-timeout`, `timeout-budget`/);
  });

  it('explains an enum value with its own entry', () => {
    const text = hoverText(shopAt('shop.arch.yaml', 'at-least-once', 3));
    assert.match(text, /`delivery: at-least-once`/);
    assert.match(text, /idempotent/);
    assert.match(text, /Appendix C §2, Delivery Guarantees/);
  });

  it('describes what a name refers to: kind, owner, file, who depends on it', () => {
    const text = hoverText(shopAt('shop.arch.yaml', 'target: payments', 10));
    assert.match(text, /\*\*payments\*\* · service \(component\)/);
    assert.match(text, /owner `money`/);
    assert.match(text, /defined in `payments\.arch\.yaml`/);
    assert.match(text, /Depended on by 1: `api` \(http\)/);
  });

  it('describes a channel by its producers and consumers, and a team by what it owns', () => {
    const channel = hoverText(shopAt('shop.arch.yaml', 'order-events:', 2));
    assert.match(channel, /Producers: `api` · consumers: none/);
    const team = hoverText(shopAt('shop.arch.yaml', 'owner: web', 8));
    assert.match(team, /\*\*web\*\* · stream-aligned team/);
    assert.match(team, /Owns 1 component: `api`/);
  });

  it('says so when a name refers to nothing', () => {
    const text = SHOP['shop.arch.yaml'].replace('target: orders-db', 'target: order-db|');
    const cursor = cursorIn(shopWith('shop.arch.yaml', text), 'shop.arch.yaml');
    assert.equal(hover(cursor.workspace, cursor.document, cursor.offset)?.markdown, '`order-db` names no component, datastore or channel in the workspace\'s manifests.');
  });

  it('explains an availability target as downtime', () => {
    const text = hoverText(shopAt('payments.arch.yaml', '99.9', 1));
    assert.match(text, /Allows 8 h 46 min of downtime a year, 43 min 50 s a month/);
    assert.match(text, /Error budget: 0\.1 %/);
  });

  it('compares a timeout with the target\'s p99 and its retries', () => {
    const text = hoverText(shopAt('shop.arch.yaml', '2s', 0));
    assert.match(text, /^\*\*`2s`\*\* = 2 s \(2,000 ms\)/);
    assert.match(text, /gives up on `payments` after 2 s/);
    assert.match(text, /With 3 attempts the call can take up to 6 s/);
    assert.match(text, /p99 is 300ms: this timeout is 6\.7× its p99/);
  });

  it('shows an ADR reference\'s title and status', () => {
    const text = hoverText(shopAt('shop.arch.yaml', 'ADR-0001', 3));
    assert.match(text, /ADR-0001: Use PostgreSQL for orders/);
    assert.match(text, /Status: accepted/);
  });

  it('formats durations and downtime for people', () => {
    assert.equal(formatDuration(250), '250 ms');
    assert.equal(formatDuration(90_000), '1 min 30 s');
    assert.deepEqual(allowedDowntime(99.99), { year: '52 min 36 s', month: '4 min 23 s', week: '1 min 0 s'.replace(' 0 s', ''), day: '8.6 s' });
  });
});
