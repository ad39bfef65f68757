import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm'
import type { Services } from '../app-env'
import { outbox } from '../db/schema'
import { retryDelayMs } from './backoff'
import { type DeliveryOutcome, deliveryOutcome, renderRequest } from './formats'
import { resolveTarget } from './targets'

/** How long a claimed row is held by the loop that claimed it: longer than one attempt can take. */
export const CLAIM_LEASE_MS = 60_000
/** One attempt gives up after this long (and counts as a retryable failure). */
export const ATTEMPT_TIMEOUT_MS = 10_000
/** Rows one pass takes on; the next pass (seconds later) takes the rest. */
export const DELIVERY_BATCH = 50

/** What one pass of the loop did. */
export interface DeliveryReport {
  /** Due rows read. */
  due: number
  /** Rows this loop won the claim on (another loop took the rest). */
  claimed: number
  delivered: number
  retrying: number
  failed: number
}

/**
 * One pass of the outbox delivery loop: reads due rows through the partial index, claims each with a
 * conditional UPDATE (the row's `next_attempt_at` must still be what was read — two loops that read the
 * same row cannot both win it, so no notification is sent twice at once), sends it, then marks it
 * delivered or schedules the next attempt with exponential backoff. Delivery is at least once: if the
 * process dies between sending and marking, the lease runs out and the row is sent again, with the same
 * idempotency key (header `Idempotency-Key`, and in the generic JSON body) for the receiver to drop it.
 *
 * Runtime-free: the Node host calls it on a timer; the Workers cron handler will call it the same way.
 *
 * @example
 * const report = await deliverOutbox(services, new Date()) // { due: 3, claimed: 3, delivered: 2, retrying: 1, failed: 0 }
 */
export async function deliverOutbox(services: Services, now: Date): Promise<DeliveryReport> {
  const { db, config, log } = services
  const send = services.fetch ?? globalThis.fetch
  const report: DeliveryReport = { due: 0, claimed: 0, delivered: 0, retrying: 0, failed: 0 }
  const due = await db
    .select()
    .from(outbox)
    .where(and(sql`"delivered_at" IS NULL AND "failed_at" IS NULL`, lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(DELIVERY_BATCH)
  report.due = due.length

  await Promise.all(
    due.map(async (row) => {
      const claimed = await db
        .update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.id, row.id), eq(outbox.nextAttemptAt, row.nextAttemptAt), isNull(outbox.deliveredAt), isNull(outbox.failedAt)))
        .returning({ attempts: outbox.attempts })
      const attempts = claimed[0]?.attempts
      if (attempts === undefined) return // another loop has it
      report.claimed++

      const target = await resolveTarget(db, config, row.targetKey)
      let outcome: DeliveryOutcome
      if (!target) {
        outcome = { ok: false, code: 'no_target', retry: false }
      } else {
        try {
          const request = await renderRequest(target, row.message, row.idempotencyKey, now.getTime())
          const response = await send(request.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': row.idempotencyKey },
            body: JSON.stringify(request.body),
            signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
          })
          outcome = deliveryOutcome(target.format, response.status, await response.text())
        } catch {
          outcome = { ok: false, code: 'network', retry: true }
        }
      }

      const at = services.now()
      if (outcome.ok) {
        report.delivered++
        await db.update(outbox).set({ deliveredAt: at, lastError: null }).where(eq(outbox.id, row.id))
        return
      }
      const giveUp = !outcome.retry || attempts >= config.OUTBOX_MAX_ATTEMPTS
      if (giveUp) report.failed++
      else report.retrying++
      // The code only (`http_500`): a response body could echo anything, and logs must stay clean.
      log({ level: giveUp ? 'error' : 'warn', msg: giveUp ? 'notification given up' : 'notification failed; will retry', code: outcome.code, attempts, target: row.targetKey })
      await db
        .update(outbox)
        .set(giveUp ? { failedAt: at, lastError: outcome.code } : { nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)), lastError: outcome.code })
        .where(eq(outbox.id, row.id))
    }),
  )
  return report
}
