import { toHex } from '../crypto/bytes'
import { randomBytes } from '../crypto/random'

/**
 * A UUIDv7 (RFC 9562): 48 bits of millisecond time, then 74 random bits from WebCrypto. Time-ordered, so
 * new rows append to the end of the primary-key index instead of splitting pages all over it, and ids
 * of one moment sort together; random enough that an id reveals nothing but roughly when.
 *
 * @example
 * newId(new Date('2026-03-02T08:00:00Z')) // '019c4d2a-a400-7c1e-9f3b-5d2e8a61b0c4'
 */
export function newId(at: Date): string {
  const bytes = randomBytes(16)
  let ms = at.getTime()
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256
    ms = Math.floor(ms / 256)
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f)
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = toHex(bytes)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
