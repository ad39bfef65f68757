import { describe, expect, it } from 'vitest'
import {
  MAX_NOTE_CHARS,
  MAX_REASON_CHARS,
  caseActionLabels,
  caseActionSchema,
  caseActionTypes,
  dismissReasonLabels,
  dismissReasons,
  escalationTargetLabels,
  escalationTargets,
} from '../../src/cases/case-action'

const accepts = (input: unknown) => caseActionSchema.safeParse(input).success
const firstIssue = (input: unknown) => {
  const result = caseActionSchema.safeParse(input)
  return result.success ? undefined : result.error.issues[0]
}

describe('caseActionSchema', () => {
  it.each([
    { type: 'claim' },
    { type: 'assign', to: 'staff_7' },
    { type: 'acknowledge' },
    { type: 'note', text: '已联系班主任' },
    { type: 'message', text: '谢谢你告诉我们。是哪个班级？' },
    { type: 'level', level: 'critical', reason: '补充信息提到刀具' },
    { type: 'escalate', to: 'police', reason: '涉及持刀威胁' },
    { type: 'link', tipId: 'tip_42' },
    { type: 'resolve', code: 'resolved_mediation', summary: '双方家长到校调解' },
    { type: 'dismiss', reason: 'prank' },
    { type: 'dismiss', reason: 'duplicate', duplicateOf: 'case_812' },
    { type: 'reopen', reason: '举报人反映仍在发生' },
  ])('accepts a well-formed $type action', (action) => {
    expect(accepts(action)).toBe(true)
  })

  it('has a shape for every action type', () => {
    const covered = new Set(caseActionSchema.options.map((o) => o.shape.type.value))
    expect(covered).toEqual(new Set(caseActionTypes))
  })

  it('refuses an unknown action type', () => {
    expect(accepts({ type: 'delete' })).toBe(false)
  })

  it('refuses an escalation to a target that does not exist, or without a reason', () => {
    expect(accepts({ type: 'escalate', to: 'parents', reason: 'x' })).toBe(false)
    expect(firstIssue({ type: 'escalate', to: 'police', reason: '   ' })?.path).toEqual(['reason'])
  })

  it('refuses a resolution without a known code or a summary', () => {
    expect(accepts({ type: 'resolve', code: 'closed', summary: 'done' })).toBe(false)
    expect(accepts({ type: 'resolve', code: 'unfounded' })).toBe(false)
  })

  it('refuses a dismissal with a reason outside prank, duplicate and not_actionable', () => {
    expect(accepts({ type: 'dismiss', reason: 'busy' })).toBe(false)
  })

  it('refuses a duplicate dismissal that does not name the case it duplicates', () => {
    expect(firstIssue({ type: 'dismiss', reason: 'duplicate' })).toMatchObject({
      path: ['duplicateOf'],
      message: 'a duplicate must name the case it duplicates',
    })
  })

  it('refuses a re-triage to a level that does not exist', () => {
    expect(accepts({ type: 'level', level: 'urgent', reason: 'x' })).toBe(false)
  })

  it('refuses a reopen without a reason', () => {
    expect(accepts({ type: 'reopen' })).toBe(false)
  })

  it('trims text and refuses notes that are empty or too long', () => {
    expect(caseActionSchema.parse({ type: 'note', text: '  已联系家长  ' })).toEqual({ type: 'note', text: '已联系家长' })
    expect(accepts({ type: 'note', text: '' })).toBe(false)
    expect(accepts({ type: 'note', text: 'x'.repeat(MAX_NOTE_CHARS) })).toBe(true)
    expect(accepts({ type: 'note', text: 'x'.repeat(MAX_NOTE_CHARS + 1) })).toBe(false)
    expect(accepts({ type: 'reopen', reason: 'x'.repeat(MAX_REASON_CHARS + 1) })).toBe(false)
  })

  it('drops properties an action does not define', () => {
    expect(caseActionSchema.parse({ type: 'claim', state: 'resolved' })).toEqual({ type: 'claim' })
  })
})

describe('labels', () => {
  it('name every action, dismissal reason and escalation target in Chinese and English', () => {
    for (const [labels, keys] of [
      [caseActionLabels, caseActionTypes],
      [dismissReasonLabels, dismissReasons],
      [escalationTargetLabels, escalationTargets],
    ] as const) {
      for (const key of keys) {
        const label = (labels as Record<string, { 'zh-CN': string; en: string }>)[key]
        expect(label?.['zh-CN']).toMatch(/\p{Script=Han}/u)
        expect(label?.en).toMatch(/^[A-Z]/)
      }
    }
  })
})
