import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AdrDocument } from '../../server/src/engine/parse/adr';
import { CORPORA, EXPECTED_COLLECTIONS, describeFinding, judge, runCollection, trueFindings } from '../helpers/adrCorpora';

/**
 * The public ADR collections of ../shared/corpora/adr, read as the product reads a workspace. Their true
 * defects are labelled in adr-true-findings.yaml; any other error or warning is a false finding and fails here,
 * and so does a labelled defect that is no longer found. Without the corpora (a clone on its own) the tests are
 * skipped, saying why.
 */

/** How many files of each collection are ADRs (templates, README and index pages are not). */
const ADRS: Record<(typeof EXPECTED_COLLECTIONS)[number], number> = {
  adr__madr: 20,
  'alphagov__govuk-aws': 38,
  'arachne-framework__architecture': 17,
  dapr__dapr: 22,
  'npryce__adr-tools': 9,
  thomvaill__log4brains: 37,
};

describe('ADR corpora: true findings only', () => {
  const labels = trueFindings();

  it('the labels name the six collections, and no other', () => {
    assert.deepEqual(Object.keys(labels).sort(), [...EXPECTED_COLLECTIONS].sort());
  });

  for (const name of EXPECTED_COLLECTIONS) {
    const folder = join(CORPORA, name);
    const skip = !existsSync(CORPORA) ? `no ADR corpora at ${CORPORA} (set ARCHFRAME_CORPORA to a folder holding adr/<collection>/)` : !existsSync(folder) ? `collection ${name} is not in ${CORPORA}` : false;
    it(`${name}: every error and warning is a labelled true finding, and every label is found`, { skip }, (t) => {
      const run = runCollection(name);
      const adrs = run.engine.snapshot().documents('adr') as readonly AdrDocument[];
      assert.equal(adrs.length, ADRS[name], `ADRs read in ${name}`);
      const judged = judge(run.findings, labels[name]);
      t.diagnostic(`${name}: ${judged.falseFiles.length} of ${run.markdownFiles} Markdown files with a false error or warning (${((100 * judged.falseFiles.length) / run.markdownFiles).toFixed(1)} %)`);
      assert.deepEqual(judged.unexpected.map(describeFinding), [], 'false findings (not in test/corpus/adr-true-findings.yaml)');
      assert.deepEqual(judged.missing.map((l) => `${l.file}:${l.line} ${l.rule} (${l.why})`), [], 'labelled true findings no longer found');
    });
  }
});
