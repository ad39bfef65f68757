import { describe, expect, it } from 'vitest'
import { callDownSchedule, nextCallDownStep } from '../../src/cases/call-down'
import {
  deadlineFlags,
  firstResponseDueAt,
  followUpDueAt,
  openingDeadlines,
  parseLevelDurations,
  retriageDeadlines,
  rubricDeadlines,
} from '../../src/cases/deadlines'
import { deadlinePolicy, loadConfig } from '../../src/config'

const at = new Date('2026-03-02T23:50:00.000Z')

describe('firstResponseDueAt', () => {
  it.each([
    ['critical', '2026-03-03T00:05:00.000Z'],
    ['high', '2026-03-03T03:50:00.000Z'],
    ['medium', '2026-03-03T23:50:00.000Z'],
    ['low', '2026-03-05T23:50:00.000Z'],
  ] as const)('gives a %s case the rubric’s time, on the wall clock, day or night', (level, due) => {
    expect(firstResponseDueAt(level, at).toISOString()).toBe(due)
  })

  it('takes another policy, so deadlines can become configurable', () => {
    const policy = { ...rubricDeadlines, firstResponse: { ...rubricDeadlines.firstResponse, critical: 5 * 60_000 } }
    expect(firstResponseDueAt('critical', at, policy).toISOString()).toBe('2026-03-02T23:55:00.000Z')
  })
})

describe('resolution, follow-up and re-triage', () => {
  const opened = new Date('2026-03-02T08:00:00.000Z')
  const H = 3_600_000

  it('gives the rubric’s resolution deadlines and the follow-up check 30 days after resolution', () => {
    expect(openingDeadlines('medium', opened).resolutionDueAt.toISOString()).toBe('2026-03-12T08:00:00.000Z')
    expect(openingDeadlines('critical', opened).resolutionDueAt.toISOString()).toBe('2026-03-04T08:00:00.000Z')
    expect(followUpDueAt(opened).toISOString()).toBe('2026-04-01T08:00:00.000Z')
  })

  const clocks = (level: 'medium' | 'critical', overdue = false) => ({
    level,
    createdAt: opened,
    ...openingDeadlines(level, opened),
    firstResponseOverdueAt: overdue ? new Date(opened.getTime() + 15 * 60_000) : null,
    resolutionOverdueAt: null,
  })

  it('keeps the clocks running from the opening when the new deadline is still ahead', () => {
    const moved = retriageDeadlines(clocks('critical', true), 'medium', new Date(opened.getTime() + H))
    expect(moved.firstResponseDueAt.toISOString()).toBe('2026-03-03T08:00:00.000Z')
    expect(moved.firstResponseOverdueAt).toBeNull() // the old miss no longer stands
    expect(moved.payload).toMatchObject({ from: 'critical', to: 'medium' })
  })

  it('runs a deadline the new level puts in the past from the re-triage instead', () => {
    const at = new Date(opened.getTime() + 3 * H)
    const moved = retriageDeadlines(clocks('medium'), 'critical', at)
    expect(moved.firstResponseDueAt.getTime()).toBe(at.getTime() + 15 * 60_000)
    expect(moved.resolutionDueAt.toISOString()).toBe('2026-03-04T08:00:00.000Z')
  })

  it('flags overdue and due-within-the-hour cases for the queue', () => {
    const c = { state: 'new', ...openingDeadlines('critical', opened) }
    expect(deadlineFlags(c, opened)).toMatchObject({ overdue: false, dueWithinHour: true })
    expect(deadlineFlags(c, new Date(opened.getTime() + 15 * 60_000))).toMatchObject({ overdue: true, dueWithinHour: false })
    expect(deadlineFlags({ ...c, state: 'acknowledged' }, new Date(opened.getTime() + H))).toMatchObject({ overdue: false, dueWithinHour: false })
    expect(deadlineFlags({ ...c, state: 'resolved' }, new Date(opened.getTime() + 9 * 24 * H))).toEqual({ overdue: false, dueWithinHour: false, nextDueAt: null })
  })

  it('reads configured deadlines and names a bad one', () => {
    expect(parseLevelDurations('critical=10m, low=4d', rubricDeadlines.firstResponse)).toMatchObject({ ok: true, value: { critical: 600_000, high: 4 * H, low: 96 * H } })
    expect(parseLevelDurations('urgent=5m', rubricDeadlines.firstResponse)).toMatchObject({ ok: false })
    expect(deadlinePolicy(loadConfig({ DEADLINES_RESOLUTION: 'medium=7d' })).resolution.medium).toBe(7 * 24 * H)
    expect(() => loadConfig({ DEADLINES_FIRST_RESPONSE: 'critical=soon' })).toThrow(/DEADLINES_FIRST_RESPONSE/)
  })
})

describe('call-down', () => {
  it('calls the contacts in order, then the district, and stops once someone acknowledges', () => {
    expect(nextCallDownStep({ state: 'new', step: 1, contacts: 2, districtEscalated: false })).toEqual({ do: 'call', step: 2 })
    expect(nextCallDownStep({ state: 'new', step: 2, contacts: 2, districtEscalated: false })).toEqual({ do: 'district' })
    expect(nextCallDownStep({ state: 'new', step: 2, contacts: 2, districtEscalated: true })).toEqual({ do: 'stop' })
    expect(nextCallDownStep({ state: 'acknowledged', step: 1, contacts: 2, districtEscalated: false })).toEqual({ do: 'stop' })
    expect(callDownSchedule(2, 5)).toEqual([
      { at: 0, who: 'contact 1' },
      { at: 5, who: 'contact 2' },
      { at: 10, who: 'district' },
    ])
  })
})
