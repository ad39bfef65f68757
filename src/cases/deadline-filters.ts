import { type SQL, sql } from 'drizzle-orm'
import { cases } from '../db/schema'
import { DUE_SOON_MS } from './deadlines'

/**
 * The queue filters of issue 6, as SQL for `GET /api/cases` (`?filter=overdue`, `?filter=due_soon`): the
 * same rules as `deadlineFlags`, evaluated in the database. A running deadline is first response while the
 * case is `new`, resolution while it is open.
 *
 * @example
 * db.select().from(cases).where(and(eq(cases.schoolId, id), overdueFilter(now)))
 */
export function overdueFilter(now: Date): SQL {
  const t = now.getTime()
  return sql`((${cases.state} = 'new' AND ${cases.firstResponseDueAt} <= ${t}) OR (${cases.state} IN ('new', 'acknowledged', 'investigating') AND ${cases.resolutionDueAt} <= ${t}))`
}

/**
 * Not overdue, but a running deadline falls within the next hour.
 *
 * @example
 * db.select().from(cases).where(dueWithinHourFilter(now))
 */
export function dueWithinHourFilter(now: Date): SQL {
  const t = now.getTime()
  const soon = t + DUE_SOON_MS
  return sql`(NOT ${overdueFilter(now)} AND ((${cases.state} = 'new' AND ${cases.firstResponseDueAt} <= ${soon}) OR (${cases.state} IN ('new', 'acknowledged', 'investigating') AND ${cases.resolutionDueAt} <= ${soon})))`
}

/** The filter names the queue accepts for these, for its zod schema. */
export const deadlineFilterNames = ['overdue', 'due_soon'] as const
