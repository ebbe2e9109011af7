import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines } from '../helpers/engine';

// Hostile text must not freeze the server: parsing and checking any document takes time that grows with its size,
// not with its square. Each case builds a document around one long line (100 KB, then 1 MB) of text that has made
// parsers backtrack or rules rescan: repeated links on a status line, a long sentence before a relation word, runs of
// spaces, brackets, digits and dashes. Ten times the text may take about ten times as long; quadratic code takes a
// hundred, and cubic a thousand. The bound is generous (a busy 2-core machine), and a 100 KB case that is already
// slow fails at once rather than running the 1 MB one for minutes.

const KB = 1024;
/** 1 MB may take at most this many times as long as 100 KB (linear: 10; quadratic: 100), plus a little. */
const MAX_RATIO = 30;
const SLACK_MS = 150;
/** Cases over these are not linear (a linear pass over 100 KB takes milliseconds): fail before a bigger one hangs. */
const MAX_10KB_MS = 500;
const MAX_100KB_MS = 3_000;

/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

interface HostileCase {
  name: string;
  /** The file's path in the workspace (it decides the kind), and its text around a line of `size` characters. */
  path: string;
  text(size: number): string;
}

const adr = (status: string, body = 'c') => lines('# 1. Use X', '', 'Date: 2024-01-01', '', '## Status', '', status, '', '## Context', '', body, '', '## Decision', '', 'd', '', '## Consequences', '', 'Cost: some.');
const runbook = (dependencies: string, issue = 'Symptoms: slow.') =>
  lines('# API: Runbook', '', '## Overview', '', 'o', '', '## Dependencies', '', `- ${dependencies}`, '', '## Common Issues', '', '### Issue: slow', '', issue, '', 'Diagnosis: d', '', 'Resolution: r');
const postmortem = (line: string) =>
  lines('# Outage', '', '## Summary', '', line, '', '## Impact', '', 'i', '', '## Timeline', '', '- 10:00 start', '', '## Root Cause', '', 'r', '', '## What Went Well', '', 'w', '', '## What Went Poorly', '', 'p', '', '## Action Items', '', '- [ ] fix it (owner: @a, due: 2024-01-01)');
const manifest = (value: string) => lines('archframe: 1', 'system: s', 'components:', '  api:', '    kind: service', `    description: ${JSON.stringify(value)}`, '    decisions: [ADR-1]');

const CASES: HostileCase[] = [
  { name: 'ADR: a status line of repeated "superseded by [x](y)"', path: 'docs/adr/0001-x.md', text: (n) => adr(fill('superseded by [x](y) ', n)) },
  { name: 'ADR: a prose line ending in "supersedes ADR-1"', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted', fill('word ', n) + 'supersedes ADR-1') },
  { name: 'ADR: a status line of open brackets', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted ' + fill('[', n)) },
  { name: 'ADR: a heading line of spaces', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted', '## ' + fill(' ', n) + 'x') },
  { name: 'ADR: unclosed code fences', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted', fill('```\n', n)) },
  { name: 'ADR: a line of placeholders and TODOs', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted', fill('[describe TODO {x ', n)) },
  { name: 'ADR: a line of ADR ids with leading zeros', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted', 'ADR-' + fill('0', n) + 'x') },
  { name: 'ADR: newlines then one word', path: 'docs/adr/0001-x.md', text: (n) => adr('Accepted', fill('\n', n) + ' x') },
  { name: 'Markdown outside the document folders (classified by shape): a heading of spaces', path: 'notes/x.md', text: (n) => adr('Accepted', '## a' + fill(' ', n) + 'b') },
  { name: 'Markdown outside the document folders (classified by shape): unclosed fences', path: 'notes/x.md', text: (n) => adr('Accepted', fill('```\n~~~\n', n)) },
  { name: 'runbook: a dependency line of spaces', path: 'docs/runbooks/api.md', text: (n) => runbook('api' + fill(' ', n) + 'x') },
  { name: 'runbook: a dependency line of spaces and dashes', path: 'docs/runbooks/api.md', text: (n) => runbook('api' + fill(' -', n) + 'x') },
  { name: 'runbook: a title of spaces', path: 'docs/runbooks/api.md', text: (n) => '# ' + fill(' ', n) + 'x Runbook\n' + runbook('api') },
  { name: 'postmortem: a line of blame words and spaces', path: 'docs/postmortems/2024-01-01-outage.md', text: (n) => postmortem(fill('no   blame careless ', n)) },
  { name: 'postmortem: a run of spaces', path: 'docs/postmortems/2024-01-01-outage.md', text: (n) => postmortem('x' + fill(' ', n) + 'x') },
  { name: 'postmortem: an owner label followed by spaces', path: 'docs/postmortems/2024-01-01-outage.md', text: (n) => postmortem('x').replace('- [ ] fix it', `- [ ] owner:${fill(' ', n)},`) },
  { name: 'postmortem: an action item of owner and due words', path: 'docs/postmortems/2024-01-01-outage.md', text: (n) => postmortem('x').replace('- [ ] fix it', `- [ ] ${fill('owner = due: ', n)}`) },
  { name: 'manifest: a long description of ids and dashes', path: 'architecture.yaml', text: (n) => manifest(fill('ADR-00 -- ', n)) },
  { name: 'manifest: a suppression reason citing an ADR with a long number', path: 'architecture.yaml', text: (n) => `# archframe-disable health-check -- ADR-${fill('0', n)}x\n` + manifest('d') },
  { name: 'manifest: a long decision reference', path: 'architecture.yaml', text: (n) => manifest('d').replace('[ADR-1]', `["${fill('x.md', n)}"]`) },
  { name: '.archframe.yaml: a long ignore glob', path: '.archframe.yaml', text: (n) => lines('ignore:', `  - "${fill('*/', n)}"`) },
  { name: 'Backstage catalog: a long description', path: 'catalog-info.yaml', text: (n) => lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata:', '  name: api', `  description: ${JSON.stringify(fill('component:default/ ', n))}`, 'spec:', '  type: service', '  owner: team-a', '  lifecycle: production') },
];

/** Parses and checks the document, as the server does on open; the fastest of a few runs. */
function analyse(path: string, text: string): number {
  let best = Infinity;
  for (let run = 0; run < (text.length > 500 * KB ? 2 : 3); run++) {
    const started = performance.now();
    const engine = engineFor({ [path]: text });
    engine.findingsFor(`file:///workspace/${path}`);
    engine.snapshot().document(`file:///workspace/${path}`);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('no freeze on hostile text: time grows linearly with a long line', () => {
  for (const hostile of CASES) {
    it(hostile.name, () => {
      const tiny = analyse(hostile.path, hostile.text(10 * KB));
      assert.ok(tiny < MAX_10KB_MS, `10 KB took ${Math.round(tiny)} ms`);
      const small = analyse(hostile.path, hostile.text(100 * KB));
      assert.ok(small < MAX_100KB_MS, `100 KB took ${Math.round(small)} ms`);
      const large = analyse(hostile.path, hostile.text(1024 * KB));
      assert.ok(large < MAX_RATIO * small + SLACK_MS, `100 KB took ${small.toFixed(1)} ms, 1 MB ${large.toFixed(1)} ms (${(large / small).toFixed(1)}×)`);
    });
  }
});
