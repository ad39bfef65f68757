import { base32Encode } from './base32'
import { timingSafeEqual } from './constant-time'

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226), on WebCrypto HMAC. Staff accounts use
 * them as the second factor; the defaults (SHA-1, 6 digits, 30 s) are the ones every authenticator app
 * supports, the others exist because RFC 6238 defines them and its test vectors exercise them.
 */

/**
 * The HMAC hashes RFC 6238 defines. `TotpAlgorithm` is the union of them.
 *
 * @example
 * z.enum(totpAlgorithms)
 */
export const totpAlgorithms = ['SHA-1', 'SHA-256', 'SHA-512'] as const
export type TotpAlgorithm = (typeof totpAlgorithms)[number]

/**
 * TOTP parameters; the defaults are what every authenticator app assumes.
 *
 * @example
 * await generateTotp(secret, now, { algorithm: 'SHA-256', digits: 8 })
 */
export interface TotpOptions {
  /** HMAC hash; default 'SHA-1'. */
  algorithm?: TotpAlgorithm
  /** Code length; default 6. */
  digits?: 6 | 8
  /** Time step in seconds; default 30. */
  period?: number
}

/**
 * Random bytes in a new secret: 160 bits, the length RFC 4226 §4 recommends.
 *
 * @example
 * secret.length === TOTP_SECRET_BYTES // true for generateTotpSecret()
 */
export const TOTP_SECRET_BYTES = 20

/**
 * Makes a new random TOTP secret. Store it encrypted at rest like tip text; show it once as a QR code.
 *
 * @example
 * const secret = generateTotpSecret() // Uint8Array(20)
 */
export function generateTotpSecret(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(TOTP_SECRET_BYTES))
}

/**
 * The time step (counter) a moment falls in: whole periods since the Unix epoch.
 *
 * @example
 * totpStep(new Date(59_000)) // 1
 */
export function totpStep(now: Date, period = 30): number {
  return Math.floor(now.getTime() / 1000 / period)
}

/**
 * The HOTP value for one counter (RFC 4226 §5.3), as a zero-padded decimal string.
 *
 * @example
 * await hotp(new TextEncoder().encode('12345678901234567890'), 0) // '755224'
 */
export async function hotp(
  secret: Uint8Array,
  counter: number,
  { algorithm = 'SHA-1', digits = 6 }: Omit<TotpOptions, 'period'> = {},
): Promise<string> {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('counter must be a non-negative integer')
  const key = await crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: algorithm }, false, [
    'sign',
  ])
  // The counter is an 8-byte big-endian integer; JS bit operations are 32-bit, so write it as two halves.
  const message = new DataView(new ArrayBuffer(8))
  message.setUint32(0, Math.floor(counter / 2 ** 32))
  message.setUint32(4, counter >>> 0)
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message))
  // Dynamic truncation: the low nibble of the last byte picks 4 bytes; the top bit is masked off so the
  // value is the same whether an implementation reads it as signed or unsigned.
  const offset = mac[mac.length - 1]! & 0x0f
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/**
 * The TOTP code for a moment (RFC 6238 §4).
 *
 * @example
 * await generateTotp(secret, new Date()) // '492039'
 */
export async function generateTotp(secret: Uint8Array, now: Date, options: TotpOptions = {}): Promise<string> {
  return hotp(secret, totpStep(now, options.period), options)
}

/**
 * The result of `verifyTotp`: the matched step, or why the code was refused.
 *
 * @example
 * const result: TotpVerification = await verifyTotp(code, secret, now)
 */
export type TotpVerification =
  | { ok: true; step: number }
  | { ok: false; reason: 'malformed' | 'mismatch' | 'replayed' }

/**
 * TOTP parameters plus the drift window and the replay guard.
 *
 * @example
 * await verifyTotp(code, secret, now, { window: 1, lastUsedStep: 55_555_555 })
 */
export interface VerifyTotpOptions extends TotpOptions {
  /** Steps accepted either side of now, for clock drift and slow typing; default 1 (RFC 6238 §5.2). */
  window?: number
  /**
   * The step of the last code this account used. A code from that step or earlier is refused, so a code
   * seen over a shoulder or in a log cannot be used a second time (RFC 6238 §5.2).
   */
  lastUsedStep?: number | null
}

/**
 * Checks a code typed by a person against the secret, accepting ±`window` steps. On success returns the
 * step that matched: the caller stores it as `lastUsedStep` so the same code cannot be replayed.
 *
 * Spaces are ignored and full-width digits (typed through a Chinese input method) are accepted. Every
 * candidate in the window is computed and compared in constant time, whichever matches.
 *
 * @example
 * const result = await verifyTotp('492 039', secret, new Date(), { lastUsedStep: user.totpLastStep })
 * if (result.ok) await saveLastStep(user.id, result.step)
 */
export async function verifyTotp(
  code: string,
  secret: Uint8Array,
  now: Date,
  { window = 1, lastUsedStep = null, ...options }: VerifyTotpOptions = {},
): Promise<TotpVerification> {
  const digits = options.digits ?? 6
  const typed = code.normalize('NFKC').replace(/\s/g, '')
  if (!new RegExp(`^\\d{${digits}}$`).test(typed)) return { ok: false, reason: 'malformed' }
  const typedBytes = new TextEncoder().encode(typed)

  const current = totpStep(now, options.period)
  let matched: number | null = null
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue
    const candidate = new TextEncoder().encode(await hotp(secret, step, options))
    // No early exit: later steps are checked even after a match, so timing does not say which one matched.
    if (timingSafeEqual(candidate, typedBytes) && matched === null) matched = step
  }
  if (matched === null) return { ok: false, reason: 'mismatch' }
  if (lastUsedStep !== null && matched <= lastUsedStep) return { ok: false, reason: 'replayed' }
  return { ok: true, step: matched }
}

/**
 * What goes into an otpauth URI.
 *
 * @example
 * otpauthUri({ issuer: 'Tipline', account: 'li.wei', secret } satisfies OtpauthUriInput)
 */
export interface OtpauthUriInput extends TotpOptions {
  /** Shown as the account's provider in the authenticator app. */
  issuer: string
  /** The staff member's login name, shown under the issuer. */
  account: string
  secret: Uint8Array
}

/**
 * The `otpauth://` URI authenticator apps read from a QR code (Google Authenticator Key URI format). The
 * algorithm, digits and period are always written out, so an app never falls back to a different default.
 *
 * @example
 * otpauthUri({ issuer: 'Tipline', account: 'li.wei', secret })
 * // 'otpauth://totp/Tipline:li.wei?secret=…&issuer=Tipline&algorithm=SHA1&digits=6&period=30'
 */
export function otpauthUri({ issuer, account, secret, algorithm = 'SHA-1', digits = 6, period = 30 }: OtpauthUriInput): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const params = new URLSearchParams({
    secret: base32Encode(secret, { pad: false }),
    issuer,
    algorithm: algorithm.replace('-', ''),
    digits: String(digits),
    period: String(period),
  })
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`
}
