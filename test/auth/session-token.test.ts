import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose'
import { describe, expect, it } from 'vitest'
import { toBase64Url } from '../../src/auth/base64'
import {
  SESSION_TTL_SECONDS,
  type SessionClaims,
  signSession,
  verifySession,
} from '../../src/auth/session-token'

const key = new TextEncoder().encode('k'.repeat(32))
const otherKey = new TextEncoder().encode('o'.repeat(32))
const now = new Date('2026-12-01T08:00:00Z')
const nowSeconds = now.getTime() / 1000
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000)
const claims: SessionClaims = { sub: 'staff_12', role: 'counselor', school: 'S01', sv: 3 }

/** Signs an arbitrary payload with the real key, to probe what verification accepts. */
const forge = (payload: Record<string, unknown>, { audience = 'tipline:staff-session', alg = 'HS256' } = {}) =>
  new SignJWT(payload)
    .setProtectedHeader({ alg })
    .setIssuer('tipline')
    .setAudience(audience)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + 60)
    .setJti('j'.repeat(22))
    .sign(key)

describe('signSession and verifySession', () => {
  it('round-trip the claims with issue time, an 8-hour expiry and an id', async () => {
    const token = await signSession(claims, key, now)
    const result = await verifySession(token, key, now)
    expect(result).toEqual({
      ok: true,
      session: { ...claims, iat: nowSeconds, exp: nowSeconds + 8 * 3600, jti: expect.stringMatching(/^[\w-]{22}$/) },
    })
    expect(SESSION_TTL_SECONDS).toBe(8 * 3600)
  })

  it('carry a null school for a district-wide session', async () => {
    const district: SessionClaims = { sub: 'staff_1', role: 'district_admin', school: null, sv: 0 }
    const result = await verifySession(await signSession(district, key, now), key, now)
    expect(result.ok && result.session.school).toBeNull()
  })

  it('use a configurable lifetime', async () => {
    const token = await signSession(claims, key, now, { ttlSeconds: 900 })
    expect(decodeJwt(token).exp).toBe(nowSeconds + 900)
    expect((await verifySession(token, key, later(899))).ok).toBe(true)
    expect(await verifySession(token, key, later(900))).toEqual({ ok: false, reason: 'expired' })
  })

  it('give every token a different id', async () => {
    const a = decodeJwt(await signSession(claims, key, now)).jti
    const b = decodeJwt(await signSession(claims, key, now)).jti
    expect(a).not.toBe(b)
  })

  it('sign with HS256 and name the issuer and audience', async () => {
    const token = await signSession(claims, key, now)
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(decodeJwt(token)).toMatchObject({ iss: 'tipline', aud: 'tipline:staff-session', sub: 'staff_12' })
  })

  it('put nothing in the token beyond the session claims', async () => {
    const extra = { ...claims, passwordHash: 'secret', email: 'a@b.c' } as SessionClaims
    const payload = decodeJwt(await signSession(extra, key, now))
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'role', 'school', 'sub', 'sv'])
  })
})

describe('verifySession refusals', () => {
  it('reports a token past its expiry as expired', async () => {
    const token = await signSession(claims, key, now)
    expect((await verifySession(token, key, later(SESSION_TTL_SECONDS - 1))).ok).toBe(true)
    expect(await verifySession(token, key, later(SESSION_TTL_SECONDS))).toEqual({ ok: false, reason: 'expired' })
  })

  it('reports a token signed with another key as a bad signature', async () => {
    const token = await signSession(claims, otherKey, now)
    expect(await verifySession(token, key, now)).toEqual({ ok: false, reason: 'bad_signature' })
  })

  it('reports a token whose payload was edited (counselor to district admin) as a bad signature', async () => {
    const [header, , signature] = (await signSession(claims, key, now)).split('.')
    const payload = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, role: 'district_admin' })))
    expect(await verifySession(`${header}.${payload}.${signature}`, key, now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
  })

  it('checks the signature before the expiry, so a forged old token is not merely "expired"', async () => {
    const token = await signSession(claims, otherKey, now)
    expect(await verifySession(token, key, later(SESSION_TTL_SECONDS * 2))).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
  })

  it('refuses an unsigned "alg: none" token as malformed', async () => {
    const header = toBase64Url(new TextEncoder().encode(JSON.stringify({ alg: 'none', typ: 'JWT' })))
    const payload = toBase64Url(
      new TextEncoder().encode(JSON.stringify({ ...claims, iss: 'tipline', aud: 'tipline:staff-session' })),
    )
    expect(await verifySession(`${header}.${payload}.`, key, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses a token made with another HMAC algorithm, even with the right key', async () => {
    const token = await forge({ ...claims }, { alg: 'HS512' })
    expect(await verifySession(token, key, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses a correctly signed token meant for another audience', async () => {
    const token = await forge({ ...claims }, { audience: 'tipline:receipt' })
    expect(await verifySession(token, key, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it.each([
    ['an unknown role', { ...claims, role: 'superuser' }],
    ['no role', { sub: 'staff_12', school: 'S01', sv: 3 }],
    ['a fractional session version', { ...claims, sv: 1.5 }],
    ['a negative session version', { ...claims, sv: -1 }],
    ['a numeric school', { ...claims, school: 7 }],
    ['no subject', { role: 'counselor', school: 'S01', sv: 3 }],
  ])('refuses a correctly signed token with %s as malformed', async (_, payload) => {
    expect(await verifySession(await forge(payload), key, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it.each([
    ['an empty string', ''],
    ['one word', 'garbage'],
    ['three empty parts', '..'],
    ['parts that are not base64url JSON', 'a.b.c'],
    ['a huge string', 'a'.repeat(100_000)],
    ['a bearer prefix left on', 'Bearer abc.def.ghi'],
  ])('answers malformed, without throwing, for %s', async (_, token) => {
    expect(await verifySession(token, key, now)).toEqual({ ok: false, reason: 'malformed' })
  })
})

describe('key and claim checks', () => {
  it('refuses to sign or verify with a key shorter than 32 bytes', async () => {
    const short = new Uint8Array(31)
    await expect(signSession(claims, short, now)).rejects.toThrow(RangeError)
    await expect(verifySession('a.b.c', short, now)).rejects.toThrow(RangeError)
  })

  it('refuses to sign claims no session should have', async () => {
    await expect(signSession({ ...claims, sub: '' }, key, now)).rejects.toThrow(RangeError)
    await expect(signSession({ ...claims, sv: -1 }, key, now)).rejects.toThrow(RangeError)
    await expect(signSession({ ...claims, role: 'root' as never }, key, now)).rejects.toThrow(RangeError)
  })

  it('refuses a lifetime that is not a positive whole number of seconds', async () => {
    await expect(signSession(claims, key, now, { ttlSeconds: 0 })).rejects.toThrow(RangeError)
    await expect(signSession(claims, key, now, { ttlSeconds: 1.5 })).rejects.toThrow(RangeError)
  })
})
