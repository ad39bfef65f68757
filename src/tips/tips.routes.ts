import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { limitRequests } from '../http/rate-limit'
import { validate } from '../http/validate'
import { helpText, nextSteps } from './reporter-text'
import { takeTip, tipRequest } from './take-tip'

export { tipRequest } from './take-tip'

/**
 * `POST /api/tips`: an anonymous tip in, a receipt out. The reporter never sees the score; when the tip
 * shows self-harm or immediate danger the answer carries `help` for right now, in the tip's language.
 */
export const tipRoutes = new Hono<AppEnv>().post('/', limitRequests('tips'), validate('json', tipRequest), async (c) => {
  const { receipt, reference, lang, needsHelp } = await takeTip(c.get('services'), c.req.valid('json'))
  return c.json({ receipt, reference, nextSteps: nextSteps(lang), ...(needsHelp ? { help: helpText(lang) } : {}) }, 201)
})
