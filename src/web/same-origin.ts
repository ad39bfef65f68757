import type { Context } from 'hono'

/**
 * Whether a form POST came from one of our own pages.
 *
 * Reporters have no account, session or cookie, so there is no ambient authority for a forged request
 * to borrow, and a signed form token would bind to nothing (any site can fetch a fresh one). What is
 * left to stop is another site making visitors' browsers post tips or replies on its behalf (spam sent
 * from many addresses, past the rate limits). Browsers say where a request comes from:
 *
 * - `Sec-Fetch-Site` (all current browsers): only `same-origin` — or `none`, a user-initiated request —
 *   is accepted; `same-site` and `cross-site` are refused.
 * - Without it (old browsers), `Origin` when it names a real origin: it must be this host (or
 *   PUBLIC_URL's). Our own pages send `Origin: null` on form posts, because they set
 *   `Referrer-Policy: no-referrer`; so `null` or no Origin is accepted.
 *
 * @example
 * if (!cameFromOurPages(c, config.PUBLIC_URL)) return refuse()
 */
export function cameFromOurPages(c: Context, publicUrl?: string): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site) return site === 'same-origin' || site === 'none'
  const origin = c.req.header('origin')
  if (!origin || origin === 'null') return true
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  const ours = [new URL(c.req.url).host, c.req.header('host'), publicUrl ? new URL(publicUrl).host : undefined]
  return ours.includes(host)
}
