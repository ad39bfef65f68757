import type { Keys } from './keys'
import { randomBytes } from './random'

/** A sealed value as stored: ciphertext (with GCM tag), its 96-bit nonce and the id of the key that sealed it. */
export interface Sealed {
  keyId: string
  nonce: Uint8Array
  body: Uint8Array
}

export class UnsealError extends Error {
  override name = 'UnsealError'
}

/** What sealing needs of the app's keys: the data keyring, and how AES-GCM runs (`Keys.primitives`). */
export type SealingKeys = Pick<Keys, 'data' | 'primitives'>

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * Encrypts text with AES-256-GCM under the active data key and a fresh random nonce. `context` is bound in
 * as additional data (e.g. `tip:<id>`), so a ciphertext copied onto another row no longer opens.
 *
 * @example
 * const sealed = await seal(keys, 'tip:0190…', JSON.stringify({ text }))
 */
export async function seal(keys: SealingKeys, context: string, plaintext: string): Promise<Sealed> {
  const ring = keys.data
  const key = ring.byId.get(ring.activeId)
  if (!key) throw new UnsealError(`no data key with id ${ring.activeId}`)
  const nonce = randomBytes(12)
  const body = await keys.primitives.encryptAesGcm(key, nonce, encoder.encode(context), encoder.encode(plaintext))
  return { keyId: ring.activeId, nonce, body }
}

/**
 * Decrypts what `seal` produced, with the key named on the row. Throws UnsealError when the key is
 * unknown or the ciphertext, nonce or context do not match (tampering, or a row moved elsewhere).
 *
 * @example
 * const text = await unseal(keys, 'tip:0190…', row)
 */
export async function unseal(keys: SealingKeys, context: string, sealed: Sealed): Promise<string> {
  const key = keys.data.byId.get(sealed.keyId)
  if (!key) throw new UnsealError(`no data key with id ${sealed.keyId}`)
  try {
    const plain = await keys.primitives.decryptAesGcm(key, sealed.nonce, encoder.encode(context), sealed.body)
    return decoder.decode(plain)
  } catch {
    throw new UnsealError('sealed value does not open with its key and context')
  }
}
