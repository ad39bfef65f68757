/*
 * Hex for digests and keyed hashes. Base64 lives in src/auth/base64.ts (shared with sessions and TOTP).
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * Lower-case hex, the form digests and keyed hashes are stored and compared in.
 *
 * @example
 * toHex(new Uint8Array([0, 255])) // '00ff'
 */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  let out = ''
  for (const byte of view) out += HEX[byte]
  return out
}
