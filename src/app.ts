import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv, Services } from './app-env'
import { ApiError } from './http/errors'
import { healthRoutes } from './http/health'
import { notFound, onError } from './http/on-error'
import { requestLog } from './http/request-log'
import { scoreRoutes } from './scoring/score.routes'

/** Largest request body accepted anywhere; a tip is at most 5,000 characters. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * Builds the whole application from its services. Runtime-free: hosts (Node, Workers) and tests call this
 * and never reach into module state.
 *
 * @example
 * const app = createApp({ config: loadConfig({}), log: silentLogger, now: () => new Date() })
 * const res = await app.request('/healthz')
 */
export function createApp(services: Services) {
  const app = new Hono<AppEnv>()

  app.use(async function inject(c, next) {
    c.set('services', services)
    await next()
  })
  if (services.config.LOG_REQUESTS) app.use(requestLog())
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB`)
      },
    }),
  )

  app.route('/', healthRoutes)
  app.route('/api/score', scoreRoutes)

  app.notFound(notFound)
  app.onError(onError(services.log))
  return app
}

export type App = ReturnType<typeof createApp>
