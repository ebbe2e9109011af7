import { weakAlgorithm } from '../../model/crypto';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'weak-crypto',
    category: 'security',
    severity: 'error',
    summary: 'No broken or weak algorithm (MD5, SHA-1, DES, 3DES, RC4) in any algorithm or hashing field.',
    reference: 'Part XXVIII §3, Cryptography ("What to Avoid")',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    const check = (element: ManifestElement, path: string[], value: string | undefined, instead: string) => {
      const weak = weakAlgorithm(value);
      if (!weak) return;
      report({
        at: at(element, path, 'value'),
        message: `${weak} in '${value}' is broken or too weak to protect anything; use ${instead}.`,
        element: `${element.section}.${element.name}.${path.join('.')}`,
      });
    };
    for (const component of ownElements(workspace, document, 'components')) {
      check(component, ['passwordHashing'], component.value!.passwordHashing, 'argon2id (or scrypt, bcrypt)');
    }
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      check(datastore, ['encryption', 'algorithm'], datastore.value!.encryption?.algorithm, 'AES-256-GCM');
    }
  },
});
