import { Hono } from 'hono'
import type { AppEnv, Services } from './app-env'
import { authRoutes } from './auth/auth.routes'
import { LoginThrottle } from './auth/login-throttle'
import { caseRoutes } from './cases/cases.routes'
import { MAX_BODY_BYTES, limitBody } from './http/body-limit'
import { healthRoutes } from './http/health'
import { notFound, onError } from './http/on-error'
import { createRateLimits } from './http/rate-limit'
import { requestLog } from './http/request-log'
import { informantRoutes } from './informants/informants.routes'
import { ledgerRoutes } from './ledger/ledger.routes'
import { cannedReplyRoutes } from './replies/canned-replies.routes'
import { schoolRoutes } from './schools/schools.routes'
import { scoreRoutes } from './scoring/score.routes'
import { staffRoutes } from './staff/staff.routes'
import { followupRoutes } from './tips/followup.routes'
import { tipRoutes } from './tips/tips.routes'
import { securityHeaders } from './web/security-headers'
import { staffPageRoutes } from './web/staff/staff.routes'
import { webNotFound, webRoutes } from './web/web.routes'

/**
 * Builds the whole application from its services. Runtime-free: hosts (Node, Workers) and tests call this
 * and never reach into module state.
 *
 * @example
 * const app = createApp({ config, log: silentLogger, now: () => new Date(), db, keys, writer })
 * const res = await app.request('/healthz')
 */
export function createApp(services: Services) {
  const app = new Hono<AppEnv>()
  // Per app instance and in memory only: rate-limit state never outlives the process or reaches storage.
  const limits = createRateLimits(services.config)
  const loginThrottle = new LoginThrottle({ now: services.now })

  app.use(async function inject(c, next) {
    c.set('services', services)
    c.set('limits', limits)
    c.set('loginThrottle', loginThrottle)
    await next()
  })
  if (services.config.LOG_REQUESTS) app.use(requestLog())
  app.use(securityHeaders())
  app.use('/api/*', limitBody(MAX_BODY_BYTES, 'Request bodies'))

  app.route('/', healthRoutes)
  app.route('/api/score', scoreRoutes)
  app.route('/api/schools', schoolRoutes)
  app.route('/api/tips', tipRoutes)
  app.route('/api/followup', followupRoutes)
  app.route('/api/auth', authRoutes)
  app.route('/api/staff', staffRoutes)
  app.route('/api/cases', caseRoutes)
  app.route('/api/ledger', ledgerRoutes)
  app.route('/api/informant-codes', informantRoutes)
  app.route('/api/canned-replies', cannedReplyRoutes)
  // The reporter's pages, and the staff pages beside them.
  app.route('/', webRoutes)
  app.route('/', staffPageRoutes)

  // The API answers in JSON; everything else is a page a person reads.
  app.notFound((c) => (c.req.path.startsWith('/api/') ? notFound(c) : webNotFound(c)))
  app.onError(onError(services.log))
  return app
}

export type App = ReturnType<typeof createApp>
