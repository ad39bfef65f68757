/** Bytes kept ready; one `getRandomValues` call fills it. */
const POOL_BYTES = 4096

let pool = new Uint8Array(0)
let offset = 0

/**
 * Random bytes from WebCrypto, drawn from a pool refilled 4 KiB at a time. A tip needs five small draws
 * (two ids, the receipt, the case reference, the AES nonce), and in Node each `getRandomValues` call costs
 * far more than the bytes it returns; one call now serves about a hundred tips. The bytes are the same
 * CSPRNG output, each handed out once and wiped from the pool as it goes.
 *
 * @example
 * randomBytes(12) // a fresh AES-GCM nonce
 */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  if (n > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(n))
  if (offset + n > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES))
    offset = 0
  }
  const out = pool.slice(offset, offset + n)
  pool.fill(0, offset, offset + n)
  offset += n
  return out
}
