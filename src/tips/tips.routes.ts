import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { limitRequests } from '../http/rate-limit'
import { validate } from '../http/validate'
import { scoreRequest } from '../scoring/score.routes'
import { categories, reporterKinds } from '../scoring/types'
import { helpFor, nextSteps } from './reporter-text'
import { submitTip } from './submit-tip'
import { MAX_WHEN_CHARS, places } from './tip-fields'

export const tipRequest = z.object({
  school: z.string().trim().min(1, 'must not be empty').max(32),
  text: scoreRequest.shape.text,
  reporter: z.enum(reporterKinds),
  categories: z
    .array(z.enum(categories))
    .max(categories.length)
    .transform((list) => [...new Set(list)])
    .optional(),
  where: z.enum(places).optional(),
  when: z.string().trim().max(MAX_WHEN_CHARS, `must be at most ${MAX_WHEN_CHARS} characters`).optional(),
  ongoing: z.boolean().optional(),
  informantCode: z.string().trim().min(1, 'must not be empty').max(64).optional(),
})

/**
 * `POST /api/tips`: an anonymous tip in, a receipt out. The reporter never sees the score; when the tip
 * shows self-harm or immediate danger the answer carries `help` for right now, in the tip's language.
 */
export const tipRoutes = new Hono<AppEnv>().post('/', limitRequests('tips'), validate('json', tipRequest), async (c) => {
  const { receipt, reference, lang, score } = await submitTip(c.get('services'), c.req.valid('json'))
  const help = helpFor(lang, score)
  return c.json({ receipt, reference, nextSteps: nextSteps(lang), ...(help ? { help } : {}) }, 201)
})
