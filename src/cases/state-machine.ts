import { type CaseActionType, caseActionTypes } from './case-action'

/**
 * The life cycle of a case, as one table of rules. Pure: the route loads the case, asks `transition`, and
 * writes the action as a ledger event together with the new state (one `db.batch`).
 *
 *   new ──acknowledge / message──▶ acknowledged ──note / message──▶ investigating ──resolve──▶ resolved
 *    └──────────────────────────── dismiss (from any open state) ──────────────────────────▶ dismissed
 *   resolved / dismissed ──reopen──▶ investigating
 *
 * The rules and why:
 * - A case leaves `new` only through a *response*: `acknowledge`, a `message` to the reporter (talking to
 *   them is the first response, DESIGN.md's meaning of "acknowledge"), or `dismiss`. The first-response
 *   clock stops when a case leaves `new`. Internal work (`note`, `claim`, `assign`, `level`, `escalate`,
 *   `link`) keeps it `new`: a note like "will look tomorrow" must not silence a critical case's alarm.
 * - The first `note` or `message` on an `acknowledged` case moves it to `investigating`: work has begun.
 * - `resolve` needs a response first (`acknowledged` or `investigating`); a case cannot be closed out
 *   by someone who never answered it. A case that needs no handling is dismissed instead.
 * - `dismiss` is allowed from every open state, straight from `new` included (pranks, duplicates).
 * - `escalated` is a flag, not a state: `escalate` leaves the state alone, handling continues and the
 *   case can be escalated to several targets. It is allowed only while the case is open.
 * - Closed cases (`resolved`, `dismissed`) accept `reopen` (back to `investigating`, with a reason), a
 *   `note` (the 30-day follow-up check, 回访, is recorded without reopening, so resolution statistics
 *   stay honest) and `link` (a late tip about the same incident is filed with it; if it shows the
 *   bullying goes on, reopen). Anything else needs `reopen` first.
 */

/**
 * Every state, in life-cycle order. `CaseState` is the union; a database enum column can reuse the list.
 *
 * @example
 * text('state', { enum: caseStates })
 */
export const caseStates = ['new', 'acknowledged', 'investigating', 'resolved', 'dismissed'] as const
export type CaseState = (typeof caseStates)[number]

/**
 * Open states are on the queue and under deadlines; closed ones are not.
 *
 * @example
 * inArray(cases.state, [...openStates]) // the queue query
 */
export const openStates = ['new', 'acknowledged', 'investigating'] as const satisfies readonly CaseState[]
export const closedStates = ['resolved', 'dismissed'] as const satisfies readonly CaseState[]

/**
 * State names for the queue, the reporter's status page and the ledger.
 *
 * @example
 * caseStateLabels.resolved['zh-CN'] // '已销号'
 */
export const caseStateLabels: Record<CaseState, { 'zh-CN': string; en: string }> = {
  new: { 'zh-CN': '待响应', en: 'New' },
  acknowledged: { 'zh-CN': '已响应', en: 'Acknowledged' },
  investigating: { 'zh-CN': '处置中', en: 'Investigating' },
  resolved: { 'zh-CN': '已销号', en: 'Resolved' },
  dismissed: { 'zh-CN': '不予处理', en: 'Dismissed' },
}

/**
 * The rules: for each state, the actions allowed in it and the state each one leads to. Listed in
 * `caseActionTypes` order so `allowedActions` reads the same everywhere.
 */
const rules: Record<CaseState, Partial<Record<CaseActionType, CaseState>>> = {
  new: {
    claim: 'new',
    assign: 'new',
    acknowledge: 'acknowledged',
    note: 'new',
    message: 'acknowledged',
    level: 'new',
    escalate: 'new',
    link: 'new',
    dismiss: 'dismissed',
  },
  acknowledged: {
    claim: 'acknowledged',
    assign: 'acknowledged',
    note: 'investigating',
    message: 'investigating',
    level: 'acknowledged',
    escalate: 'acknowledged',
    link: 'acknowledged',
    resolve: 'resolved',
    dismiss: 'dismissed',
  },
  investigating: {
    claim: 'investigating',
    assign: 'investigating',
    note: 'investigating',
    message: 'investigating',
    level: 'investigating',
    escalate: 'investigating',
    link: 'investigating',
    resolve: 'resolved',
    dismiss: 'dismissed',
  },
  resolved: {
    note: 'resolved',
    link: 'resolved',
    reopen: 'investigating',
  },
  dismissed: {
    note: 'dismissed',
    link: 'dismissed',
    reopen: 'investigating',
  },
}

/**
 * The result of `transition`.
 *
 * @example
 * const result: Transition = transition(state, action)
 * if (!result.ok) throw new ApiError(409, 'action_not_allowed', '…', undefined, { allowed: result.allowed })
 */
export type Transition = { ok: true; next: CaseState } | { ok: false; allowed: CaseActionType[] }

/**
 * Whether a state is still being handled (and so on the queue and under deadlines).
 *
 * @example
 * isOpen('investigating') // true
 * isOpen('dismissed') // false
 */
export function isOpen(state: CaseState): boolean {
  return (openStates as readonly CaseState[]).includes(state)
}

/**
 * The actions allowed in a state, in a stable order — what the case page offers as buttons.
 *
 * @example
 * allowedActions('resolved') // ['note', 'link', 'reopen']
 */
export function allowedActions(state: CaseState): CaseActionType[] {
  return caseActionTypes.filter((type) => rules[state][type] !== undefined)
}

/**
 * Applies an action to a state. Reads only `action.type`, so a full, validated `CaseAction` can be passed.
 * A refusal lists what *is* allowed, for the 409 answer.
 *
 * @example
 * transition('new', { type: 'acknowledge' }) // { ok: true, next: 'acknowledged' }
 * transition('new', { type: 'resolve' }) // { ok: false, allowed: ['claim', 'assign', 'acknowledge', …] }
 */
export function transition(state: CaseState, action: { type: CaseActionType }): Transition {
  const next = rules[state][action.type]
  return next === undefined ? { ok: false, allowed: allowedActions(state) } : { ok: true, next }
}

/**
 * The rules as a markdown table for the README: one row per action, one column per state; `→ state` where
 * the action moves the case, `✓` where it is allowed and leaves the state alone, `—` where it is refused.
 * Built from the rules themselves, so the documentation cannot drift from the code.
 *
 * @example
 * console.log(CASE_LIFE_CYCLE_TABLE) // | action | new | acknowledged | …
 */
export const CASE_LIFE_CYCLE_TABLE: string = [
  `| action | ${caseStates.map((s) => `\`${s}\``).join(' | ')} |`,
  `|---|${caseStates.map(() => '---').join('|')}|`,
  ...caseActionTypes.map((type) => {
    const cells = caseStates.map((state) => {
      const next = rules[state][type]
      if (next === undefined) return '—'
      return next === state ? '✓' : `→ \`${next}\``
    })
    return `| \`${type}\` | ${cells.join(' | ')} |`
  }),
].join('\n')

/**
 * The state changes as a Mermaid state diagram (GitHub renders it in markdown), also built from the rules.
 *
 * @example
 * console.log('```mermaid\n' + CASE_LIFE_CYCLE_DIAGRAM + '\n```')
 */
export const CASE_LIFE_CYCLE_DIAGRAM: string = [
  'stateDiagram-v2',
  '    [*] --> new',
  ...caseStates.flatMap((from) => {
    const byTarget = new Map<CaseState, CaseActionType[]>()
    for (const type of caseActionTypes) {
      const to = rules[from][type]
      if (to !== undefined && to !== from) byTarget.set(to, [...(byTarget.get(to) ?? []), type])
    }
    return [...byTarget].map(([to, types]) => `    ${from} --> ${to}: ${types.join(' / ')}`)
  }),
  '    resolved --> [*]',
  '    dismissed --> [*]',
].join('\n')
