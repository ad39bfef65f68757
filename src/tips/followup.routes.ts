import { Hono } from 'hono'
import type { AppEnv } from '../app-env'
import { limitRequests } from '../http/rate-limit'
import { validate } from '../http/validate'
import { followupView } from './followup'
import { followupRequest, postReporterMessage, reporterMessageRequest, tipForReceipt } from './receipt-access'

export { followupRequest, reporterMessageRequest } from './receipt-access'

/**
 * `POST /api/followup` (see a tip's progress) and `POST /api/followup/messages` (answer or add to it).
 * The receipt travels in the body, never in a URL, because URLs end up in logs.
 */
export const followupRoutes = new Hono<AppEnv>()
  .post('/', limitRequests('followup'), validate('json', followupRequest), async (c) => {
    const { db, keys } = c.get('services')
    const tip = await tipForReceipt(c, c.req.valid('json').receipt)
    return c.json(await followupView(db, keys, tip))
  })
  .post('/messages', limitRequests('followup'), validate('json', reporterMessageRequest), async (c) => {
    const tip = await tipForReceipt(c, c.req.valid('json').receipt)
    const message = await postReporterMessage(c.get('services'), tip, c.req.valid('json').text)
    return c.json({ reference: tip.reference, message }, 201)
  })
