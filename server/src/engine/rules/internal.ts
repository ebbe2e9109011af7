import { DOCUMENT_KINDS } from '../workspace/classify';
import type { Rule } from './types';

/** Findings about the analysis itself: files it will not read, rules that failed (on any kind of document). */
export const internalRules: Rule[] = [
  {
    meta: {
      id: 'file-too-large',
      category: 'schema',
      severity: 'warning',
      summary: 'Files larger than `maxFileSize` (5 MB by default) are not analysed.',
      reference: 'archframe configuration (README, "What the server reads and writes")',
      appliesTo: DOCUMENT_KINDS,
    },
  },
  {
    meta: {
      id: 'file-not-text',
      category: 'schema',
      severity: 'error',
      summary: 'A manifest or document must be text (UTF-8), not binary data.',
      reference: 'archframe configuration (README, "What the server reads and writes")',
      appliesTo: DOCUMENT_KINDS,
    },
  },
  {
    meta: {
      id: 'file-encoding',
      category: 'schema',
      severity: 'warning',
      summary: 'Files are read as UTF-8; bytes that are not UTF-8 are reported where they are.',
      reference: 'archframe configuration (README, "What the server reads and writes")',
      appliesTo: DOCUMENT_KINDS,
    },
  },
  {
    meta: {
      id: 'internal-error',
      category: 'schema',
      severity: 'error',
      summary: 'A rule failed on this file; the other rules still ran. Please report it.',
      reference: 'archframe (a defect, not a finding about the design)',
      appliesTo: DOCUMENT_KINDS,
    },
  },
];
