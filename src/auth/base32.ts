/**
 * Base32 (RFC 4648 §6): the alphabet authenticator apps expect for TOTP secrets, and the one recovery codes
 * are written in because it has no 0/1/8/9 to confuse with O/I/L/B when read off paper.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/**
 * Encodes bytes as upper-case base32, padded with `=` to a multiple of 8 unless `pad` is false
 * (otpauth URIs and recovery codes leave padding off).
 *
 * @example
 * base32Encode(new TextEncoder().encode('foobar')) // 'MZXW6YTBOI======'
 * base32Encode(new TextEncoder().encode('foobar'), { pad: false }) // 'MZXW6YTBOI'
 */
export function base32Encode(bytes: Uint8Array, { pad = true }: { pad?: boolean } = {}): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff // only the low bits still to be emitted matter
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31]
  if (pad) while (out.length % 8 !== 0) out += '='
  return out
}

/**
 * Decodes base32, forgiving what people and apps do to it: any case, spaces, hyphens, missing or present
 * padding. Returns null if anything else is in the text.
 *
 * @example
 * base32Decode('mzxw 6ytb oi') // Uint8Array of 'foobar'
 * base32Decode('MZXW1') // null — '1' is not in the alphabet
 * base32Decode('MZX') // null — three characters cannot encode whole bytes
 */
export function base32Decode(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase()
  // 1, 3 or 6 trailing characters cannot come from whole bytes: the text was cut short or mistyped.
  if ([1, 3, 6].includes(clean.length % 8)) return null
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8))
  let buffer = 0
  let bits = 0
  let index = 0
  for (const char of clean) {
    const value = ALPHABET.indexOf(char)
    if (value < 0) return null
    buffer = ((buffer << 5) | value) & 0xffff
    bits += 5
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff
      bits -= 8
    }
  }
  return out
}
