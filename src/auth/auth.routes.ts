import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { seal, unseal } from '../crypto/seal'
import { staff } from '../db/schema'
import { ApiError } from '../http/errors'
import { tooManyRequests } from '../http/rate-limit'
import { validate } from '../http/validate'
import { MIN_NEW_PASSWORD_LENGTH, type StaffAccount, findStaffByEmail, publicAccount } from './accounts'
import { fromBase64, toBase64 } from './base64'
import { base32Encode } from './base32'
import { MAX_PASSWORD_LENGTH, hashPassword, needsRehash, unknownAccountHash, verifyPassword } from './password'
import { policies } from './policies'
import { consumeRecoveryCode, generateRecoveryCodes } from './recovery-codes'
import { requireStaff } from './require-staff'
import { signSession } from './session-token'
import { SESSION_COOKIE, sessionCookieOptions } from './session-transport'
import { generateTotpSecret, otpauthUri, verifyTotp } from './totp'

const password = z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH)

export const loginRequest = z.object({
  email: z.string().trim().min(1, 'must not be empty').max(254),
  password,
  totp: z.string().trim().max(16).optional(),
  recoveryCode: z.string().trim().max(32).optional(),
})

export const passwordChangeRequest = z.object({
  currentPassword: password,
  newPassword: z
    .string()
    .min(MIN_NEW_PASSWORD_LENGTH, `must be at least ${MIN_NEW_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH),
})

export const totpConfirmRequest = z.object({ code: z.string().trim().min(1).max(16) })

/** The one answer for a wrong email, a wrong password or a disabled account: it says nothing about which. */
const badCredentials = () => new ApiError(401, 'invalid_credentials', 'The email or password is not right')

/** The additional data a TOTP secret is sealed with: binds it to its account. */
export const totpContext = (staffId: string) => `totp:${staffId}`

/**
 * Signs a session for the account as it now is (its `sv` after any bump) and sets the cookie.
 */
export async function startSession(c: Context<AppEnv>, account: Pick<StaffAccount, 'id' | 'role' | 'schoolCode' | 'sessionVersion'>) {
  const { keys, now, config } = c.get('services')
  const token = await signSession(
    { sub: account.id, role: account.role, school: account.schoolCode, sv: account.sessionVersion },
    keys.session,
    now(),
  )
  setCookie(c, SESSION_COOKIE, token, sessionCookieOptions({ secure: config.COOKIE_SECURE }))
  return token
}

/** Increments the session version (revoking every token of the account) and returns the new one. */
async function bumpSessionVersion(c: Context<AppEnv>, id: string, set: Partial<typeof staff.$inferInsert> = {}): Promise<number> {
  const { db, now } = c.get('services')
  const [row] = await db
    .update(staff)
    .set({ ...set, sessionVersion: sql`${staff.sessionVersion} + 1`, updatedAt: now() })
    .where(eq(staff.id, id))
    .returning({ sv: staff.sessionVersion })
  return row!.sv
}

/**
 * Checks a sign-in (throttle, password, second factor) and upgrades an old password hash; returns the
 * account, or throws the ApiError the API answers with (`invalid_credentials`, `second_factor_required`,
 * `invalid_second_factor`, 429). Shared by `POST /api/auth/login` and the staff sign-in page.
 *
 * @example
 * const account = await signIn(c, { email, password, totp })
 * await startSession(c, account)
 */
export async function signIn(c: Context<AppEnv>, input: z.infer<typeof loginRequest>): Promise<StaffAccount> {
  const { db, now, config, clientAddress } = c.get('services')
  const throttle = c.get('loginThrottle')
  const at = now()
  const client = await c.get('limits').keyer.keyOf(clientAddress?.(c), at)
  const attempt = { account: input.email, client }
  const gate = throttle.check(attempt)
  if (!gate.allowed) throw tooManyRequests(c, gate.retryAfterMs)

  const account = await findStaffByEmail(db, input.email)
  // An unknown email costs the same PBKDF2 work as a wrong password, so timing does not tell them apart.
  const passwordOk = await verifyPassword(
    input.password,
    account?.passwordHash ?? unknownAccountHash({ iterations: config.PASSWORD_ITERATIONS }),
  )
  if (!account || !passwordOk || account.disabled) {
    throttle.recordFailure(attempt)
    throw badCredentials()
  }

  if (account.totpEnabled) {
    if (!input.totp && !input.recoveryCode) {
      throw new ApiError(401, 'second_factor_required', 'Enter the code from your authenticator app, or a recovery code', 'totp')
    }
    if (!(await secondFactorOk(c, account, input))) {
      throttle.recordFailure(attempt)
      throw new ApiError(401, 'invalid_second_factor', 'That code is not right. Try the newest code, or a recovery code.', 'totp')
    }
  }
  throttle.recordSuccess(attempt)
  if (needsRehash(account.passwordHash, { iterations: config.PASSWORD_ITERATIONS })) {
    const fresh = await hashPassword(input.password, { iterations: config.PASSWORD_ITERATIONS })
    await db.update(staff).set({ passwordHash: fresh }).where(eq(staff.id, account.id))
  }
  return account
}

/** Ends every session of the account (bumps its session version) and clears the cookie. */
export async function signOut(c: Context<AppEnv>, id: string): Promise<void> {
  await bumpSessionVersion(c, id)
  setCookie(c, SESSION_COOKIE, '', sessionCookieOptions({ ttlSeconds: 0, secure: c.get('services').config.COOKIE_SECURE }))
}

/**
 * Staff sign-in and the signed-in person's own account:
 * `POST /login`, `POST /logout`, `GET /me`, `POST /password`, `POST /totp/start`, `POST /totp/confirm`.
 */
export const authRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginRequest), async (c) => {
    const account = await signIn(c, c.req.valid('json'))
    const token = await startSession(c, account)
    return c.json({ token, user: publicAccount(account) })
  })
  .post('/logout', requireStaff(policies.ownAccount), async (c) => {
    await signOut(c, c.get('staff').id)
    return c.json({ signedOut: true })
  })
  .get('/me', requireStaff(policies.ownAccount), (c) => c.json({ user: publicAccount(c.get('staff').account) }))
  .post('/password', requireStaff(policies.ownAccount), validate('json', passwordChangeRequest), async (c) => {
    const { config } = c.get('services')
    const { account } = c.get('staff')
    const { currentPassword, newPassword } = c.req.valid('json')
    if (!(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new ApiError(400, 'wrong_password', 'The current password is not right', 'currentPassword')
    }
    const passwordHash = await hashPassword(newPassword, { iterations: config.PASSWORD_ITERATIONS })
    // Every other session (a device left signed in, whoever learned the old password) ends here.
    const sv = await bumpSessionVersion(c, account.id, { passwordHash, mustChangePassword: false })
    const token = await startSession(c, { ...account, sessionVersion: sv })
    return c.json({ token, user: publicAccount({ ...account, mustChangePassword: false, sessionVersion: sv }) })
  })
  .post('/totp/start', requireStaff(policies.ownAccount), async (c) => {
    const { db, keys, now } = c.get('services')
    const { account } = c.get('staff')
    if (account.totpEnabled) throw new ApiError(409, 'totp_already_enabled', 'Two-step sign-in is already on for this account')
    const secret = generateTotpSecret()
    const sealed = await seal(keys, totpContext(account.id), toBase64(secret))
    await db
      .update(staff)
      .set({ totpKeyId: sealed.keyId, totpNonce: sealed.nonce, totpBody: sealed.body, updatedAt: now() })
      .where(eq(staff.id, account.id))
    return c.json({
      otpauthUri: otpauthUri({ issuer: 'Tipline', account: account.email, secret }),
      secret: base32Encode(secret, { pad: false }),
    })
  })
  .post('/totp/confirm', requireStaff(policies.ownAccount), validate('json', totpConfirmRequest), async (c) => {
    const { keys, now } = c.get('services')
    const { account } = c.get('staff')
    if (account.totpEnabled) throw new ApiError(409, 'totp_already_enabled', 'Two-step sign-in is already on for this account')
    const secret = await totpSecretOf(c, account)
    if (!secret) throw new ApiError(409, 'totp_not_started', 'Start two-step sign-in set-up first')
    const verified = await verifyTotp(c.req.valid('json').code, secret, now())
    if (!verified.ok) throw new ApiError(400, 'invalid_code', 'That code is not right. Check the phone’s clock and try the newest code.', 'code')
    const recovery = await generateRecoveryCodes({ key: keys.recovery })
    const sv = await bumpSessionVersion(c, account.id, {
      totpEnabled: true,
      totpLastStep: verified.step,
      recoveryHashes: recovery.hashes,
    })
    const token = await startSession(c, { ...account, sessionVersion: sv })
    // Shown once: only their digests are stored.
    return c.json({ token, recoveryCodes: recovery.codes })
  })

async function totpSecretOf(c: Context<AppEnv>, account: StaffAccount): Promise<Uint8Array | undefined> {
  if (!account.totpKeyId || !account.totpNonce || !account.totpBody) return undefined
  const text = await unseal(c.get('services').keys, totpContext(account.id), {
    keyId: account.totpKeyId,
    nonce: account.totpNonce,
    body: account.totpBody,
  })
  return fromBase64(text) ?? undefined
}

/**
 * Checks a TOTP code (refusing replays) or uses up a recovery code. Each is stored with a conditional
 * update, so two sign-ins racing with the same code cannot both succeed.
 */
async function secondFactorOk(c: Context<AppEnv>, account: StaffAccount, input: z.infer<typeof loginRequest>): Promise<boolean> {
  const { db, keys, now } = c.get('services')
  if (input.totp) {
    const secret = await totpSecretOf(c, account)
    if (!secret) return false
    const verified = await verifyTotp(input.totp, secret, now(), { lastUsedStep: account.totpLastStep })
    if (!verified.ok) return false
    const updated = await db
      .update(staff)
      .set({ totpLastStep: verified.step })
      .where(and(eq(staff.id, account.id), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, verified.step))))
      .returning({ id: staff.id })
    return updated.length === 1
  }
  const hashes = account.recoveryHashes ?? []
  const remaining = await consumeRecoveryCode(input.recoveryCode ?? '', hashes, keys.recovery)
  if (!remaining) return false
  const updated = await db
    .update(staff)
    .set({ recoveryHashes: remaining })
    .where(and(eq(staff.id, account.id), eq(staff.recoveryHashes, hashes)))
    .returning({ id: staff.id })
  return updated.length === 1
}
