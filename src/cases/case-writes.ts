import { eq, sql } from 'drizzle-orm'
import type { JsonValue } from '../ledger/chain'
import type { Sealed } from '../crypto/seal'
import type { Db } from '../db/db'
import type { WriteUnit } from '../db/group-commit'
import { type Write, insertRow } from '../db/insert-rows'
import { type CaseNoteKind, caseLinks, caseNotes, cases, messages } from '../db/schema'
import type { CaseAction } from './case-action'
import type { CaseRow } from './case-store'
import { type DeadlinePolicy, followUpDueAt, retriageDeadlines } from './deadlines'
import type { CaseState } from './state-machine'

/** A sealed piece of free text an action carries (a note, a reason, a summary), ready to store. */
export interface SealedNote {
  id: string
  kind: CaseNoteKind
  sealed: Sealed
}

/** Everything a case action writes, worked out by the route before the write is built. */
export interface CaseActionWrite {
  row: CaseRow
  action: CaseAction
  next: CaseState
  actorId: string
  at: Date
  /** The action's free text, sealed (note, level/escalate/dismiss/reopen reason, resolve summary). */
  note?: SealedNote | undefined
  /** A staff message to one reporter of the case. */
  message?: { id: string; tipId: string; sealed: Sealed } | undefined
  /** For `link`: the tip filed with this case, its own case and its categories as a bit set. */
  link?: { tipId: string; fromCaseId: string; categoryMask: number } | undefined
  /** The configured deadlines, for a re-triage to move the clocks by. */
  policy?: DeadlinePolicy | undefined
}

/**
 * The write for one case action: the case row's update, any note, message or link row, and one ledger
 * event (`case.<action>`, naming rows by id, never their text) — one atomic batch.
 *
 * Optimistic concurrency: the update sets `version` to `version + 1` only if it still is the version the
 * route read, and to NULL otherwise, which the NOT NULL column refuses — so the whole batch (ledger event
 * included) fails when another action got there first, and the route answers 409 instead of writing an
 * action that was decided on a stale state. (A plain `WHERE version = ?` would match no row and still
 * commit the event, because a batch cannot look at how many rows one of its statements changed.)
 *
 * @example
 * await writer.submit(caseActionUnit(db, { row, action, next, actorId, at }))
 */
export function caseActionUnit(db: Db, w: CaseActionWrite): WriteUnit<void> {
  const { row, action, next, at } = w
  const set: Partial<typeof cases.$inferInsert> = { state: next, updatedAt: at }
  const payload: { [key: string]: JsonValue | undefined } = { from: row.state, to: next }
  let moved: ReturnType<typeof retriageDeadlines> | undefined
  if (w.note) payload[w.note.kind] = w.note.id
  if (row.state === 'new' && next !== 'new') set.acknowledgedAt = at
  switch (action.type) {
    case 'claim':
      set.assigneeId = w.actorId
      payload.assignee = w.actorId
      break
    case 'assign':
      set.assigneeId = action.to
      payload.assignee = action.to
      break
    case 'level':
      set.level = action.level
      payload.level = action.level
      payload.previousLevel = row.level
      payload.scorerLevel = row.scorerLevel
      // Both clocks move to the new level's (counted from when the case came in, never into the past); the
      // `case.deadlines_moved` event below says so.
      moved = retriageDeadlines(row, action.level, at, w.policy)
      set.firstResponseDueAt = moved.firstResponseDueAt
      set.resolutionDueAt = moved.resolutionDueAt
      set.firstResponseOverdueAt = moved.firstResponseOverdueAt
      set.resolutionOverdueAt = moved.resolutionOverdueAt
      break
    case 'escalate':
      set.escalated = true
      set.escalatedTo = [...new Set([...(row.escalatedTo ?? []), action.to])]
      if (action.to === 'district' && !row.districtEscalatedAt) set.districtEscalatedAt = at
      payload.escalatedTo = action.to
      break
    case 'resolve':
      set.closedAt = at
      // The follow-up check on the student (回访) falls due 30 days on; the sweep reminds the owner.
      set.followUpDueAt = followUpDueAt(at)
      payload.code = action.code
      payload.followUpDueAt = set.followUpDueAt.getTime()
      break
    case 'dismiss':
      set.closedAt = at
      payload.dismissReason = action.reason
      payload.duplicateOf = action.duplicateOf
      break
    case 'reopen':
      set.closedAt = null
      set.followUpDueAt = null
      set.followUpRemindedAt = null
      break
    case 'message':
      payload.message = w.message?.id
      payload.tip = w.message?.tipId
      break
    case 'link':
      payload.tip = w.link?.tipId
      payload.fromCase = w.link?.fromCaseId
      break
    default:
      break
  }
  return {
    build(ledger) {
      const writes: Write[] = []
      if (w.note) {
        const { keyId, nonce, body } = w.note.sealed
        writes.push(insertRow(caseNotes, { id: w.note.id, caseId: row.id, kind: w.note.kind, authorId: w.actorId, keyId, nonce, body, createdAt: at }))
      }
      if (w.message) {
        const { keyId, nonce, body } = w.message.sealed
        writes.push(
          insertRow(messages, {
            id: w.message.id,
            caseId: row.id,
            tipId: w.message.tipId,
            direction: 'staff',
            authorId: w.actorId,
            keyId,
            nonce,
            body,
            createdAt: at,
          }),
        )
      }
      if (w.link) writes.push(insertRow(caseLinks, { caseId: row.id, tipId: w.link.tipId, linkedBy: w.actorId, createdAt: at }))
      writes.push(
        db
          .update(cases)
          .set({
            ...set,
            version: sql`CASE WHEN ${cases.version} = ${row.version} THEN ${cases.version} + 1 END`,
            ...(w.link ? { categoryMask: sql`${cases.categoryMask} | ${w.link.categoryMask}` } : {}),
          })
          .where(eq(cases.id, row.id)),
        ledger.append({ caseId: row.id, actor: w.actorId, action: `case.${action.type}`, payload, time: at.getTime() }),
      )
      if (moved) {
        writes.push(
          ledger.append({ caseId: row.id, actor: w.actorId, action: 'case.deadlines_moved', payload: moved.payload, time: at.getTime() }),
        )
      }
      return { writes, result: undefined }
    },
  }
}
