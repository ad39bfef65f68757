import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Services } from '../app-env'
import type { Db } from '../db/db'
import type { WriteUnit } from '../db/group-commit'
import type { Write } from '../db/insert-rows'
import { type NotificationMessage, cases } from '../db/schema'
import type { LedgerAppender } from '../ledger/ledger'
import type { Target } from '../notify/formats'
import { caseLink, outboxRows } from '../notify/outbox'
import { type Audience, loadAudience } from '../notify/targets'
import { nextCallDownStep } from './call-down'
import type { DeadlineKind } from './deadlines'

/** Most due cases of one kind a sweep takes on; a larger backlog is worked off a minute later. */
export const SWEEP_BATCH = 1000

/** What one sweep did, for logs, health and the benchmark. */
export interface SweepReport {
  /** Rows the sweep's queries returned — each read through its partial index, so also the rows it read. */
  rowsRead: number
  firstResponseOverdue: number
  resolutionOverdue: number
  escalated: number
  callDowns: number
  callDownsStopped: number
  followUpReminders: number
  /** Findings another sweep committed first (its event exists; this one's batch was refused). */
  lostRaces: number
}

/** The columns a sweep reads of a due case. */
const dueColumns = {
  id: cases.id,
  reference: cases.reference,
  schoolId: cases.schoolId,
  level: cases.level,
  state: cases.state,
  assigneeId: cases.assigneeId,
  firstResponseDueAt: cases.firstResponseDueAt,
  resolutionDueAt: cases.resolutionDueAt,
  followUpDueAt: cases.followUpDueAt,
  callDownStep: cases.callDownStep,
  callDownNextAt: cases.callDownNextAt,
  districtEscalatedAt: cases.districtEscalatedAt,
}

type DueCase = Awaited<ReturnType<typeof sweepQueries>['firstResponse']>[number]

/**
 * The queries of a sweep. Each WHERE repeats its partial index's terms literally (SQLite uses a partial
 * index only when the query implies its WHERE; a bound parameter would not do) and binds only `now`, so
 * every query is one range scan over the cases that are due — closed cases and clocks already marked are
 * not in the index at all. `bench/sweep.ts` prints their plans.
 */
export function sweepQueries(db: Db, now: number) {
  const select = () => db.select(dueColumns).from(cases)
  return {
    firstResponse: select()
      .where(sql`"state" = 'new' AND "first_response_overdue_at" IS NULL AND "first_response_due_at" <= ${now}`)
      .orderBy(cases.firstResponseDueAt)
      .limit(SWEEP_BATCH),
    resolution: select()
      .where(sql`"state" IN ('new', 'acknowledged', 'investigating') AND "resolution_overdue_at" IS NULL AND "resolution_due_at" <= ${now}`)
      .orderBy(cases.resolutionDueAt)
      .limit(SWEEP_BATCH),
    followUp: select()
      .where(sql`"state" = 'resolved' AND "follow_up_reminded_at" IS NULL AND "follow_up_done_at" IS NULL AND "follow_up_due_at" <= ${now}`)
      .orderBy(cases.followUpDueAt)
      .limit(SWEEP_BATCH),
    callDown: select()
      .where(sql`"call_down_next_at" IS NOT NULL AND "call_down_next_at" <= ${now}`)
      .orderBy(cases.callDownNextAt)
      .limit(SWEEP_BATCH),
  }
}

/**
 * The deadline sweep, run every minute by the host (a timer on Node, a cron trigger on Workers). For every
 * case whose clock ran out it marks the case and writes one ledger event with its notifications, in one
 * batch per finding:
 * - a missed first response or resolution → `case.overdue` (school channels notified); a `critical` case
 *   not acknowledged in time is also escalated to the district (督办, `case.escalated_auto`);
 * - a due call-down step of a critical case → `case.call_down` to the next on-duty contact, or the district
 *   after the last one; an acknowledged case's call-down just stops;
 * - a follow-up check (回访) due 30 days after resolution → `case.follow_up_due`, reminding the owner.
 *
 * Exactly once, at the database: each event carries a `once` key (`overdue:firstResponse:<due>`, …) under a
 * unique index, so when two sweeps find the same case at once only one batch commits; the other is refused
 * whole (mark, event and notifications) and counted in `lostRaces`.
 *
 * @example
 * const report = await runDeadlineSweep(services, new Date())
 */
export async function runDeadlineSweep(services: Services, now: Date): Promise<SweepReport> {
  const { db, config, writer } = services
  const report: SweepReport = {
    rowsRead: 0,
    firstResponseOverdue: 0,
    resolutionOverdue: 0,
    escalated: 0,
    callDowns: 0,
    callDownsStopped: 0,
    followUpReminders: 0,
    lostRaces: 0,
  }
  const q = sweepQueries(db, now.getTime())
  const [firstResponse, resolution, followUp, callDown] = await Promise.all([q.firstResponse, q.resolution, q.followUp, q.callDown])
  report.rowsRead = firstResponse.length + resolution.length + followUp.length + callDown.length

  const audiences = new Map<number, Promise<Audience | undefined>>()
  const audienceOf = (schoolId: number) => {
    let a = audiences.get(schoolId)
    if (!a) audiences.set(schoolId, (a = loadAudience(db, config, schoolId)))
    return a
  }
  const ctx = { db, at: now, link: (reference: string) => caseLink(config, reference), callDownMs: config.CALL_DOWN_MINUTES * 60_000 }

  const submit = async (unit: WriteUnit<unknown>, count: () => void) => {
    try {
      await writer.submit(unit)
      count()
    } catch {
      // The usual cause: another sweep committed this finding first (its `once` key is taken). Anything
      // else leaves the case as it was, and the next sweep finds it again.
      report.lostRaces++
    }
  }

  const work: Promise<void>[] = []
  // A critical case whose first response is missed in the same sweep as its call-down runs out is escalated
  // once, by its overdue batch; the call-down leaves it alone rather than race it for the `once` key.
  const escalating = new Set<string>()
  for (const c of firstResponse) {
    const escalate = c.level === 'critical' && c.districtEscalatedAt === null
    if (escalate) escalating.add(c.id)
    work.push(
      audienceOf(c.schoolId).then((audience) =>
        submit(overdueUnit(ctx, c, 'firstResponse', c.firstResponseDueAt.getTime(), audience, escalate), () => {
          report.firstResponseOverdue++
          if (escalate) report.escalated++
        }),
      ),
    )
  }
  for (const c of resolution) {
    if (!c.resolutionDueAt) continue
    const due = c.resolutionDueAt.getTime()
    work.push(audienceOf(c.schoolId).then((audience) => submit(overdueUnit(ctx, c, 'resolution', due, audience, false), () => report.resolutionOverdue++)))
  }
  for (const c of followUp) {
    if (!c.followUpDueAt) continue
    const due = c.followUpDueAt.getTime()
    work.push(audienceOf(c.schoolId).then((audience) => submit(followUpUnit(ctx, c, due, audience), () => report.followUpReminders++)))
  }
  for (const c of callDown) {
    work.push(
      audienceOf(c.schoolId).then(async (audience) => {
        const step = nextCallDownStep({
          state: c.state,
          step: c.callDownStep,
          contacts: audience?.contacts.length ?? 0,
          districtEscalated: c.districtEscalatedAt !== null,
        })
        if (step.do === 'stop') {
          // A timer, not a state: clearing it changes nothing anyone acts on, so it is no ledger event.
          await db
            .update(cases)
            .set({ callDownNextAt: null })
            .where(and(eq(cases.id, c.id), eq(cases.callDownNextAt, c.callDownNextAt!)))
          report.callDownsStopped++
        } else if (step.do === 'call') {
          await submit(callDownUnit(ctx, c, step.step, audience), () => report.callDowns++)
        } else if (!escalating.has(c.id)) {
          await submit(escalationUnit(ctx, c, 'call_down_unanswered', audience), () => report.escalated++)
        }
      }),
    )
  }
  await Promise.all(work)
  return report
}

interface SweepContext {
  db: Db
  at: Date
  link: (reference: string) => string | null
  callDownMs: number
}

type CaseRef = Pick<DueCase, 'id' | 'reference' | 'level' | 'schoolId'>

function message(ctx: SweepContext, c: CaseRef, audience: Audience | undefined, fields: Omit<NotificationMessage, 'reference' | 'level' | 'school' | 'link'>): NotificationMessage {
  return {
    ...fields,
    reference: c.reference,
    level: c.level,
    school: audience ? { code: audience.school.code, name: audience.school.name } : { code: '?', name: '?' },
    link: ctx.link(c.reference),
  }
}

function overdueUnit(ctx: SweepContext, c: CaseRef, deadline: DeadlineKind, due: number, audience: Audience | undefined, escalate: boolean): WriteUnit<void> {
  const { db, at } = ctx
  const mark = deadline === 'firstResponse' ? cases.firstResponseOverdueAt : cases.resolutionOverdueAt
  const once = `overdue:${deadline}:${due}`
  return {
    build(ledger) {
      const writes: Write[] = [
        db
          .update(cases)
          .set(deadline === 'firstResponse' ? { firstResponseOverdueAt: at, updatedAt: at } : { resolutionOverdueAt: at, updatedAt: at })
          .where(and(eq(cases.id, c.id), isNull(mark))),
        ledger.append({ caseId: c.id, actor: 'system', action: 'case.overdue', payload: { once, deadline, dueAt: due, level: c.level }, time: at.getTime() }),
        ...outboxRows(c.id, message(ctx, c, audience, { kind: 'overdue', deadline, dueAt: due }), audience?.schoolChannels ?? [], `${c.id}:${once}`, at),
      ]
      if (escalate) writes.push(...escalationWrites(ctx, ledger, c, 'first_response_overdue', audience))
      return { writes, result: undefined }
    },
  }
}

function escalationUnit(ctx: SweepContext, c: CaseRef, reason: string, audience: Audience | undefined): WriteUnit<void> {
  return { build: (ledger) => ({ writes: escalationWrites(ctx, ledger, c, reason, audience), result: undefined }) }
}

/**
 * 督办: hand the case to the district. Sets the escalation flag and target (a ledger event says so), ends
 * any call-down (the district has it now), and notifies the district's channels and the school's.
 */
function escalationWrites(ctx: SweepContext, ledger: LedgerAppender, c: CaseRef, reason: string, audience: Audience | undefined): Write[] {
  const { db, at } = ctx
  const once = 'escalate:district'
  return [
    db
      .update(cases)
      .set({
        escalated: true,
        escalatedTo: sql`CASE WHEN EXISTS (SELECT 1 FROM json_each(coalesce("escalated_to", '[]')) WHERE value = 'district') THEN "escalated_to" ELSE json_insert(coalesce("escalated_to", '[]'), '$[#]', 'district') END`,
        districtEscalatedAt: at,
        callDownNextAt: null,
        updatedAt: at,
      })
      .where(eq(cases.id, c.id)),
    ledger.append({ caseId: c.id, actor: 'system', action: 'case.escalated_auto', payload: { once, to: 'district', reason, level: c.level }, time: at.getTime() }),
    ...outboxRows(
      c.id,
      message(ctx, c, audience, { kind: 'escalation', deadline: 'firstResponse' }),
      [...(audience?.districtChannels ?? []), ...(audience?.schoolChannels ?? [])],
      `${c.id}:${once}`,
      at,
    ),
  ]
}

function callDownUnit(ctx: SweepContext, c: DueCase, step: number, audience: Audience | undefined): WriteUnit<void> {
  const { db, at } = ctx
  const contact: Target | undefined = audience?.contacts[step - 1]
  return {
    build(ledger) {
      return {
        writes: [
          db
            .update(cases)
            .set({ callDownStep: step, callDownNextAt: new Date(at.getTime() + ctx.callDownMs) })
            .where(and(eq(cases.id, c.id), eq(cases.callDownStep, step - 1))),
          ...callDownCallWrites(ledger, { caseId: c.id, step, contact, at, message: message(ctx, c, audience, { kind: 'call_down', step }) }),
        ],
        result: undefined,
      }
    },
  }
}

/**
 * The event and outbox row of calling one on-duty contact; shared by intake (contact 1) and the sweep.
 *
 * @example
 * writes.push(...callDownCallWrites(ledger, { caseId, step: 1, contact, at, message }))
 */
export function callDownCallWrites(
  ledger: LedgerAppender,
  call: { caseId: string; step: number; contact: Target | undefined; at: Date; message: NotificationMessage },
): Write[] {
  const once = `call_down:${call.step}`
  return [
    ledger.append({
      caseId: call.caseId,
      actor: 'system',
      action: 'case.call_down',
      payload: { once, step: call.step, contact: call.contact?.label ?? null },
      time: call.at.getTime(),
    }),
    ...outboxRows(call.caseId, call.message, call.contact ? [call.contact] : [], `${call.caseId}:${once}`, call.at),
  ]
}

function followUpUnit(ctx: SweepContext, c: DueCase, due: number, audience: Audience | undefined): WriteUnit<void> {
  const { db, at } = ctx
  const once = `follow_up:${due}`
  return {
    build(ledger) {
      return {
        writes: [
          db.update(cases).set({ followUpRemindedAt: at }).where(and(eq(cases.id, c.id), isNull(cases.followUpRemindedAt))),
          ledger.append({
            caseId: c.id,
            actor: 'system',
            action: 'case.follow_up_due',
            payload: { once, dueAt: due, owner: c.assigneeId },
            time: at.getTime(),
          }),
          ...outboxRows(c.id, message(ctx, c, audience, { kind: 'follow_up_due', dueAt: due, owner: c.assigneeId }), audience?.schoolChannels ?? [], `${c.id}:${once}`, at),
        ],
        result: undefined,
      }
    },
  }
}

