/**
 * 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits: a fingerprint of data files for the scorer
 * version, not a security hash.
 *
 * @example
 * fnv1aHex('abc') // '1a47e90b'
 */
export function fnv1aHex(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
