import * as path from 'node:path';
import { ruleDocsPath } from '../engine/rules';
import { fileUri } from '../engine/text/uri';

/**
 * The rule's docs page on disk. The docs ship beside the bundles
 * (`dist/../docs/rules/<id>.md`), so the page is found from the running bundle.
 */
export function ruleDocsFile(ruleId: string): string {
  return path.resolve(__dirname, '..', ruleDocsPath(ruleId));
}

/** The rule's docs page as a file URI: the diagnostics' code link, the CLI's and SARIF's help link. */
export function docsHref(ruleId: string): string {
  return fileUri(ruleDocsFile(ruleId));
}
