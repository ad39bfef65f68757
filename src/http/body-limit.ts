import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../app-env'
import { ApiError } from './errors'

/** Largest request body accepted anywhere: a 5,000-character tip in Chinese is about 45 KB form-encoded. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Refuses a request body over `maxSize` bytes with a 413 `payload_too_large` ApiError (the API answers it in
 * JSON, a page as a message on the page). `what` names the body in the message ("Request bodies", "Forms").
 *
 * A body that says its length is judged by its `Content-Length` alone, without touching the body: the HTTP
 * parser (Node's, the Workers runtime's) delivers exactly that many bytes, and reading `c.req.raw.body` to
 * check would make the Node adapter build a full WHATWG Request and stream for every request, a tenth of
 * the request thread's time under intake load. A chunked body has no length to judge, so it goes through
 * Hono's `bodyLimit`, which counts the bytes as they arrive.
 *
 * @example
 * app.use('/api/*', limitBody(MAX_BODY_BYTES, 'Request bodies'))
 */
export function limitBody(maxSize: number, what: string): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new ApiError(413, 'payload_too_large', `${what} are limited to ${Math.floor(maxSize / 1024)} KiB`)
  }
  const counted = bodyLimit({ maxSize, onError: tooLarge })
  return async function limitBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next() // no body to limit
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      // The parser has already refused a Content-Length that is not a number; anything odd here is refused too.
      const bytes = /^\d{1,15}$/.test(length.trim()) ? Number(length) : Number.POSITIVE_INFINITY
      if (bytes > maxSize) tooLarge()
      return next()
    }
    return counted(c, next)
  }
}
