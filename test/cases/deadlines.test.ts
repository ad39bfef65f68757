import { describe, expect, it } from 'vitest'
import { firstResponseDueAt, rubricDeadlines } from '../../src/cases/deadlines'

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
