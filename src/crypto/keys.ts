import type { Config } from '../config'
import { fromBase64, toBase64 } from '../auth/base64'
import { toHex } from './bytes'
import { type CryptoPrimitives, webCryptoPrimitives } from './primitives'

/**
 * The key material the app works with, imported once at start-up as non-extractable WebCrypto keys.
 * `data` seals tip text and messages; `lookup` makes the keyed hashes under which receipts and informant
 * codes are stored and found.
 */
export interface Keys {
  data: DataKeyring
  lookup: CryptoKey
  /**
   * HMAC key of the early-warning index (keyed hashes of names, classes and places a tip mentions). Its own
   * key, not `lookup`: the index holds guessable inputs (common names), so it must be possible to rotate or
   * drop it without touching receipts.
   */
  terms: CryptoKey
  /** Raw HS256 key for staff session tokens (jose wants the bytes). */
  session: Uint8Array
  /** Raw key for staff recovery-code digests (HMAC); the receipt key's bytes, which are never rotated. */
  recovery: Uint8Array
  /** How every key here is used (HMAC hashes, sealing): WebCrypto unless the host gave faster equivalents. */
  primitives: CryptoPrimitives
}

/** AES-256-GCM keys by id: new rows are sealed with `activeId`, old rows opened with whatever sealed them. */
export interface DataKeyring {
  activeId: string
  byId: ReadonlyMap<string, CryptoKey>
}

export class MissingKeyError extends Error {
  override name = 'MissingKeyError'
}

/**
 * Imports DATA_KEY (+ OLD_DATA_KEYS) and RECEIPT_KEY from validated config. Both must be present by now:
 * the Node host fills them from its local key file, other hosts from their secrets. `primitives` is how
 * the keys will be used (WebCrypto by default; the Node host passes `node:crypto`, which gives the same
 * bytes faster).
 *
 * @example
 * const keys = await importKeys(config)
 */
export async function importKeys(config: Config, { primitives = webCryptoPrimitives }: { primitives?: CryptoPrimitives } = {}): Promise<Keys> {
  if (!config.DATA_KEY) throw new MissingKeyError('DATA_KEY is not set')
  if (!config.RECEIPT_KEY) throw new MissingKeyError('RECEIPT_KEY is not set')
  if (!config.SESSION_KEY) throw new MissingKeyError('SESSION_KEY is not set')
  const byId = new Map<string, CryptoKey>()
  byId.set(config.DATA_KEY_ID, await importAesKey(config.DATA_KEY))
  for (const pair of config.OLD_DATA_KEYS.split(',').filter(Boolean)) {
    const at = pair.indexOf(':')
    const id = pair.slice(0, at)
    if (!byId.has(id)) byId.set(id, await importAesKey(pair.slice(at + 1)))
  }
  const lookup = await crypto.subtle.importKey('raw', decode(config.RECEIPT_KEY), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const terms = config.TERM_KEY
    ? await crypto.subtle.importKey('raw', decode(config.TERM_KEY), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    : await deriveTermKey(config.RECEIPT_KEY)
  return {
    data: { activeId: config.DATA_KEY_ID, byId },
    lookup,
    terms,
    session: decode(config.SESSION_KEY),
    recovery: decode(config.RECEIPT_KEY),
    primitives,
  }
}

/**
 * A fresh random 32-byte secret as base64: what DATA_KEY, RECEIPT_KEY and SESSION_KEY hold.
 *
 * @example
 * newSecret() // 'q3Jt…=' (44 characters)
 */
export function newSecret(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)))
}

/** What a keyed hash is for; part of the hashed text so a receipt hash can never match an informant hash. */
export type LookupPurpose = 'receipt' | 'informant'

/**
 * HMAC-SHA-256 of `purpose:code` under the lookup key, as hex: how receipts and informant codes are
 * stored, and how a presented code is found again (an index lookup on the hash, never a comparison loop).
 *
 * @example
 * await lookupHash(keys, 'receipt', '7K3M9Q2XA1B2C3D4') // '5f1c…' (64 hex characters)
 */
export async function lookupHash(keys: Keys, purpose: LookupPurpose, code: string): Promise<string> {
  return toHex(await keys.primitives.hmacSha256(keys.lookup, encoder.encode(`${purpose}:${code}`)))
}

const encoder = new TextEncoder()

/**
 * The early-warning key derived from RECEIPT_KEY with HKDF-SHA-256 under its own label, so a local install
 * needs no new secret and the derived key reveals nothing about the receipt key.
 */
async function deriveTermKey(receiptKey: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', decode(receiptKey), 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('tipline early-warning terms v1') },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  )
}

function importAesKey(base64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', decode(base64), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64(base64)
  // Config validation already checked the encoding; this only guards direct callers.
  if (!bytes) throw new MissingKeyError('a key is not valid base64')
  return bytes
}
