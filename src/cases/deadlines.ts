import type { Level } from '../scoring/types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A case's clocks. Only first response exists now; resolution deadlines join here later. */
export type DeadlineKind = 'firstResponse'

/** How long each kind of deadline allows at each level, in milliseconds. */
export type DeadlinePolicy = Record<DeadlineKind, Record<Level, number>>

/**
 * The rubric's first-response times (RISK-RUBRIC.md): critical 15 minutes day or night, high 4 hours,
 * medium 24 hours, low 72 hours. Wall-clock time, not school hours: a child in danger at 2 a.m. is still
 * in danger.
 */
export const rubricDeadlines: DeadlinePolicy = {
  firstResponse: { critical: 15 * MINUTE, high: 4 * HOUR, medium: 24 * HOUR, low: 72 * HOUR },
}

/**
 * When a person must first respond to a case of this level opened at `createdAt`.
 *
 * @example
 * firstResponseDueAt('critical', new Date('2026-03-02T08:00:00Z')) // 2026-03-02T08:15:00Z
 */
export function firstResponseDueAt(level: Level, createdAt: Date, policy: DeadlinePolicy = rubricDeadlines): Date {
  return new Date(createdAt.getTime() + policy.firstResponse[level])
}
