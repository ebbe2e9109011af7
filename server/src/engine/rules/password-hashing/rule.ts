import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';
import { weakAlgorithm } from '../../model/crypto';

const SLOW_HASHES = new Set(['argon2id', 'scrypt', 'bcrypt']);

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'password-hashing',
    category: 'security',
    severity: 'warning',
    summary: 'Passwords are hashed with argon2id, scrypt or bcrypt.',
    reference: 'Part XXVIII §3, Recommended Algorithms',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const hashing = component.value!.passwordHashing;
      // Broken algorithms are weak-crypto's errors; this rule covers the merely unsuitable.
      if (hashing === undefined || SLOW_HASHES.has(hashing.trim().toLowerCase()) || weakAlgorithm(hashing)) continue;
      report({
        at: at(component, ['passwordHashing'], 'value'),
        message: `'${component.name}' hashes passwords with '${hashing}': use a slow, memory-hard password hash (argon2id; scrypt or bcrypt) so that a leaked table cannot be brute-forced.`,
        element: `components.${component.name}.passwordHashing`,
      });
    }
  },
});
