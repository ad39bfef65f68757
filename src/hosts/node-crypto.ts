import { KeyObject, createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto'
import type { CryptoPrimitives } from '../crypto/primitives'
import type { Sha256 } from '../ledger/chain'

/** GCM's authentication tag, as WebCrypto appends it to the ciphertext. */
const TAG_BYTES = 16

/** Node's view of each WebCrypto key, made once: `KeyObject.from` works on non-extractable keys too. */
const keyObjects = new WeakMap<CryptoKey, KeyObject>()

function keyObject(key: CryptoKey): KeyObject {
  let object = keyObjects.get(key)
  if (!object) {
    object = KeyObject.from(key)
    keyObjects.set(key, object)
  }
  return object
}

/**
 * The app's keyed primitives on `node:crypto`: synchronous, without WebCrypto's trip through the thread
 * pool, and byte for byte what `webCryptoPrimitives` computes (ciphertext with the GCM tag appended). The
 * keys stay the app's CryptoKeys, non-extractable through WebCrypto; Node reads them through
 * `KeyObject.from`, whose objects (cached here, in this process only) could be exported by code in the
 * process — no weaker than the raw key material the host already holds in memory.
 *
 * @example
 * const keys = await importKeys(config, { primitives: nodeCryptoPrimitives })
 */
export const nodeCryptoPrimitives: CryptoPrimitives = {
  hmacSha256(key, data) {
    return createHmac('sha256', keyObject(key)).update(data).digest()
  },
  encryptAesGcm(key, nonce, additionalData, plaintext) {
    const cipher = createCipheriv('aes-256-gcm', keyObject(key), nonce)
    cipher.setAAD(additionalData)
    const head = cipher.update(plaintext)
    const tail = cipher.final()
    const tag = cipher.getAuthTag()
    const out = new Uint8Array(head.length + tail.length + TAG_BYTES)
    out.set(head, 0)
    out.set(tail, head.length)
    out.set(tag, head.length + tail.length)
    return out
  },
  decryptAesGcm(key, nonce, additionalData, body) {
    if (body.length < TAG_BYTES) throw new Error('sealed body is shorter than its tag')
    const decipher = createDecipheriv('aes-256-gcm', keyObject(key), nonce)
    decipher.setAAD(additionalData)
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
    const head = decipher.update(body.subarray(0, body.length - TAG_BYTES))
    const tail = decipher.final() // throws when the tag does not verify
    const out = new Uint8Array(head.length + tail.length)
    out.set(head, 0)
    out.set(tail, head.length)
    return out
  },
}

/**
 * SHA-256 on `node:crypto`, for the ledger's hash chain: the same digest as the pure-JS default, several
 * times faster for an event's few hundred bytes.
 *
 * @example
 * new GroupCommitWriter({ db, sha256: nodeSha256 })
 */
export const nodeSha256: Sha256 = (bytes) => createHash('sha256').update(bytes).digest()
