import type { DocumentKind } from '../workspace/classify';
import type { Rule } from './types';

/** The YAML documents archframe reads, and those whose schema it checks. */
const YAML_KINDS: readonly DocumentKind[] = ['manifest', 'config', 'catalog', 'source', 'policies'];
const SCHEMA_KINDS: readonly DocumentKind[] = ['manifest', 'config', 'policies'];

/**
 * Problems the parsers report while reading a document. They have no check of
 * their own but are rules all the same: configurable, documented, listed.
 */
const parserRule = (id: string, summary: string, appliesTo: DocumentKind | readonly DocumentKind[], fixable = false): Rule => ({
  meta: { id, category: 'schema', severity: 'error', summary, reference: 'Manifest format (docs/manifest.md)', appliesTo, fixable },
});

export const schemaRules: Rule[] = [
  parserRule('manifest-version', 'The manifest starts with `archframe: 1`, a version this archframe reads.', 'manifest'),
  parserRule('schema-enum', 'An enumerated field holds one of its allowed values.', SCHEMA_KINDS, true),
  parserRule('schema-format', 'Durations, percents and names are written in their formats.', SCHEMA_KINDS),
  parserRule('schema-range', 'Numbers stay within their bounds (no negative replicas, no availability over 100).', SCHEMA_KINDS),
  parserRule('schema-required', 'Required fields are present (`system`, a component\'s `kind`, a dependency\'s `target`).', SCHEMA_KINDS),
  parserRule('schema-type', 'Every field has the type the format gives it.', [...SCHEMA_KINDS, 'source']),
  parserRule('schema-unknown-key', 'Every key is one the format knows; near misses get a "did you mean".', SCHEMA_KINDS, true),
  parserRule('yaml-syntax', 'The file is valid YAML.', YAML_KINDS),
];
