import type { Context } from 'hono'
import * as z from 'zod'
import type { AppEnv, Services } from '../app-env'
import { seal } from '../crypto/seal'
import { newId } from '../db/ids'
import { ApiError } from '../http/errors'
import { tooManyRequests } from '../http/rate-limit'
import { scoreRequest } from '../scoring/score.routes'
import { type ReceiptTip, type ReporterMessage, addReporterMessage, findTipByReceipt, messageContext } from './followup'
import { normalizeReceipt } from './receipt'
import { committed } from './writes'

/*
 * What a receipt opens, shared by `POST /api/followup*` and the web follow-up pages, so the miss counting
 * and the write are the same on both channels.
 */

/** A receipt as typed: forgiving of case, spaces and dashes; anything that cannot be a receipt is a 400. */
export const receiptField = z
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
 * the answer can not be used to tell a good guess from a bad one either. Needs `limitRequests('followup')`
 * before it (it sets the client key).
 *
 * @example
 * const tip = await tipForReceipt(c, '7K3M9Q2XA1B2C3D4')
 */
export async function tipForReceipt(c: Context<AppEnv>, receipt: string): Promise<ReceiptTip> {
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
 * Seals and commits a reporter's message on their tip; answers with the message as it will be shown.
 *
 * @example
 * await postReporterMessage(services, tip, '初二（3）班，每天午休的时候')
 */
export async function postReporterMessage(services: Services, tip: ReceiptTip, text: string): Promise<ReporterMessage> {
  const { db, keys, writer, now } = services
  const at = now()
  const messageId = newId(at)
  const sealed = await seal(keys, messageContext(messageId), text)
  await committed(services, writer.submit(addReporterMessage(db, { tip, messageId, sealed, at })))
  return { from: 'you', text, createdAt: at.toISOString() }
}
