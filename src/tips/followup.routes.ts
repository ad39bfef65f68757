import { type Context, Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { seal } from '../crypto/seal'
import { newId } from '../db/ids'
import { ApiError } from '../http/errors'
import { limitRequests, tooManyRequests } from '../http/rate-limit'
import { validate } from '../http/validate'
import { scoreRequest } from '../scoring/score.routes'
import { type ReceiptTip, addReporterMessage, findTipByReceipt, followupView, messageContext } from './followup'
import { normalizeReceipt } from './receipt'
import { committed } from './writes'

/** A receipt as typed: forgiving of case, spaces and dashes; anything that cannot be a receipt is a 400. */
const receiptField = z
  .string()
  .max(64)
  .transform((typed, ctx) => {
    const receipt = normalizeReceipt(typed)
    if (receipt) return receipt
    ctx.addIssue({ code: 'custom', message: 'a receipt code has 16 letters and digits, like 7K3M-9Q2X-A1B2-C3D4' })
    return z.NEVER
  })

export const followupRequest = z.object({ receipt: receiptField })
export const reporterMessageRequest = z.object({ receipt: receiptField, text: scoreRequest.shape.text })

/**
 * The tip behind a receipt, or a 404 that looks the same for every miss. Each miss counts against the
 * client's daily allowance; once it is used up, follow-up answers 429 for everything, right or wrong, so
 * the answer can not be used to tell a good guess from a bad one either.
 */
async function tipForReceipt(c: Context<AppEnv>, receipt: string): Promise<ReceiptTip> {
  const { db, keys, now } = c.get('services')
  const limits = c.get('limits')
  const key = c.get('clientKey')
  const at = now().getTime()
  if (limits.enabled) {
    const blocked = limits.receiptMisses.exhausted(key, at)
    if (blocked.exhausted) throw tooManyRequests(c, blocked.retryAfterMs)
  }
  const tip = await findTipByReceipt(db, keys, receipt)
  if (tip) return tip
  if (limits.enabled) limits.receiptMisses.hit(key, at)
  throw new ApiError(404, 'unknown_receipt', 'We could not find this receipt code. Check it and try again.', 'receipt')
}

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
    const services = c.get('services')
    const { db, keys, writer, now } = services
    const { receipt, text } = c.req.valid('json')
    const tip = await tipForReceipt(c, receipt)
    const at = now()
    const messageId = newId(at)
    const sealed = await seal(keys.data, messageContext(messageId), text)
    await committed(services, writer.submit(addReporterMessage(db, { tip, messageId, sealed, at })))
    return c.json({ reference: tip.reference, message: { from: 'you', text, createdAt: at.toISOString() } }, 201)
  })
