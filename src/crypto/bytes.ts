/**
 * Byte encodings on web standards only (`atob`, `btoa`), so they run unchanged on Workers and Node.
 */

/**
 * Decodes standard base64 (padding optional), or returns null for anything else: the input is a setting
 * or a stored value, and a bad one is a "no", not a crash.
 *
 * @example
 * fromBase64('Zm9vYmFy') // Uint8Array of 'foobar'
 * fromBase64('not base64!') // null
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))
  } catch {
    return null
  }
}

/**
 * Encodes bytes as standard, padded base64.
 *
 * @example
 * toBase64(new TextEncoder().encode('foobar')) // 'Zm9vYmFy'
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunked: spreading a large array into fromCharCode overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

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
