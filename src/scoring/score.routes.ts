import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { validate } from '../http/validate'
import { MAX_TIP_CHARS, reporterKinds } from './types'
import { scoreTip } from './score'

export const scoreRequest = z.object({
  text: z
    .string()
    .refine((t) => t.trim().length > 0, 'must not be empty')
    .refine((t) => t.length <= MAX_TIP_CHARS, `must be at most ${MAX_TIP_CHARS} characters`),
  reporter: z.enum(reporterKinds).optional(),
})

/** `POST /api/score`: the scorer as a service, for staff tools and the form preview. */
export const scoreRoutes = new Hono<AppEnv>().post('/', validate('json', scoreRequest), (c) => {
  const { text, reporter } = c.req.valid('json')
  return c.json(scoreTip(text, reporter))
})
