import { base32Encode } from './base32'
import { timingSafeEqual } from './constant-time'

/**
 * One-time recovery codes: the way back in when a counselor loses the phone with their authenticator.
 *
 * A code is 12 lower-case base32 characters shown as `xxxx-xxxx-xxxx` (60 random bits; base32 has no
 * 0/1/8/9, so it survives being read off paper). Only digests are stored. With a `key` (a server-side
 * secret kept outside the database) the digest is HMAC-SHA-256, so a stolen database alone cannot be
 * brute-forced offline; without one it is plain SHA-256, which 60 random bits still make costly.
 */

/**
 * How many codes a staff member gets at a time.
 *
 * @example
 * if (remaining.length < RECOVERY_CODE_COUNT / 2) suggestRegenerating()
 */
export const RECOVERY_CODE_COUNT = 10

const CODE_CHARS = 12
const GROUP = 4

/**
 * A freshly generated set: plain codes for the person, digests for the database.
 *
 * @example
 * const { codes, hashes }: RecoveryCodeSet = await generateRecoveryCodes()
 */
export interface RecoveryCodeSet {
  /** Shown to the staff member once, then forgotten. */
  codes: string[]
  /** Stored on the account, in the same order as `codes`. */
  hashes: string[]
}

/**
 * Makes a fresh set of distinct recovery codes and their digests.
 *
 * @example
 * const { codes, hashes } = await generateRecoveryCodes({ key: recoveryKey })
 * // codes[0] === 'k7qm-2xvd-p4na'; store `hashes`, show `codes` once
 */
export async function generateRecoveryCodes({
  count = RECOVERY_CODE_COUNT,
  key,
}: { count?: number; key?: Uint8Array } = {}): Promise<RecoveryCodeSet> {
  const unique = new Set<string>()
  while (unique.size < count) {
    // 8 random bytes give 64 bits; the first 12 base32 characters carry 60 of them, uniformly.
    const chars = base32Encode(crypto.getRandomValues(new Uint8Array(8)), { pad: false }).slice(0, CODE_CHARS)
    unique.add(chars.toLowerCase())
  }
  const canonical = [...unique]
  return {
    codes: canonical.map(formatRecoveryCode),
    hashes: await Promise.all(canonical.map((code) => digest(code, key))),
  }
}

/**
 * Reduces what a person typed to the 12 canonical characters, or null if it cannot be a code. Accepts any
 * case, any separators or spaces, full-width characters from a Chinese input method (NFKC), and the digits
 * 0 and 8, which can only be misreadings of o and b.
 *
 * @example
 * normalizeRecoveryCode(' K7QM 2XVD—P4NA ') // 'k7qm2xvdp4na'
 * normalizeRecoveryCode('k7qm-2xvd') // null
 */
export function normalizeRecoveryCode(input: string): string | null {
  const chars = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/0/g, 'o')
    .replace(/8/g, 'b')
  return new RegExp(`^[a-z2-7]{${CODE_CHARS}}$`).test(chars) ? chars : null
}

/**
 * The digest stored for one code (hex). The code is normalized first, so any way of typing it matches.
 *
 * @throws RangeError if the input cannot be a recovery code.
 * @example
 * await hashRecoveryCode('k7qm-2xvd-p4na', recoveryKey) // '3f1c…' (64 hex characters)
 */
export async function hashRecoveryCode(code: string, key?: Uint8Array): Promise<string> {
  const canonical = normalizeRecoveryCode(code)
  if (!canonical) throw new RangeError('Not a recovery code')
  return digest(canonical, key)
}

/**
 * Uses up one recovery code. Returns the hashes that remain (to store back on the account) or null if the
 * input matches none. Every stored hash is compared, in constant time, whichever matches.
 *
 * Two concurrent logins could consume the same code; store the result with a conditional update
 * (`WHERE recovery_hashes = <the hashes passed in>`) so only one wins.
 *
 * @example
 * const remaining = await consumeRecoveryCode(input, user.recoveryHashes, recoveryKey)
 * if (remaining === null) return refuse()
 * await saveRecoveryHashes(user.id, remaining) // one fewer than before
 */
export async function consumeRecoveryCode(
  input: string,
  hashes: readonly string[],
  key?: Uint8Array,
): Promise<string[] | null> {
  const canonical = normalizeRecoveryCode(input)
  if (!canonical) return null
  const typed = new TextEncoder().encode(await digest(canonical, key))
  let matched = -1
  hashes.forEach((stored, index) => {
    if (timingSafeEqual(new TextEncoder().encode(stored), typed) && matched < 0) matched = index
  })
  return matched < 0 ? null : hashes.filter((_, index) => index !== matched)
}

/**
 * Shows 12 canonical characters in groups of four, the way codes are printed.
 *
 * @example
 * formatRecoveryCode('k7qm2xvdp4na') // 'k7qm-2xvd-p4na'
 */
export function formatRecoveryCode(canonical: string): string {
  return canonical.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? ''
}

async function digest(canonical: string, key: Uint8Array | undefined): Promise<string> {
  const data = new TextEncoder().encode(canonical)
  const bytes = key
    ? await crypto.subtle.sign(
        'HMAC',
        await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
        data,
      )
    : await crypto.subtle.digest('SHA-256', data)
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
