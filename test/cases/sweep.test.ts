import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordFollowUpCheck } from '../../src/cases/follow-up-check'
import { runDeadlineSweep } from '../../src/cases/sweep'
import { GroupCommitWriter } from '../../src/db/group-commit'
import { cases } from '../../src/db/schema'
import { openDatabase } from '../../src/hosts/node-db'
import { verifyChain } from '../../src/ledger/chain'
import { readEvents } from '../../src/ledger/ledger'
import { acknowledge, caseIdOf, eventsOf, resolve } from '../support/case-steps'
import { type Harness, makeHarness, tipBody } from '../support/harness'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

const texts = {
  critical: '我不想活了，药已经买好了，今晚就吃',
  high: '昨天放学后在厕所他们把我打了一顿，还抢了我的钱',
  medium: '班上有几个人天天骂我是猪 还把我的书扔进垃圾桶',
} as const

let h: Harness
beforeEach(async () => {
  // No call-down contacts and a call-down interval beyond 15 minutes: the critical case reaches the
  // district through its missed first response (the call-down path has its own test).
  h = await makeHarness({ env: { LOG_REQUESTS: '0', RATE_LIMITS: '0', CALL_DOWN_MINUTES: '60' } })
})
afterEach(() => h.close())

async function open(level: keyof typeof texts): Promise<string> {
  const res = await h.post('/api/tips', tipBody({ text: texts[level] }))
  expect(res.status).toBe(201)
  return caseIdOf(h.services, ((await res.json()) as { reference: string }).reference)
}

const sweepAt = (ms: number) => {
  h.clock.set(new Date(start + ms))
  return runDeadlineSweep(h.services, h.clock.now())
}
const start = new Date('2026-03-02T08:00:00.000Z').getTime()

/** The sweep's events of a case, as compact strings. */
async function sweepEvents(caseId: string): Promise<string[]> {
  return (await eventsOf(h.services, caseId))
    .filter((e) => ['case.overdue', 'case.escalated_auto', 'case.follow_up_due', 'case.follow_up_checked'].includes(e.action))
    .map((e) => `${e.action}${e.payload.deadline ? `:${e.payload.deadline}` : ''}${e.payload.to ? `:${e.payload.to}` : ''}`)
}

describe('runDeadlineSweep with a fake clock', () => {
  it('walks a critical, a high and a medium case through every deadline, one event per missed deadline', async () => {
    const critical = await open('critical')
    const high = await open('high')
    const medium = await open('medium')
    const all = async () => ({ critical: await sweepEvents(critical), high: await sweepEvents(high), medium: await sweepEvents(medium) })

    // Both deadlines are on the case from intake, by the rubric.
    const [c] = await h.db.select().from(cases).where(eq(cases.id, medium))
    expect(c!.firstResponseDueAt.getTime() - start).toBe(24 * HOUR)
    expect(c!.resolutionDueAt!.getTime() - start).toBe(10 * DAY)

    expect(await sweepAt(14 * MIN)).toMatchObject({ firstResponseOverdue: 0 })
    // 15 minutes, nobody answered the critical case: overdue, and escalated to the district (督办).
    expect(await sweepAt(15 * MIN)).toMatchObject({ firstResponseOverdue: 1, escalated: 1 })
    expect(await all()).toEqual({ critical: ['case.overdue:firstResponse', 'case.escalated_auto:district'], high: [], medium: [] })
    const [escalated] = await h.db.select().from(cases).where(eq(cases.id, critical))
    expect(escalated).toMatchObject({ escalated: true, escalatedTo: ['district'] })
    expect(escalated!.firstResponseOverdueAt?.getTime()).toBe(start + 15 * MIN)

    // Sweeping again changes nothing: the marked case is no longer in the index.
    expect(await sweepAt(16 * MIN)).toMatchObject({ rowsRead: 0 })

    expect(await sweepAt(4 * HOUR - MIN)).toMatchObject({ firstResponseOverdue: 0 })
    expect(await sweepAt(4 * HOUR)).toMatchObject({ firstResponseOverdue: 1, escalated: 0 }) // high: overdue, not escalated
    expect(await sweepAt(24 * HOUR)).toMatchObject({ firstResponseOverdue: 1 }) // medium
    expect(await all()).toEqual({
      critical: ['case.overdue:firstResponse', 'case.escalated_auto:district'],
      high: ['case.overdue:firstResponse'],
      medium: ['case.overdue:firstResponse'],
    })

    // Someone answers all three; the resolution clocks keep running.
    for (const id of [critical, high, medium]) await acknowledge(h.services, id, new Date(start + 25 * HOUR))
    expect(await sweepAt(2 * DAY - MIN)).toMatchObject({ resolutionOverdue: 0 })
    expect(await sweepAt(2 * DAY)).toMatchObject({ resolutionOverdue: 1 })
    expect(await sweepAt(5 * DAY)).toMatchObject({ resolutionOverdue: 1 })
    expect(await sweepAt(10 * DAY - MIN)).toMatchObject({ resolutionOverdue: 0 })
    expect(await sweepAt(10 * DAY)).toMatchObject({ resolutionOverdue: 1 })

    // Resolved on day 11; the follow-up check (回访) is due 30 days later, and its owner is reminded once.
    for (const id of [critical, high, medium]) await resolve(h.services, id, new Date(start + 11 * DAY))
    expect(await sweepAt(41 * DAY - MIN)).toMatchObject({ followUpReminders: 0, resolutionOverdue: 0 })
    expect(await sweepAt(41 * DAY)).toMatchObject({ followUpReminders: 3 })
    expect(await sweepAt(42 * DAY)).toMatchObject({ rowsRead: 0 })
    const reminder = (await eventsOf(h.services, high)).find((e) => e.action === 'case.follow_up_due')
    expect(reminder?.payload).toMatchObject({ owner: 'staff-1', dueAt: start + 41 * DAY })

    // The check itself is recorded as an event.
    expect(await recordFollowUpCheck(h.services, { caseId: high, actor: 'staff-1', outcome: 'doing_well', at: new Date(start + 42 * DAY) })).toBe(true)

    expect(await all()).toEqual({
      critical: ['case.overdue:firstResponse', 'case.escalated_auto:district', 'case.overdue:resolution', 'case.follow_up_due'],
      high: ['case.overdue:firstResponse', 'case.overdue:resolution', 'case.follow_up_due', 'case.follow_up_checked'],
      medium: ['case.overdue:firstResponse', 'case.overdue:resolution', 'case.follow_up_due'],
    })
    expect(verifyChain(await readEvents(h.db))).toMatchObject({ ok: true })
  })

  it('writes one overdue event when two sweeps on two connections run at once', async () => {
    const critical = await open('critical')
    const high = await open('high')
    // A second host on the same database: its own connection, writer and chain head.
    const second = await openDatabase({ url: `file:${h.dbPath}` })
    const services2 = { ...h.services, db: second.db, writer: new GroupCommitWriter({ db: second.db }) }
    try {
      h.clock.set(new Date(start + 5 * HOUR))
      const reports = await Promise.all([
        runDeadlineSweep(h.services, h.clock.now()),
        runDeadlineSweep(services2, h.clock.now()),
        runDeadlineSweep(h.services, h.clock.now()),
      ])
      expect(reports.reduce((n, r) => n + r.firstResponseOverdue, 0)).toBe(2)
      expect(reports.reduce((n, r) => n + r.escalated, 0)).toBe(1)
      expect(await sweepEvents(critical)).toEqual(['case.overdue:firstResponse', 'case.escalated_auto:district'])
      expect(await sweepEvents(high)).toEqual(['case.overdue:firstResponse'])
      expect(verifyChain(await readEvents(h.db))).toMatchObject({ ok: true })
    } finally {
      await services2.writer.close()
      second.client.close()
    }
  })

  it('lets the database refuse a second overdue event for the same deadline', async () => {
    const high = await open('high')
    h.clock.set(new Date(start + 5 * HOUR))
    await runDeadlineSweep(h.services, h.clock.now())
    const [row] = await h.db.select().from(cases).where(eq(cases.id, high))
    const due = row!.firstResponseDueAt.getTime()
    const again = h.writer.submit({
      build: (ledger) => ({
        writes: [ledger.append({ caseId: high, actor: 'system', action: 'case.overdue', payload: { once: `overdue:firstResponse:${due}` }, time: 0 })],
        result: undefined,
      }),
    })
    await expect(again).rejects.toThrow()
  })
})
