import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdrDocument } from '../../server/src/engine/parse/adr';
import { engineFor, lines, uriOf } from '../helpers/engine';

/**
 * Template files in an ADR folder are not decisions: no rule checks them, the index does not count them, and their
 * collection learns from them (section names, status words).
 */

const madrTemplate = lines(
  '# {short title, representative of solved problem and found solution}',
  '',
  '## Context and Problem Statement',
  '',
  '{Describe the context and problem statement, e.g., in free form using two to three sentences.}',
  '',
  '## Considered Options',
  '',
  '* {title of option 1}',
  '* {title of option 2}',
  '',
  '## Decision Outcome',
  '',
  'Chosen option: "{title of option 1}", because {justification}.',
);
const nygardTemplate = lines('# NUMBER. TITLE', '', 'Date: DATE', '', '## Status', '', 'STATUS', '', '## Context', '', 'TODO: the forces at play.', '', '## Decision', '', 'TODO', '', '## Consequences', '', 'TODO');
const adr = (title: string) => lines(`# ${title}`, '', '## Status', '', 'Accepted', '', '## Context', '', 'Orders arrive in bursts.', '', '## Decision', '', 'We queue them.', '', '## Consequences', '', 'One more system to run.');

describe('ADR templates', () => {
  const files = {
    'docs/adr/template.md': nygardTemplate,
    'docs/adr/0000-template.md': nygardTemplate,
    'docs/adr/ADR-Template.md': madrTemplate,
    'docs/adr/adr-template-bare-minimal.md': lines('# <!-- short title -->', '', '## Context and Problem Statement', '', '', '## Decision Outcome', ''),
    // No template name: a placeholder title over sections of placeholders.
    'docs/adr/0000-new-decision.md': madrTemplate,
    'docs/adr/0001-use-a-queue.md': adr('1. Use a queue'),
    // A numbered record that decides on a template engine is a decision.
    'docs/adr/0002-choose-a-template-engine.md': lines('# 2. Choose a template engine', '', '## Status', '', 'Accepted', '', '## Context', '', 'TODO'),
  };
  const engine = engineFor(files);
  const templates = ['docs/adr/template.md', 'docs/adr/0000-template.md', 'docs/adr/ADR-Template.md', 'docs/adr/adr-template-bare-minimal.md', 'docs/adr/0000-new-decision.md'];

  it('no rule reports anything on a template, by name in any case or by content', () => {
    for (const path of templates) {
      assert.equal((engine.document(uriOf(path)) as AdrDocument | undefined)?.template, true, `${path} is not read as a template`);
      assert.deepEqual(engine.findingsFor(uriOf(path)).map((f) => `${f.ruleId}: ${f.message}`), [], path);
    }
  });

  it('templates are not ADRs of the index: not counted, not numbered, not resolved', () => {
    const workspace = engine.snapshot();
    const adrs = workspace.documents('adr') as readonly AdrDocument[];
    assert.deepEqual(adrs.map((a) => a.fileName).sort(), ['0001-use-a-queue.md', '0002-choose-a-template-engine.md']);
    assert.equal(workspace.adrs.resolve('ADR-0', uriOf('docs/adr/0001-use-a-queue.md')), undefined);
    assert.equal(workspace.adrs.nextNumber(uriOf('docs/adr')), 3);
    assert.equal(workspace.adrs.template(uriOf('docs/adr/0001-use-a-queue.md'))?.fileName, 'template.md');
  });

  it('a decision whose name holds the word template is still checked', () => {
    const found = engine.findingsFor(uriOf('docs/adr/0002-choose-a-template-engine.md')).map((f) => f.ruleId);
    assert.ok(found.includes('adr-placeholder'), found.join(', '));
    assert.ok(found.includes('adr-sections'), found.join(', '));
  });

  it('a template that gets a real title and content becomes a decision again', () => {
    const filled = engineFor({ 'docs/adr/0003-use-kafka.md': madrTemplate.replace('{short title, representative of solved problem and found solution}', 'Use Kafka') });
    assert.equal((filled.document(uriOf('docs/adr/0003-use-kafka.md')) as AdrDocument).template, false);
    assert.ok(filled.findingsFor(uriOf('docs/adr/0003-use-kafka.md')).some((f) => f.ruleId === 'adr-placeholder'));
  });
});
