import { lines } from '../../../../../test/helpers/engine';
import { ruleTests } from '../../../../../test/helpers/ruleTester';

const service = (hashing: string) => lines('archframe: 1', 'system: shop', 'components:', '  api:', '    kind: service', `    passwordHashing: ${hashing}`);

ruleTests('password-hashing', {
  valid: [
    { name: 'argon2id', manifest: service('argon2id') },
    { name: 'bcrypt in capitals', manifest: service('BCrypt') },
    { name: 'md5 is weak-crypto\'s error, not reported twice', manifest: service('md5') },
  ],
  invalid: [{ name: 'sha-256 is fast, not a password hash', manifest: service('sha-256'), findings: [{ text: 'sha-256', message: /'api' hashes passwords with 'sha-256': use a slow, memory-hard password hash/, severity: 'warning' }] }, { name: 'pbkdf2', manifest: service('pbkdf2'), findings: [{ text: 'pbkdf2', message: /'api' hashes passwords with 'pbkdf2'/ }] }],
});
