import { fromBase64, toBase64 } from './base64'
import { timingSafeEqual } from './constant-time'

/**
 * Staff password hashing: PBKDF2-HMAC-SHA-256 through WebCrypto, the one password KDF both Node and Workers
 * implement natively (no scrypt/argon2 without WASM or `node:crypto`).
 *
 * Stored form: `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`. It names its own parameters so the
 * iteration count can be raised later: old hashes still verify, and `needsRehash` tells the login route to
 * store a fresh hash once it holds the plain password.
 */

/**
 * OWASP Password Storage Cheat Sheet's count for PBKDF2-HMAC-SHA-256.
 *
 * @example
 * needsRehash(stored, { iterations: PBKDF2_ITERATIONS })
 */
export const PBKDF2_ITERATIONS = 600_000

/**
 * Cloudflare's workerd refuses PBKDF2 above 100,000 iterations (cloudflare/workerd#1346). A Workers host must
 * pass `{ iterations: WORKERS_PBKDF2_MAX_ITERATIONS }` and cannot verify hashes made with more; see README, "Passwords".
 *
 * @example
 * await hashPassword(pw, { iterations: WORKERS_PBKDF2_MAX_ITERATIONS }) // on a Workers host
 */
export const WORKERS_PBKDF2_MAX_ITERATIONS = 100_000

/**
 * Longest password accepted, in characters: generous for passphrases, bounded so hashing stays cheap.
 *
 * @example
 * z.string().max(MAX_PASSWORD_LENGTH) // in a route's request schema
 */
export const MAX_PASSWORD_LENGTH = 1024

const SCHEME = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BYTES = 32
// Counts outside this range are mistakes (hashing) or corrupt or hostile rows (verifying): refusing them
// keeps a bad row from costing minutes of CPU. The floor is low only so tests can hash quickly.
const MIN_ITERATIONS = 1_000
const MAX_ITERATIONS = 10_000_000

/**
 * Why a password cannot be hashed.
 *
 * @example
 * const problem: PasswordProblem | null = passwordProblem(input)
 */
export type PasswordProblem = 'empty' | 'too_long'

/**
 * Thrown by `hashPassword` for a password no account may have; routes validate first, so this is a bug guard.
 *
 * @example
 * try { await hashPassword('') } catch (e) { if (e instanceof PasswordInputError) e.problem } // 'empty'
 */
export class PasswordInputError extends Error {
  override name = 'PasswordInputError'
  constructor(readonly problem: PasswordProblem) {
    super(problem === 'empty' ? 'Password must not be empty' : `Password must be at most ${MAX_PASSWORD_LENGTH} characters`)
  }
}

/**
 * Options shared by hashing and the rehash check; tests lower `iterations` because 600,000 takes ~0.3 s.
 *
 * @example
 * await hashPassword('pw', { iterations: 1_000 }) // tests only
 */
export interface PasswordHashOptions {
  iterations?: number
}

/**
 * Says what is wrong with a password as input, or null if it can be hashed. Length counts characters (code
 * points), so a Chinese passphrase gets the same limit as a Latin one.
 *
 * @example
 * passwordProblem('') // 'empty'
 * passwordProblem('x'.repeat(1025)) // 'too_long'
 * passwordProblem('correct horse') // null
 */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length === 0) return 'empty'
  // Cheap upper bound first (a UTF-16 length can only over-count code points), then the exact count.
  if (password.length > MAX_PASSWORD_LENGTH && [...password].length > MAX_PASSWORD_LENGTH) return 'too_long'
  return null
}

/**
 * Hashes a password with a fresh 16-byte salt.
 *
 * @throws PasswordInputError if the password is empty or longer than MAX_PASSWORD_LENGTH.
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 * // 'pbkdf2-sha256$600000$Jx0…==$q8…='
 */
export async function hashPassword(
  password: string,
  { iterations = PBKDF2_ITERATIONS }: PasswordHashOptions = {},
): Promise<string> {
  const problem = passwordProblem(password)
  if (problem) throw new PasswordInputError(problem)
  if (!Number.isSafeInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`)
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, iterations)
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`
}

/**
 * Checks a password against a stored hash, comparing digests in constant time. Never throws for bad input:
 * an empty or over-long password, or a stored value that is not ours, is simply not a match. It does reject
 * when the runtime refuses the stored iteration count (workerd above 100,000): that is a deployment error
 * that must be loud, not a wrong password that quietly feeds the login throttle.
 *
 * @example
 * await verifyPassword('correct horse battery staple', stored) // true
 * await verifyPassword('Correct horse battery staple', stored) // false
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseEncoded(encoded)
  if (!parsed || passwordProblem(password)) return false
  const hash = await derive(password, parsed.salt, parsed.iterations)
  return timingSafeEqual(hash, parsed.hash)
}

/**
 * True when a stored hash was made with other parameters than today's, so the caller should replace it
 * with `hashPassword(password)` right after a successful `verifyPassword`. Unparseable values also need it.
 *
 * @example
 * needsRehash('pbkdf2-sha256$310000$…$…') // true: below 600,000
 * needsRehash(await hashPassword('pw')) // false
 */
export function needsRehash(encoded: string, { iterations = PBKDF2_ITERATIONS }: PasswordHashOptions = {}): boolean {
  const parsed = parseEncoded(encoded)
  // `!==`, not `<`: a deliberate lowering (a host moving to the Workers cap) should converge too.
  return !parsed || parsed.iterations !== iterations
}

/**
 * A well-formed hash of no one's password (all-zero salt and digest, which no password derives to). Login
 * verifies against it when the account does not exist, so "no such user" costs the same iterations as
 * "wrong password" and timing does not reveal which staff accounts exist.
 *
 * @example
 * const ok = await verifyPassword(input, user?.passwordHash ?? unknownAccountHash()) // false without a user
 */
export function unknownAccountHash({ iterations = PBKDF2_ITERATIONS }: PasswordHashOptions = {}): string {
  return `${SCHEME}$${iterations}$${toBase64(new Uint8Array(SALT_BYTES))}$${toBase64(new Uint8Array(HASH_BYTES))}`
}

interface ParsedHash {
  iterations: number
  salt: Uint8Array<ArrayBuffer>
  hash: Uint8Array<ArrayBuffer>
}

function parseEncoded(encoded: string): ParsedHash | null {
  const parts = encoded.split('$')
  if (parts.length !== 4) return null
  const [scheme, count, saltText, hashText] = parts as [string, string, string, string]
  if (scheme !== SCHEME || !/^[1-9]\d{0,8}$/.test(count)) return null
  const iterations = Number(count)
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) return null
  const salt = fromBase64(saltText)
  const hash = fromBase64(hashText)
  if (!salt || salt.length < SALT_BYTES || !hash || hash.length !== HASH_BYTES) return null
  return { iterations, salt, hash }
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  // NFKC so the same passphrase typed through different input methods (full-width vs half-width forms,
  // composed vs decomposed accents) hashes the same, as NIST SP 800-63B recommends.
  const material = new TextEncoder().encode(password.normalize('NFKC'))
  const key = await crypto.subtle.importKey('raw', material, 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BYTES * 8)
  return new Uint8Array(bits)
}
