import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError } from './errors'

/**
 * Maps every thrown error to the shared JSON shape. Anything unexpected is a 500 whose body says nothing
 * about the cause; the log line carries the error's name and message only (never request data).
 */
export const onError =
  (log: (line: Record<string, unknown>) => void): ErrorHandler =>
  (err, c) => {
    if (err instanceof ApiError) return c.json(err.toBody(), err.status)
    if (err instanceof HTTPException) {
      // Hono's own refusals (malformed JSON from a validator, body limit) arrive as HTTPException.
      const status = err.status
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_input' : 'http_error'
      const message = status === 400 && /JSON/i.test(err.message) ? 'The request body is not valid JSON' : err.message
      return c.json({ error: { code, message: message || 'Request refused' } }, status)
    }
    log({ level: 'error', msg: 'unhandled error', error: err.name, detail: err.message })
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } }, 500)
  }

export const notFound: NotFoundHandler = (c) =>
  c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404)
