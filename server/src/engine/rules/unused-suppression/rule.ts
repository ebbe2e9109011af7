import { defineRule } from '../types';

/**
 * Reported by the suppression pass (engine/suppressions.ts) after every rule
 * has run, so it has no check of its own.
 */
export const rule = defineRule({
  meta: {
    id: 'unused-suppression',
    category: 'suppression',
    severity: 'info',
    summary: 'A suppression comment silences something: a finding of the rule it names, on the line it names.',
    reference: 'archframe suppression comments (docs/manifest.md, "Rules"); Axiom 4: a silenced signal must still mean something',
    appliesTo: 'manifest',
  },
});
