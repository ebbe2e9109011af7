import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const service = (hashing: string) => lines('archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', `    passwordHashing: ${hashing}`);
const store = (algorithm: string) => lines('archframe: 1', 'system: shop', 'datastores:', '  db:', `    encryption: { atRest: true, algorithm: ${algorithm} }`);

ruleTests('weak-crypto', {
  valid: [
    { name: 'argon2id', manifest: service('argon2id') },
    { name: 'des inside a longer word', manifest: store('aes-256-gcm-desktop') },
    { name: 'sha-256 is not sha-1', manifest: store('hmac-sha-256') },
  ],
  invalid: [
    { name: 'md5 password hashing', manifest: service('MD5'), findings: [{ text: 'MD5', severity: 'error', message: /^MD5 in 'MD5'/ }] },
    { name: 'sha1 with a salt', manifest: service('salted-sha1'), findings: [{ text: 'salted-sha1', message: /^SHA-1/ }] },
    { name: 'triple-des at rest', manifest: store('Triple-DES'), findings: [{ text: 'Triple-DES', message: /^3DES/ }] },
    { name: 'des and rc4', manifest: store('des-cbc'), findings: [{ text: 'des-cbc', message: /^DES/ }] },
    { name: 'rc4 stream', manifest: store('rc4'), findings: [{ text: 'rc4', message: /^RC4/ }] },
  ],
});
