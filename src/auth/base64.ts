/**
 * Base64 (RFC 4648 §4) and base64url (§5) for byte strings, on `btoa`/`atob` so it runs unchanged on
 * Workers and Node without `Buffer`.
 */

/**
 * Encodes bytes as standard, padded base64.
 *
 * @example
 * toBase64(new TextEncoder().encode('foobar')) // 'Zm9vYmFy'
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // Build the binary string in chunks: spreading a large array into fromCharCode overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Encodes bytes as unpadded base64url, safe in URLs, cookies and JWT claims.
 *
 * @example
 * toBase64Url(new Uint8Array([0xfb, 0xff])) // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Decodes standard base64 (padding optional). Returns null instead of throwing on anything that is not
 * base64, because the input usually comes from storage or a client and a bad value is a "no", not a crash.
 *
 * @example
 * fromBase64('Zm9vYmFy') // Uint8Array of 'foobar'
 * fromBase64('not base64!') // null
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

/**
 * Decodes unpadded base64url (what `toBase64Url` makes); null for anything else.
 *
 * @example
 * fromBase64Url('-_8') // Uint8Array [0xfb, 0xff]
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  const standard = text.replace(/-/g, '+').replace(/_/g, '/')
  return fromBase64(standard + '='.repeat((4 - (standard.length % 4)) % 4))
}
