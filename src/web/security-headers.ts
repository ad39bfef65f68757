import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The Content-Security-Policy every response carries. Nothing inline (no `'unsafe-inline'`, no nonces:
 * pages have no inline script or style at all), nothing from another origin, no plugins, no framing, and
 * forms may post only here. `img-src blob:` lets the receipt be saved as an image; `data:` is not needed.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:'],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
}

/**
 * Security headers on every response, pages and API alike: the strict CSP above, frame denial (both
 * `frame-ancestors` and X-Frame-Options for old browsers), `Referrer-Policy: no-referrer` (a tip line
 * must not tell the next site where a child came from), nosniff, and a Permissions-Policy that turns off
 * camera, microphone and location. Built on Hono's secureHeaders; the options here are the decisions.
 *
 * @example
 * app.use(securityHeaders())
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  })
