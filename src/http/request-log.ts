import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppEnv } from '../app-env'

/**
 * Logs one line per request: method, the matched route *pattern* (never the concrete URL, whose path or
 * query could carry identifying data), status and duration. Deliberately nothing else: no address, no
 * user agent, no headers, no body.
 */
export const requestLog = (): MiddlewareHandler<AppEnv> =>
  async function requestLog(c, next) {
    const started = performance.now()
    await next()
    c.get('services').log({
      level: 'info',
      msg: 'request',
      method: c.req.method,
      route: routePath(c, -1) || 'unmatched',
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
