import * as path from 'node:path';
import { POLICY_PREFIX } from '../engine/model/policies';
import { ruleDocsPath } from '../engine/rules';
import { fileUri } from '../engine/text/uri';

/**
 * The rule's docs page on disk. The docs ship beside the bundles
 * (`dist/../docs/rules/<id>.md`), so the page is found from the running bundle.
 */
export function ruleDocsFile(ruleId: string): string {
  // A team's policy has no page of its own: the page that explains policies stands for it.
  return path.resolve(__dirname, '..', ruleId.startsWith(POLICY_PREFIX) ? POLICIES_DOCS : ruleDocsPath(ruleId));
}

const POLICIES_DOCS = 'docs/policies.md';

const hrefs = new Map<string, string>();

/** The rule's docs page as a file URI: the diagnostics' code link, the CLI's and SARIF's help link (one per rule). */
export function docsHref(ruleId: string): string {
  let href = hrefs.get(ruleId);
  if (href === undefined) hrefs.set(ruleId, (href = fileUri(ruleDocsFile(ruleId))));
  return href;
}
