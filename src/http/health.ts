import { Hono } from 'hono'
import type { AppEnv } from '../app-env'

/** Liveness for load balancers and the Node host's start-up check. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', (c) => c.json({ status: 'ok' }))
