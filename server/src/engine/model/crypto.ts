/** Cryptography the framework warns against (Part XXVIII §3): what the security rules look for in algorithm fields. */

/** Broken or weak algorithms, as whole words: "des" in "desktop" is not DES. */
const WEAK = /(?<![a-z0-9])(md5|sha-?1|3-?des|triple-?des|tdes|des|rc4)(?![a-z0-9])/i;

const NAMES: Record<string, string> = { md5: 'MD5', sha1: 'SHA-1', des: 'DES', '3des': '3DES', tripledes: '3DES', tdes: '3DES', rc4: 'RC4' };

/** The weak algorithm named in a value, as the framework names it, if any. */
export function weakAlgorithm(value: string | undefined): string | undefined {
  const match = value === undefined ? null : WEAK.exec(value);
  return match ? NAMES[match[1].toLowerCase().replace(/-/g, '')] : undefined;
}
