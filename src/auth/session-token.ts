import { SignJWT, errors, jwtVerify } from 'jose'
import * as z from 'zod'
import { toBase64Url } from './base64'
import { type Role, roles } from './roles'

/**
 * Staff sessions as short-lived HS256 JWTs (jose, WebCrypto underneath, so Node and Workers alike).
 *
 * A token is stateless, so revocation works through `sv`, the session version: the account row holds an
 * integer that sign-out-everywhere, a password change, a role change or disabling the account increments;
 * the auth middleware refuses any token whose `sv` differs from the row's. One row read per request buys
 * "log out all devices" without a session table.
 */

/**
 * Default lifetime: one working day, so a shared staff-room computer does not stay signed in overnight.
 *
 * @example
 * await signSession(claims, key, now, { ttlSeconds: SESSION_TTL_SECONDS / 2 })
 */
export const SESSION_TTL_SECONDS = 8 * 60 * 60

/**
 * HS256 keys shorter than the hash output weaken the MAC (RFC 7518 §3.2).
 *
 * @example
 * z.base64().refine((s) => atob(s).length >= MIN_SESSION_KEY_BYTES) // in the config schema
 */
export const MIN_SESSION_KEY_BYTES = 32

/** Tokens longer than this are refused unparsed; a real one is about 350 characters. */
const MAX_TOKEN_CHARS = 4096
const ISSUER = 'tipline'
// A distinct audience keeps a token minted for another purpose with the same key from passing as a session.
const AUDIENCE = 'tipline:staff-session'

/**
 * What the application decides about a session; `signSession` adds the timing and id claims.
 *
 * @example
 * const claims: SessionClaims = { sub: staff.id, role: staff.role, school: staff.school, sv: staff.sessionVersion }
 */
export interface SessionClaims {
  /** Staff id. */
  sub: string
  role: Role
  /** School code, or null for district scope. */
  school: string | null
  /** Session version; must equal the account row's for the token to count. */
  sv: number
}

/**
 * A verified session: the claims plus issue time, expiry (Unix seconds) and a unique id.
 *
 * @example
 * if (result.ok) c.set('session', result.session satisfies Session)
 */
export interface Session extends SessionClaims {
  iat: number
  exp: number
  /** Unique per token, for the audit log and a future deny-list of single sessions. */
  jti: string
}

/**
 * Why a token was refused, and the result of `verifySession`.
 *
 * @example
 * const result: SessionVerification = await verifySession(token, key, now)
 * if (!result.ok && result.reason === 'expired') return redirectToSignIn()
 */
export type SessionFailure = 'expired' | 'bad_signature' | 'malformed'
export type SessionVerification = { ok: true; session: Session } | { ok: false; reason: SessionFailure }

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(roles),
  school: z.string().min(1).max(64).nullable(),
  sv: z.int().min(0),
})

const sessionSchema = claimsSchema.extend({
  iat: z.int(),
  exp: z.int(),
  jti: z.string().min(16).max(64),
})

/**
 * Signs a session for a staff member who just passed password and second factor.
 *
 * @throws RangeError if the key is shorter than 32 bytes, the claims are invalid or the lifetime is not a
 *   positive whole number of seconds — all programming or configuration errors.
 * @example
 * const token = await signSession({ sub: 'staff_12', role: 'counselor', school: 'S01', sv: 3 }, key, now())
 */
export async function signSession(
  claims: SessionClaims,
  key: Uint8Array,
  now: Date,
  { ttlSeconds = SESSION_TTL_SECONDS }: { ttlSeconds?: number } = {},
): Promise<string> {
  checkKey(key)
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError('ttlSeconds must be a positive integer')
  const parsed = claimsSchema.safeParse(claims)
  if (!parsed.success) throw new RangeError(`Invalid session claims: ${parsed.error.issues[0]?.message ?? 'unknown'}`)
  const iat = Math.floor(now.getTime() / 1000)
  // Only our own claims go in, never extra properties a caller's object happens to carry.
  const { sub, role, school, sv } = parsed.data
  return new SignJWT({ role, school, sv })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(toBase64Url(crypto.getRandomValues(new Uint8Array(16))))
    .sign(key)
}

/**
 * Verifies a session token. Never throws for a bad token: the answer says why it was refused, so the
 * caller can answer 401 (and, for `expired`, tell the person to sign in again) without a try/catch.
 * Checking `sv` against the account row is the caller's next step.
 *
 * @throws RangeError only if the key is shorter than 32 bytes (configuration error).
 * @example
 * const result = await verifySession(token, key, now())
 * if (!result.ok) return c.json({ error: { code: 'unauthenticated', message: result.reason } }, 401)
 * if (result.session.sv !== staff.sessionVersion) return c.json(…, 401)
 */
export async function verifySession(token: string, key: Uint8Array, now: Date): Promise<SessionVerification> {
  checkKey(key)
  if (token.length === 0 || token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'malformed' }
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'], // pinning the algorithm rules out "alg: none" and algorithm confusion
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'iat', 'exp', 'jti'],
    })
    const session = sessionSchema.safeParse(payload)
    return session.success ? { ok: true, session: session.data } : { ok: false, reason: 'malformed' }
  } catch (error) {
    // jose checks the signature before any claim, so a forged token is never reported as merely expired.
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' }
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad_signature' }
    return { ok: false, reason: 'malformed' }
  }
}

function checkKey(key: Uint8Array): void {
  if (key.length < MIN_SESSION_KEY_BYTES) throw new RangeError(`Session key must be at least ${MIN_SESSION_KEY_BYTES} bytes`)
}
