import type { Rule } from './types';

/**
 * Problems the parsers report while reading a document. They have no check of
 * their own but are rules all the same: configurable, documented, listed.
 */
const parserRule = (id: string, summary: string, appliesTo: 'manifest' = 'manifest', fixable = false): Rule => ({
  meta: { id, category: 'schema', severity: 'error', summary, reference: 'Manifest format (docs/manifest.md)', appliesTo, fixable },
});

export const schemaRules: Rule[] = [
  parserRule('manifest-version', 'The manifest starts with `archframe: 1`, a version this archframe reads.'),
  parserRule('schema-enum', 'An enumerated field holds one of its allowed values.', 'manifest', true),
  parserRule('schema-format', 'Durations, percents and names are written in their formats.'),
  parserRule('schema-range', 'Numbers stay within their bounds (no negative replicas, no availability over 100).'),
  parserRule('schema-required', 'Required fields are present (`system`, a component\'s `kind`, a dependency\'s `target`).'),
  parserRule('schema-type', 'Every field has the type the format gives it.'),
  parserRule('schema-unknown-key', 'Every key is one the format knows; near misses get a "did you mean".', 'manifest', true),
  parserRule('yaml-syntax', 'The file is valid YAML.'),
];
