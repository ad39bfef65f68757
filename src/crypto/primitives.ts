/**
 * The keyed primitives the app runs on its keys — HMAC-SHA-256 for receipt, informant and term hashes,
 * AES-256-GCM for sealed text — behind one seam, so a host can hand in a faster implementation of the same
 * algorithms. The default is WebCrypto, which runs on every host (Node, Workers, browsers).
 *
 * Why a seam: on Node every `crypto.subtle` call is dispatched to the libuv thread pool and back, which for
 * the few hundred bytes of a tip costs far more than the cryptography (a profile of intake under load put
 * about a tenth of the request thread in WebCrypto's dispatch). Node's own `node:crypto` computes the same
 * bytes synchronously; the Node host injects it (`src/hosts/node-crypto.ts`). Both must give identical
 * output: AES-GCM with a 96-bit nonce and the 16-byte tag appended to the ciphertext, as WebCrypto lays it
 * out, so a row sealed by one opens with the other (tested).
 */

/** A value now, or later: a synchronous implementation need not allocate promises. */
export type Awaitable<T> = T | Promise<T>

export interface CryptoPrimitives {
  /** HMAC-SHA-256 of `data` under an HMAC key (imported for `sign`). */
  hmacSha256(key: CryptoKey, data: Uint8Array): Awaitable<Uint8Array>
  /** AES-256-GCM encryption: the ciphertext with the 16-byte tag appended. */
  encryptAesGcm(key: CryptoKey, nonce: Uint8Array, additionalData: Uint8Array, plaintext: Uint8Array): Awaitable<Uint8Array>
  /** AES-256-GCM decryption of `encryptAesGcm`'s output; throws when the tag does not verify. */
  decryptAesGcm(key: CryptoKey, nonce: Uint8Array, additionalData: Uint8Array, body: Uint8Array): Awaitable<Uint8Array>
}

/**
 * The primitives through WebCrypto (`crypto.subtle`): the default everywhere.
 *
 * @example
 * const mac = await webCryptoPrimitives.hmacSha256(key, new TextEncoder().encode('receipt:7K3M…'))
 */
export const webCryptoPrimitives: CryptoPrimitives = {
  async hmacSha256(key, data) {
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>))
  },
  async encryptAesGcm(key, nonce, additionalData, plaintext) {
    return new Uint8Array(await crypto.subtle.encrypt(gcm(nonce, additionalData), key, plaintext as Uint8Array<ArrayBuffer>))
  },
  async decryptAesGcm(key, nonce, additionalData, body) {
    return new Uint8Array(await crypto.subtle.decrypt(gcm(nonce, additionalData), key, body as Uint8Array<ArrayBuffer>))
  },
}

/** WebCrypto's AES-GCM parameters: the 96-bit nonce and the additional data bound in. */
function gcm(nonce: Uint8Array, additionalData: Uint8Array): AesGcmParams {
  return { name: 'AES-GCM', iv: nonce as Uint8Array<ArrayBuffer>, additionalData: additionalData as Uint8Array<ArrayBuffer> }
}
