import { eq } from 'drizzle-orm'
import type { Services } from '../app-env'
import type { Db } from '../db/db'
import type { WriteUnit } from '../db/group-commit'
import { cases } from '../db/schema'

/**
 * How the follow-up check on the student (回访) went. A code, not free text: the ledger is read by people
 * who must not learn about the child from it; details go into a sealed note.
 */
export const followUpOutcomes = ['doing_well', 'concern_remains', 'bullying_resumed', 'not_reachable'] as const
export type FollowUpOutcome = (typeof followUpOutcomes)[number]

/**
 * Records the follow-up check of a closed case: `follow_up_done_at` and a `case.follow_up_checked` event in
 * one batch. The case stays closed (the state machine allows work on a closed case for this reason);
 * `bullying_resumed` is the cue to reopen, which is a separate action. Resolves false, writing nothing,
 * when the case does not exist or is not closed. A second check is recorded as a second event (a second
 * visit is a fact worth keeping); `follow_up_done_at` keeps the latest.
 *
 * The internal API for the case actions of issue 4 (a `follow_up` action or a note with an outcome).
 *
 * @example
 * await recordFollowUpCheck(services, { caseId, actor: staffId, outcome: 'doing_well', at: now() }) // true
 */
export async function recordFollowUpCheck(
  services: Pick<Services, 'db' | 'writer'>,
  check: { caseId: string; actor: string; outcome: FollowUpOutcome; at: Date },
): Promise<boolean> {
  const { db, writer } = services
  const { caseId, actor, outcome, at } = check
  const [row] = await db.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId))
  if (!row || (row.state !== 'resolved' && row.state !== 'dismissed')) return false
  await writer.submit(followUpCheckUnit(db, { caseId, actor, outcome, at }))
  return true
}

function followUpCheckUnit(db: Db, check: { caseId: string; actor: string; outcome: FollowUpOutcome; at: Date }): WriteUnit<void> {
  const { caseId, actor, outcome, at } = check
  return {
    build(ledger) {
      return {
        writes: [
          db.update(cases).set({ followUpDoneAt: at, updatedAt: at }).where(eq(cases.id, caseId)),
          ledger.append({ caseId, actor, action: 'case.follow_up_checked', payload: { outcome }, time: at.getTime() }),
        ],
        result: undefined,
      }
    },
  }
}
