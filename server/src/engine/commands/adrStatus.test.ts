import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineFor, lines, uriOf, type Files } from '../../../../test/helpers/engine';
import { applyEdits } from '../fixes/yamlEdits';
import { LineIndex } from '../text/lineIndex';
import { planStatusChange } from './adrStatus';

/** The files after the plan's edits, by path (only those it changed). */
function changed(files: Files, adr: string, status: string, by?: string): Files {
  const plan = planStatusChange(engineFor(files).snapshot(), { adr: uriOf(adr), status, by: by && uriOf(by) });
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  const out: Files = {};
  for (const uri of new Set(plan.edits.map((e) => e.uri))) {
    const path = uri.slice(uriOf('').length);
    out[path] = applyEdits(files[path], new LineIndex(files[path]), plan.edits.filter((e) => e.uri === uri));
  }
  return out;
}

describe('planStatusChange: the status where and as the ADR writes it', () => {
  it('front matter, in lower case; a MADR bullet; a bold line keeps its marks; a table cell keeps the row', () => {
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('---', 'status: "proposed"', 'date: 2024-01-05', '---', '# A') }, 'docs/adr/0001-a.md', 'accepted'), {
      'docs/adr/0001-a.md': lines('---', 'status: "accepted"', 'date: 2024-01-05', '---', '# A'),
    });
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('# A', '', '* Status: proposed', '* Date: 2024-01-05') }, 'docs/adr/0001-a.md', 'rejected'), {
      'docs/adr/0001-a.md': lines('# A', '', '* Status: rejected', '* Date: 2024-01-05'),
    });
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('# A', '', 'Status: **Accepted**, open to revisiting') }, 'docs/adr/0001-a.md', 'deprecated'), {
      'docs/adr/0001-a.md': lines('# A', '', 'Status: **Deprecated**'),
    });
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('# A', '', '**Status: Accepted, open to revisiting**') }, 'docs/adr/0001-a.md', 'deprecated'), {
      'docs/adr/0001-a.md': lines('# A', '', '**Status: Deprecated**'),
    });
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('# A', '', '| Status | Date |', '|---|---|', '| Decided. Open to revisiting | 5 January 2024 |') }, 'docs/adr/0001-a.md', 'deprecated'), {
      'docs/adr/0001-a.md': lines('# A', '', '| Status | Date |', '|---|---|', '| Deprecated | 5 January 2024 |'),
    });
  });

  it('an empty Status section is filled; an ADR without a status gets a Status section', () => {
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('# 1. A', '', '## Status', '', '## Context', '', 'c') }, 'docs/adr/0001-a.md', 'accepted'), {
      'docs/adr/0001-a.md': lines('# 1. A', '', '## Status', '', 'Accepted', '', '## Context', '', 'c'),
    });
    assert.deepEqual(changed({ 'docs/adr/0001-a.md': lines('# 1. A', '', '## Context', '', 'c') }, 'docs/adr/0001-a.md', 'proposed'), {
      'docs/adr/0001-a.md': lines('# 1. A', '', '## Status', '', 'Proposed', '', '## Context', '', 'c'),
    });
  });

  it('superseded in front matter names the successor by id, and the successor says it supersedes it', () => {
    const files = {
      'docs/decisions/0001-a.md': lines('---', 'status: accepted', '---', '# Use A', '', '## Context and Problem Statement', '', 'c'),
      'docs/decisions/0002-b.md': lines('---', 'status: accepted', '---', '# Use B', '', '## Context and Problem Statement', '', 'c'),
    };
    assert.deepEqual(changed(files, 'docs/decisions/0001-a.md', 'superseded', 'docs/decisions/0002-b.md'), {
      'docs/decisions/0001-a.md': lines('---', 'status: superseded by ADR-0002', '---', '# Use A', '', '## Context and Problem Statement', '', 'c'),
      'docs/decisions/0002-b.md': lines('---', 'status: accepted', '---', '# Use B', '', 'Supersedes [1. Use A](0001-a.md)', '', '## Context and Problem Statement', '', 'c'),
    });
  });

  it('leaving superseded takes the successor\'s `; supersedes …` out, and a sentence that says more stays', () => {
    const files = {
      'docs/adr/0001-a.md': lines('# 1. A', '', 'Status: Superseded by [2. B](0002-b.md)'),
      'docs/adr/0002-b.md': lines('# 2. B', '', 'Status: Accepted; supersedes [1. A](0001-a.md)'),
    };
    assert.deepEqual(changed(files, 'docs/adr/0001-a.md', 'accepted'), { 'docs/adr/0001-a.md': lines('# 1. A', '', 'Status: Accepted'), 'docs/adr/0002-b.md': lines('# 2. B', '', 'Status: Accepted') });
    const both = { ...files, 'docs/adr/0002-b.md': lines('# 2. B', '', '## Status', '', 'Accepted', '', 'Supersedes [1. A](0001-a.md) and [3. C](0003-c.md)'), 'docs/adr/0003-c.md': lines('# 3. C', '', 'Status: Superseded by [2. B](0002-b.md)') };
    assert.deepEqual(Object.keys(changed(both, 'docs/adr/0001-a.md', 'accepted')), ['docs/adr/0001-a.md']);
  });

  it('says why when there is nothing to do', () => {
    const workspace = engineFor({ 'docs/adr/0001-a.md': lines('# 1. A', '', 'Status: Accepted') }).snapshot();
    const plan = planStatusChange(workspace, { adr: uriOf('docs/adr/0001-a.md'), status: 'Accepted' });
    assert.deepEqual(plan, { ok: false, message: 'ADR-0001 is accepted already.' });
  });
});
