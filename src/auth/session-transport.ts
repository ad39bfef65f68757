import { SESSION_TTL_SECONDS } from './session-token'

/**
 * How a session token travels. Browsers carry it in a cookie the page's JavaScript cannot read; scripts and
 * API clients send `Authorization: Bearer <token>`. The shapes here match hono/cookie's options, but this
 * file imports nothing from Hono so it stays pure.
 */

/**
 * The session cookie's name.
 *
 * @example
 * getCookie(c, SESSION_COOKIE)
 */
export const SESSION_COOKIE = 'tipline_session'

/**
 * Cookie attributes, in hono/cookie's option shape.
 *
 * @example
 * setCookie(c, SESSION_COOKIE, token, sessionCookieOptions() satisfies SessionCookieOptions)
 */
export interface SessionCookieOptions {
  /** Script on the page (an injected one included) cannot read the token. */
  httpOnly: true
  /** Sent over HTTPS only; see `sessionCookieOptions` for plain-HTTP development. */
  secure: boolean
  /**
   * Never sent on cross-site requests, not even top-level navigations: a link from elsewhere cannot act
   * as the counselor (CSRF), and the staff app has no reason to be entered signed-in from another site.
   */
  sameSite: 'Strict'
  path: '/'
  /** Seconds; the cookie dies with the token. */
  maxAge: number
}

/**
 * Cookie options for a new session (or, with `ttlSeconds: 0`, for clearing it at sign-out).
 * `secure: false` exists only for a Node host on plain `http://` in development: browsers drop Secure
 * cookies there except on `localhost`.
 *
 * @example
 * setCookie(c, SESSION_COOKIE, token, sessionCookieOptions())
 * setCookie(c, SESSION_COOKIE, '', sessionCookieOptions({ ttlSeconds: 0 })) // sign out
 */
export function sessionCookieOptions({
  ttlSeconds = SESSION_TTL_SECONDS,
  secure = true,
}: { ttlSeconds?: number; secure?: boolean } = {}): SessionCookieOptions {
  return { httpOnly: true, secure, sameSite: 'Strict', path: '/', maxAge: ttlSeconds }
}

/**
 * Picks the session token out of a request: a Bearer token if the Authorization header has one (explicit
 * beats ambient), otherwise the cookie. Returns null if neither holds a token.
 *
 * @example
 * sessionTokenFrom({ authorization: c.req.header('Authorization'), cookie: getCookie(c, SESSION_COOKIE) })
 * sessionTokenFrom({ authorization: 'Bearer eyJ…' }) // 'eyJ…'
 */
export function sessionTokenFrom({
  authorization,
  cookie,
}: {
  authorization?: string | null
  cookie?: string | null
}): string | null {
  // RFC 9110 makes the scheme name case-insensitive; RFC 6750 allows only token68 characters after it.
  const bearer = authorization?.match(/^\s*bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i)?.[1]
  if (bearer) return bearer
  return cookie && cookie.length > 0 ? cookie : null
}
