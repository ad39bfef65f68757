import type { Config } from '../config'
import { newId } from '../db/ids'
import { type RowInsert, insertRow } from '../db/insert-rows'
import { type NotificationMessage, outbox } from '../db/schema'
import type { Target } from './formats'

/**
 * Outbox rows for one notification to several targets, for the write unit of the event that causes it
 * (same batch: the alert exists exactly when its event does). `cause` is unique per event — the event's
 * `once` key or the tip id — and with the target key makes the idempotency key a receiver can dedupe on.
 *
 * @example
 * writes.push(...outboxRows(caseId, message, audience.schoolChannels, `overdue:${caseId}:firstResponse`, at))
 */
export function outboxRows(
  caseId: string,
  message: NotificationMessage,
  targets: readonly Target[],
  cause: string,
  at: Date,
): RowInsert<typeof outbox>[] {
  const seen = new Set<string>()
  return targets
    .filter((t) => !seen.has(t.key) && seen.add(t.key))
    .map((target) =>
      insertRow(outbox, {
        id: newId(at),
        caseId,
        targetKey: target.key,
        idempotencyKey: `${cause}:${target.key}`,
        message,
        createdAt: at,
        nextAttemptAt: at,
      }),
    )
}

/**
 * Where staff open a case, when PUBLIC_URL is configured; null otherwise (the reference is enough to find it).
 *
 * @example
 * caseLink(config, 'T-7K3M-9Q2X') // 'https://tipline.example.edu.cn/cases/T-7K3M-9Q2X'
 */
export function caseLink(config: Pick<Config, 'PUBLIC_URL'>, reference: string): string | null {
  return config.PUBLIC_URL ? `${config.PUBLIC_URL.replace(/\/+$/, '')}/cases/${encodeURIComponent(reference)}` : null
}
