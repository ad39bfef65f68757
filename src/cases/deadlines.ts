import type { Level } from '../scoring/types'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * A case's clocks: `firstResponse` stops when a person responds (the case leaves `new`), `resolution`
 * when the case is closed out (resolved or dismissed).
 */
export const deadlineKinds = ['firstResponse', 'resolution'] as const
export type DeadlineKind = (typeof deadlineKinds)[number]

/** How long each kind of deadline allows at each level, in milliseconds. */
export type DeadlinePolicy = Record<DeadlineKind, Record<Level, number>>

/**
 * The rubric's times (RISK-RUBRIC.md). First response: critical 15 minutes day or night, high 4 hours,
 * medium 24 hours, low 72 hours. Resolution: 2 / 5 / 10 / 15 days — ten days is the usual limit for a
 * school's finding on a bullying report, so `medium` (bullying without violence) gets exactly that; more
 * serious levels must be closed sooner, a low concern may take longer. Wall-clock time, not school hours:
 * a child in danger at 2 a.m. is still in danger.
 */
export const rubricDeadlines: DeadlinePolicy = {
  firstResponse: { critical: 15 * MINUTE, high: 4 * HOUR, medium: 24 * HOUR, low: 72 * HOUR },
  resolution: { critical: 2 * DAY, high: 5 * DAY, medium: 10 * DAY, low: 15 * DAY },
}

/** The follow-up check on the student (回访) is due this long after a case is resolved. */
export const FOLLOW_UP_AFTER_MS = 30 * DAY

/**
 * When a person must first respond to a case of this level opened at `createdAt`.
 *
 * @example
 * firstResponseDueAt('critical', new Date('2026-03-02T08:00:00Z')) // 2026-03-02T08:15:00Z
 */
export function firstResponseDueAt(level: Level, createdAt: Date, policy: DeadlinePolicy = rubricDeadlines): Date {
  return new Date(createdAt.getTime() + policy.firstResponse[level])
}

/**
 * When a case of this level opened at `createdAt` must be closed out.
 *
 * @example
 * resolutionDueAt('medium', new Date('2026-03-02T08:00:00Z')) // 2026-03-12T08:00:00Z
 */
export function resolutionDueAt(level: Level, createdAt: Date, policy: DeadlinePolicy = rubricDeadlines): Date {
  return new Date(createdAt.getTime() + policy.resolution[level])
}

/**
 * Both deadlines of a case opened now, for the intake write.
 *
 * @example
 * openingDeadlines('high', at) // { firstResponseDueAt: at+4h, resolutionDueAt: at+5d }
 */
export function openingDeadlines(level: Level, createdAt: Date, policy: DeadlinePolicy = rubricDeadlines) {
  return { firstResponseDueAt: firstResponseDueAt(level, createdAt, policy), resolutionDueAt: resolutionDueAt(level, createdAt, policy) }
}

/**
 * When the follow-up check (回访) is due for a case resolved at `resolvedAt`.
 *
 * @example
 * followUpDueAt(new Date('2026-03-02T08:00:00Z')) // 2026-04-01T08:00:00Z
 */
export function followUpDueAt(resolvedAt: Date, afterMs: number = FOLLOW_UP_AFTER_MS): Date {
  return new Date(resolvedAt.getTime() + afterMs)
}

/** What the re-triage action needs to know of a case to move its clocks. */
export interface CaseClocks {
  level: Level
  createdAt: Date
  firstResponseDueAt: Date
  /** Null on a case opened before resolution deadlines existed; a re-triage gives it one. */
  resolutionDueAt: Date | null
  firstResponseOverdueAt: Date | null
  resolutionOverdueAt: Date | null
}

/** The new clocks after a re-triage, and the ledger payload that says so (`case.deadlines_moved`). */
export interface MovedDeadlines {
  firstResponseDueAt: Date
  resolutionDueAt: Date
  /** Null when the new deadline lies in the future: the old miss no longer stands, a new one can be marked. */
  firstResponseOverdueAt: Date | null
  resolutionOverdueAt: Date | null
  payload: { from: Level; to: Level; firstResponseDueAt: number; resolutionDueAt: number; previous: { firstResponseDueAt: number; resolutionDueAt: number | null } }
}

/**
 * Moves both deadlines when a case is re-triaged to `level` at `at`. The clocks keep running from the
 * case's opening (re-triage is no way to win time), with one exception: a deadline the new level puts in
 * the past runs from the re-triage instead — raising a 3-hour-old `medium` case to `critical` gives the
 * counselor 15 minutes from now, not an alarm about a deadline nobody could have met. A deadline moved into
 * the future drops its overdue mark, so the sweep can mark (and escalate) a miss of the new one.
 *
 * The re-triage action (`level`) calls this and writes the fields, its own event and a
 * `case.deadlines_moved` event with `payload` in one batch.
 *
 * @example
 * retriageDeadlines(caseRow, 'critical', new Date()) // { firstResponseDueAt, resolutionDueAt, …, payload }
 */
export function retriageDeadlines(current: CaseClocks, level: Level, at: Date, policy: DeadlinePolicy = rubricDeadlines): MovedDeadlines {
  const move = (kind: DeadlineKind) => {
    const fromOpening = current.createdAt.getTime() + policy[kind][level]
    return new Date(fromOpening > at.getTime() ? fromOpening : at.getTime() + policy[kind][level])
  }
  const first = move('firstResponse')
  const resolution = move('resolution')
  const keep = (mark: Date | null, due: Date) => (mark !== null && due.getTime() <= at.getTime() ? mark : null)
  return {
    firstResponseDueAt: first,
    resolutionDueAt: resolution,
    firstResponseOverdueAt: keep(current.firstResponseOverdueAt, first),
    resolutionOverdueAt: keep(current.resolutionOverdueAt, resolution),
    payload: {
      from: current.level,
      to: level,
      firstResponseDueAt: first.getTime(),
      resolutionDueAt: resolution.getTime(),
      previous: { firstResponseDueAt: current.firstResponseDueAt.getTime(), resolutionDueAt: current.resolutionDueAt?.getTime() ?? null },
    },
  }
}

/** What the queue and the case page show about a case's clocks. */
export interface DeadlineFlags {
  /** A running deadline has passed (first response while `new`, resolution while open). */
  overdue: boolean
  /** Not overdue, but a running deadline falls within the next hour. */
  dueWithinHour: boolean
  /** The earliest running deadline, or null for a closed case. */
  nextDueAt: Date | null
}

/** The window of the queue filter "due within the hour". */
export const DUE_SOON_MS = HOUR

/**
 * The queue flags of a case at `now`, from its columns. The queue's `overdue` and `due_soon` filters
 * (src/cases/case-store.ts) apply the same rules in the database.
 *
 * @example
 * deadlineFlags({ state: 'new', firstResponseDueAt, resolutionDueAt }, now) // { overdue: true, dueWithinHour: false, nextDueAt }
 */
export function deadlineFlags(
  c: { state: string; firstResponseDueAt: Date; resolutionDueAt: Date | null },
  now: Date,
): DeadlineFlags {
  const running: Date[] = []
  if (c.state === 'new') running.push(c.firstResponseDueAt)
  if ((c.state === 'new' || c.state === 'acknowledged' || c.state === 'investigating') && c.resolutionDueAt) running.push(c.resolutionDueAt)
  if (running.length === 0) return { overdue: false, dueWithinHour: false, nextDueAt: null }
  const next = new Date(Math.min(...running.map((d) => d.getTime())))
  const overdue = next.getTime() <= now.getTime()
  return { overdue, dueWithinHour: !overdue && next.getTime() <= now.getTime() + DUE_SOON_MS, nextDueAt: next }
}

/**
 * Parses a deadline setting like `critical=15m,high=4h,medium=24h,low=72h` over a base policy row. Units:
 * `m` minutes, `h` hours, `d` days. Returns a message naming the bad part instead of throwing, for zod.
 *
 * @example
 * parseLevelDurations('critical=10m', rubricDeadlines.firstResponse) // { ok: true, value: { critical: 600000, high: … } }
 */
export function parseLevelDurations(
  text: string,
  base: Record<Level, number>,
): { ok: true; value: Record<Level, number> } | { ok: false; message: string } {
  const value = { ...base }
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(critical|high|medium|low)\s*=\s*(\d+(?:\.\d+)?)\s*([mhd])$/.exec(part)
    if (!m) return { ok: false, message: `"${part}" is not level=<number><m|h|d>` }
    const unit = m[3] === 'm' ? MINUTE : m[3] === 'h' ? HOUR : DAY
    const ms = Math.round(Number(m[2]) * unit)
    if (ms <= 0) return { ok: false, message: `"${part}" must be longer than zero` }
    value[m[1] as Level] = ms
  }
  return { ok: true, value }
}
