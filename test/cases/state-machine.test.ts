import { describe, expect, it } from 'vitest'
import { type CaseActionType, caseActionTypes } from '../../src/cases/case-action'
import {
  CASE_LIFE_CYCLE_DIAGRAM,
  CASE_LIFE_CYCLE_TABLE,
  type CaseState,
  allowedActions,
  caseStateLabels,
  caseStates,
  closedStates,
  isOpen,
  openStates,
  transition,
} from '../../src/cases/state-machine'

// The life cycle written out by hand, as the specification: `=` allowed and stays, a state name moves
// there, `x` refused.
const spec: Record<CaseActionType, Record<CaseState, CaseState | '=' | 'x'>> = {
  claim: { new: '=', acknowledged: '=', investigating: '=', resolved: 'x', dismissed: 'x' },
  assign: { new: '=', acknowledged: '=', investigating: '=', resolved: 'x', dismissed: 'x' },
  acknowledge: { new: 'acknowledged', acknowledged: 'x', investigating: 'x', resolved: 'x', dismissed: 'x' },
  note: { new: '=', acknowledged: 'investigating', investigating: '=', resolved: '=', dismissed: '=' },
  message: { new: 'acknowledged', acknowledged: 'investigating', investigating: '=', resolved: 'x', dismissed: 'x' },
  level: { new: '=', acknowledged: '=', investigating: '=', resolved: 'x', dismissed: 'x' },
  escalate: { new: '=', acknowledged: '=', investigating: '=', resolved: 'x', dismissed: 'x' },
  link: { new: '=', acknowledged: '=', investigating: '=', resolved: '=', dismissed: '=' },
  resolve: { new: 'x', acknowledged: 'resolved', investigating: 'resolved', resolved: 'x', dismissed: 'x' },
  dismiss: { new: 'dismissed', acknowledged: 'dismissed', investigating: 'dismissed', resolved: 'x', dismissed: 'x' },
  reopen: { new: 'x', acknowledged: 'x', investigating: 'x', resolved: 'investigating', dismissed: 'investigating' },
}

const cells = caseActionTypes.flatMap((type) =>
  caseStates.map((state) => ({ type, state, expected: spec[type][state] })),
)

describe('transition', () => {
  it.each(cells.filter((c) => c.expected !== 'x' && c.expected !== '='))(
    '$type on a $state case moves it to $expected',
    ({ type, state, expected }) => {
      expect(transition(state, { type })).toEqual({ ok: true, next: expected })
    },
  )

  it.each(cells.filter((c) => c.expected === '='))('$type on a $state case is allowed and keeps it $state', ({ type, state }) => {
    expect(transition(state, { type })).toEqual({ ok: true, next: state })
  })

  it.each(cells.filter((c) => c.expected === 'x'))(
    '$type on a $state case is refused, listing what is allowed instead',
    ({ type, state }) => {
      expect(transition(state, { type })).toEqual({ ok: false, allowed: allowedActions(state) })
    },
  )

  it('accepts a full validated action, reading only its type', () => {
    expect(transition('acknowledged', { type: 'resolve', code: 'resolved_mediation', summary: '已调解' } as never)).toEqual({
      ok: true,
      next: 'resolved',
    })
  })

  it('walks the whole journey: new, acknowledged, investigating, resolved, reopened, dismissed', () => {
    const steps: CaseActionType[] = ['claim', 'acknowledge', 'note', 'escalate', 'message', 'resolve', 'note', 'reopen', 'dismiss']
    const visited = steps.reduce<CaseState[]>(
      (states, type) => {
        const result = transition(states.at(-1)!, { type })
        if (!result.ok) throw new Error(`${type} refused in ${states.at(-1)}`)
        return [...states, result.next]
      },
      ['new'],
    )
    expect(visited).toEqual([
      'new',
      'new',
      'acknowledged',
      'investigating',
      'investigating',
      'investigating',
      'resolved',
      'resolved',
      'investigating',
      'dismissed',
    ])
  })
})

describe('life-cycle rules', () => {
  it('lets a case leave new only through a response: acknowledge, a message or a dismissal', () => {
    const leaving = caseActionTypes.filter((type) => {
      const result = transition('new', { type })
      return result.ok && result.next !== 'new'
    })
    expect(leaving).toEqual(['acknowledge', 'message', 'dismiss'])
  })

  it('keeps escalation a flag: escalating never changes the state', () => {
    for (const state of openStates) expect(transition(state, { type: 'escalate' })).toEqual({ ok: true, next: state })
  })

  it('lets every open case be dismissed and no closed one', () => {
    for (const state of openStates) expect(transition(state, { type: 'dismiss' }).ok).toBe(true)
    for (const state of closedStates) expect(transition(state, { type: 'dismiss' }).ok).toBe(false)
  })

  it('reopens only closed cases, always into investigating', () => {
    for (const state of caseStates) {
      expect(transition(state, { type: 'reopen' })).toEqual(
        isOpen(state) ? { ok: false, allowed: allowedActions(state) } : { ok: true, next: 'investigating' },
      )
    }
  })

  it('never leaves a closed case through anything but reopen', () => {
    for (const state of closedStates) {
      for (const type of allowedActions(state)) {
        const result = transition(state, { type })
        if (result.ok && result.next !== state) expect(type).toBe('reopen')
      }
    }
  })

  it('leaves no state a dead end: every state has a way on, and every state can be reached from new', () => {
    const reached = new Set<CaseState>(['new'])
    let grew = true
    while (grew) {
      grew = false
      for (const state of [...reached]) {
        for (const type of allowedActions(state)) {
          const result = transition(state, { type })
          if (result.ok && !reached.has(result.next)) {
            reached.add(result.next)
            grew = true
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...caseStates].sort())
  })
})

describe('allowedActions', () => {
  it('offers a new case everything but resolve and reopen', () => {
    expect(allowedActions('new')).toEqual(['claim', 'assign', 'acknowledge', 'note', 'message', 'level', 'escalate', 'link', 'dismiss'])
  })

  it('offers a resolved or dismissed case only note, link and reopen', () => {
    expect(allowedActions('resolved')).toEqual(['note', 'link', 'reopen'])
    expect(allowedActions('dismissed')).toEqual(['note', 'link', 'reopen'])
  })
})

describe('states', () => {
  it('splits every state into open or closed, never both', () => {
    expect([...openStates, ...closedStates].sort()).toEqual([...caseStates].sort())
    expect(caseStates.filter(isOpen)).toEqual(['new', 'acknowledged', 'investigating'])
  })

  it('labels every state in Chinese and English', () => {
    for (const state of caseStates) {
      expect(caseStateLabels[state]['zh-CN']).not.toBe('')
      expect(caseStateLabels[state].en).not.toBe('')
    }
  })
})

describe('CASE_LIFE_CYCLE_TABLE', () => {
  it('is the markdown table of the rules, ready for the README', () => {
    expect(CASE_LIFE_CYCLE_TABLE).toBe(
      [
        '| action | `new` | `acknowledged` | `investigating` | `resolved` | `dismissed` |',
        '|---|---|---|---|---|---|',
        '| `claim` | ✓ | ✓ | ✓ | — | — |',
        '| `assign` | ✓ | ✓ | ✓ | — | — |',
        '| `acknowledge` | → `acknowledged` | — | — | — | — |',
        '| `note` | ✓ | → `investigating` | ✓ | ✓ | ✓ |',
        '| `message` | → `acknowledged` | → `investigating` | ✓ | — | — |',
        '| `level` | ✓ | ✓ | ✓ | — | — |',
        '| `escalate` | ✓ | ✓ | ✓ | — | — |',
        '| `link` | ✓ | ✓ | ✓ | ✓ | ✓ |',
        '| `resolve` | — | → `resolved` | → `resolved` | — | — |',
        '| `dismiss` | → `dismissed` | → `dismissed` | → `dismissed` | — | — |',
        '| `reopen` | — | — | — | → `investigating` | → `investigating` |',
      ].join('\n'),
    )
  })
})

describe('CASE_LIFE_CYCLE_DIAGRAM', () => {
  it('draws every state change as a Mermaid transition and nothing that stays put', () => {
    const lines = CASE_LIFE_CYCLE_DIAGRAM.split('\n')
    expect(lines[0]).toBe('stateDiagram-v2')
    expect(lines).toContain('    new --> acknowledged: acknowledge / message')
    expect(lines).toContain('    acknowledged --> investigating: note / message')
    expect(lines).toContain('    dismissed --> investigating: reopen')
    expect(lines.filter((l) => / --> /.test(l) && !l.includes('[*]'))).toHaveLength(9)
  })
})
