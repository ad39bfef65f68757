import { randomBytes } from '../crypto/random'

/**
 * Receipt codes: the reporter's only way back to their tip. 80 random bits written as 16 Crockford base32
 * characters in groups of four (`7K3M-9Q2X-…`): no I, L, O or U to misread, short enough to copy from a
 * phone screen onto paper. Input is forgiving (any case, spaces or dashes, I/L read as 1 and O as 0);
 * storage is an HMAC under a server key, so a copy of the database cannot be used to read anyone's case.
 */

/** Crockford's base32 alphabet. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Characters in a receipt, and the bits they carry (5 each). */
export const RECEIPT_CHARS = 16

/**
 * Random Crockford characters from WebCrypto (via the pool). Each character takes a whole random byte masked to 5 bits,
 * so every character is uniform (32 divides 256) and `n` characters carry exactly `5n` bits.
 *
 * @example
 * randomCrockford(8) // 'Q7K3M9XA'
 */
export function randomCrockford(n: number): string {
  const bytes = randomBytes(n)
  let out = ''
  for (const byte of bytes) out += CROCKFORD[byte & 31]
  return out
}

/**
 * Splits a code into groups of four with dashes, the way it is shown and read out.
 *
 * @example
 * groupOfFour('7K3M9Q2XA1B2C3D4') // '7K3M-9Q2X-A1B2-C3D4'
 */
export function groupOfFour(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? ''
}

/**
 * Makes a new receipt: 16 characters, 80 bits. `code` is the canonical form that gets hashed, `shown` the
 * grouped form the reporter is given.
 *
 * @example
 * newReceipt() // { code: '7K3M9Q2XA1B2C3D4', shown: '7K3M-9Q2X-A1B2-C3D4' }
 */
export function newReceipt(): { code: string; shown: string } {
  const code = randomCrockford(RECEIPT_CHARS)
  return { code, shown: groupOfFour(code) }
}

/**
 * What a person typed, as the canonical code: upper case, separators and spaces dropped, I/L → 1 and
 * O → 0. Returns null when anything else remains, so a caller can tell a typo from an unknown code.
 *
 * @example
 * normalizeCode(' 7k3m-9q2x aibz-c3do ') // '7K3M9Q2XA1BZC3D0'
 * normalizeCode('hello!') // null
 */
export function normalizeCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
  if (code.length === 0) return null
  for (const ch of code) if (!CROCKFORD.includes(ch)) return null
  return code
}

/**
 * The canonical receipt, or null when the input cannot be a receipt (wrong characters or length).
 *
 * @example
 * normalizeReceipt('7k3m 9q2x a1b2 c3d4') // '7K3M9Q2XA1B2C3D4'
 * normalizeReceipt('7K3M') // null
 */
export function normalizeReceipt(input: string): string | null {
  const code = normalizeCode(input)
  return code?.length === RECEIPT_CHARS ? code : null
}
