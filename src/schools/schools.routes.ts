import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { listSchools } from './schools'

/** `GET /api/schools`: the public list the tip form offers. Nothing here is secret. */
export const schoolRoutes = new Hono<AppEnv>().get('/', async (c) => {
  return c.json({ schools: await listSchools(c.get('services').db) })
})
