import { eq } from 'drizzle-orm'
import type { Services } from '../../src/app-env'
import { followUpDueAt } from '../../src/cases/deadlines'
import { cases, events } from '../../src/db/schema'

/*
 * Stand-ins for the case actions of issue 4 (acknowledge, resolve), which are built elsewhere: just enough
 * to move a case through its clocks in these tests — the state and its columns with a ledger event, in one
 * batch, as the real actions will.
 */

export async function caseIdOf(services: Services, reference: string): Promise<string> {
  const [row] = await services.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference))
  if (!row) throw new Error(`no case ${reference}`)
  return row.id
}

export async function acknowledge(services: Services, caseId: string, at: Date): Promise<void> {
  await services.writer.submit({
    build: (ledger) => ({
      writes: [
        services.db.update(cases).set({ state: 'acknowledged', acknowledgedAt: at, updatedAt: at }).where(eq(cases.id, caseId)),
        ledger.append({ caseId, actor: 'staff-1', action: 'case.acknowledge', payload: {}, time: at.getTime() }),
      ],
      result: undefined,
    }),
  })
}

export async function resolve(services: Services, caseId: string, at: Date): Promise<void> {
  await services.writer.submit({
    build: (ledger) => ({
      writes: [
        services.db
          .update(cases)
          .set({ state: 'resolved', closedAt: at, updatedAt: at, assigneeId: 'staff-1', followUpDueAt: followUpDueAt(at, services.config.FOLLOW_UP_DAYS * 86_400_000) })
          .where(eq(cases.id, caseId)),
        ledger.append({ caseId, actor: 'staff-1', action: 'case.resolve', payload: { code: 'resolved_mediation' }, time: at.getTime() }),
      ],
      result: undefined,
    }),
  })
}

/** A case's events as (action, payload) pairs, in chain order. */
export async function eventsOf(services: Services, caseId: string): Promise<{ action: string; payload: Record<string, unknown> }[]> {
  const rows = await services.db.select().from(events).where(eq(events.caseId, caseId)).orderBy(events.seq)
  return rows.map((r) => ({ action: r.action, payload: JSON.parse(r.payload) as Record<string, unknown> }))
}
