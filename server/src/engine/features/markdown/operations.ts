import type { PostmortemDocument, RunbookDocument } from '../../parse/operations';
import type { DocumentFeatures } from '../index';

/**
 * Runbook- and postmortem-specific editor features (the runbooks issue fills
 * these in); markdownFeatures merges them with what all Markdown documents get.
 */
export const operationsFeatures: DocumentFeatures<RunbookDocument | PostmortemDocument> = {};
