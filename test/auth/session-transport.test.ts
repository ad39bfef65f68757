import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { SESSION_TTL_SECONDS } from '../../src/auth/session-token'
import { SESSION_COOKIE, sessionCookieOptions, sessionTokenFrom } from '../../src/auth/session-transport'

describe('sessionCookieOptions', () => {
  it('names the cookie tipline_session', () => {
    expect(SESSION_COOKIE).toBe('tipline_session')
  })

  it('makes an HttpOnly, Secure, SameSite=Strict cookie for the whole site that lives as long as the token', () => {
    expect(sessionCookieOptions()).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_TTL_SECONDS,
    })
  })

  it('clears the cookie with a zero lifetime at sign-out', () => {
    expect(sessionCookieOptions({ ttlSeconds: 0 }).maxAge).toBe(0)
  })

  it('drops Secure only when asked, for plain-HTTP development', () => {
    expect(sessionCookieOptions({ secure: false })).toMatchObject({ secure: false, httpOnly: true, sameSite: 'Strict' })
  })
})

describe('sessionTokenFrom', () => {
  it('reads a Bearer token from the Authorization header', () => {
    expect(sessionTokenFrom({ authorization: 'Bearer abc.def.ghi' })).toBe('abc.def.ghi')
  })

  it('accepts the scheme in any case and surrounding spaces', () => {
    expect(sessionTokenFrom({ authorization: '  bEaReR   abc.def-_ghi  ' })).toBe('abc.def-_ghi')
  })

  it('reads the cookie when there is no Authorization header', () => {
    expect(sessionTokenFrom({ authorization: null, cookie: 'abc.def.ghi' })).toBe('abc.def.ghi')
  })

  it('prefers the Bearer token when both are present', () => {
    expect(sessionTokenFrom({ authorization: 'Bearer from.header.x', cookie: 'from.cookie.x' })).toBe('from.header.x')
  })

  it('ignores other schemes and falls back to the cookie', () => {
    expect(sessionTokenFrom({ authorization: 'Basic dXNlcjpwYXNz', cookie: 'from.cookie.x' })).toBe('from.cookie.x')
  })

  it('ignores a Bearer header with no token or with characters a token cannot have', () => {
    expect(sessionTokenFrom({ authorization: 'Bearer ' })).toBeNull()
    expect(sessionTokenFrom({ authorization: 'Bearer a b' })).toBeNull()
  })

  it('returns null when there is nothing, or only an empty cookie', () => {
    expect(sessionTokenFrom({})).toBeNull()
    expect(sessionTokenFrom({ cookie: '' })).toBeNull()
  })
})

describe('with Hono', () => {
  it('sets a cookie the browser keeps to HTTPS, same-site requests and the server', async () => {
    const app = new Hono().get('/', (c) => {
      setCookie(c, SESSION_COOKIE, 'abc.def.ghi', sessionCookieOptions())
      return c.text('ok')
    })
    const header = (await app.request('/')).headers.get('Set-Cookie')
    expect(header).toBe(`tipline_session=abc.def.ghi; Max-Age=${SESSION_TTL_SECONDS}; Path=/; HttpOnly; Secure; SameSite=Strict`)
  })

  it('finds the token a request carries in the cookie', async () => {
    const app = new Hono().get('/', (c) =>
      c.json(sessionTokenFrom({ authorization: c.req.header('Authorization'), cookie: getCookie(c, SESSION_COOKIE) })),
    )
    const res = await app.request('/', { headers: { Cookie: 'other=1; tipline_session=abc.def.ghi' } })
    expect(await res.json()).toBe('abc.def.ghi')
  })
})
