import * as z from 'zod'
import { levels } from '../scoring/types'
import { resolutionCodes } from './resolution-codes'

/**
 * What staff can do to a case, as data: each action is one ledger event. The zod schema validates actions
 * arriving at a route; the state machine decides whether an action fits the case's state.
 */

/**
 * Every action's name, in the order the case page shows them. `CaseActionType` is the union.
 *
 * @example
 * caseActionTypes.includes('escalate') // true
 */
export const caseActionTypes = [
  'claim',
  'assign',
  'acknowledge',
  'note',
  'message',
  'level',
  'escalate',
  'link',
  'resolve',
  'dismiss',
  'reopen',
] as const
export type CaseActionType = (typeof caseActionTypes)[number]

/**
 * Why a case was closed without handling.
 *
 * @example
 * dismissReasons // ['prank', 'duplicate', 'not_actionable']
 */
export const dismissReasons = ['prank', 'duplicate', 'not_actionable'] as const
export type DismissReason = (typeof dismissReasons)[number]

/**
 * Who a case is handed up to. Escalation is a flag on the case, not a state: handling goes on.
 *
 * @example
 * escalationTargets // ['police', 'district', 'legal_vp']
 */
export const escalationTargets = ['police', 'district', 'legal_vp'] as const
export type EscalationTarget = (typeof escalationTargets)[number]

/**
 * Text limits: notes and messages as long as a tip, reasons a short paragraph, summaries a page.
 *
 * @example
 * <textarea maxlength={MAX_NOTE_CHARS} />
 */
export const MAX_NOTE_CHARS = 5000
export const MAX_REASON_CHARS = 500
export const MAX_SUMMARY_CHARS = 2000

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const id = z.string().trim().min(1).max(64)

/**
 * The shape of every case action. `claim` assigns the case to the acting counselor; `assign` to someone
 * else. `level` re-triages with a reason; `link` attaches another tip about the same incident.
 *
 * @example
 * caseActionSchema.parse({ type: 'escalate', to: 'police', reason: '涉及持刀威胁' })
 * caseActionSchema.parse({ type: 'dismiss', reason: 'duplicate', duplicateOf: 'case_812' })
 */
export const caseActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('claim') }),
  z.object({ type: z.literal('assign'), to: id }),
  z.object({ type: z.literal('acknowledge') }),
  z.object({ type: z.literal('note'), text: text(MAX_NOTE_CHARS) }),
  // `tipId` picks which reporter of a case with linked tips the message is to; default: the case's first tip.
  z.object({ type: z.literal('message'), text: text(MAX_NOTE_CHARS), tipId: id.optional() }),
  z.object({ type: z.literal('level'), level: z.enum(levels), reason: text(MAX_REASON_CHARS) }),
  z.object({ type: z.literal('escalate'), to: z.enum(escalationTargets), reason: text(MAX_REASON_CHARS) }),
  z.object({ type: z.literal('link'), tipId: id }),
  z.object({ type: z.literal('resolve'), code: z.enum(resolutionCodes), summary: text(MAX_SUMMARY_CHARS) }),
  z
    .object({
      type: z.literal('dismiss'),
      reason: z.enum(dismissReasons),
      detail: text(MAX_REASON_CHARS).optional(),
      duplicateOf: id.optional(),
    })
    // A duplicate must say of what, or the tip's reporter has no case to follow.
    .refine((a) => a.reason !== 'duplicate' || a.duplicateOf !== undefined, {
      message: 'a duplicate must name the case it duplicates',
      path: ['duplicateOf'],
    }),
  z.object({ type: z.literal('reopen'), reason: text(MAX_REASON_CHARS) }),
])

/**
 * One validated case action.
 *
 * @example
 * const action: CaseAction = { type: 'resolve', code: 'resolved_mediation', summary: '双方家长到校调解' }
 */
export type CaseAction = z.infer<typeof caseActionSchema>

type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>

/**
 * Button and ledger labels for actions.
 *
 * @example
 * caseActionLabels.resolve['zh-CN'] // '销号'
 */
export const caseActionLabels: Labels<CaseActionType> = {
  claim: { 'zh-CN': '认领', en: 'Claim' },
  assign: { 'zh-CN': '指派', en: 'Assign' },
  acknowledge: { 'zh-CN': '响应', en: 'Acknowledge' },
  note: { 'zh-CN': '记录', en: 'Add note' },
  message: { 'zh-CN': '回复举报人', en: 'Message reporter' },
  level: { 'zh-CN': '调整风险等级', en: 'Change level' },
  escalate: { 'zh-CN': '上报 / 督办', en: 'Escalate' },
  link: { 'zh-CN': '关联线索', en: 'Link tip' },
  resolve: { 'zh-CN': '销号', en: 'Resolve' },
  dismiss: { 'zh-CN': '不予处理', en: 'Dismiss' },
  reopen: { 'zh-CN': '重新处置', en: 'Reopen' },
}

/**
 * Labels for dismissal reasons.
 *
 * @example
 * dismissReasonLabels.duplicate.en // 'Duplicate'
 */
export const dismissReasonLabels: Labels<DismissReason> = {
  prank: { 'zh-CN': '恶作剧 / 不实举报', en: 'Prank' },
  duplicate: { 'zh-CN': '重复线索', en: 'Duplicate' },
  not_actionable: { 'zh-CN': '不属受理范围', en: 'Not actionable' },
}

/**
 * Labels for escalation targets.
 *
 * @example
 * escalationTargetLabels.police['zh-CN'] // '公安机关'
 */
export const escalationTargetLabels: Labels<EscalationTarget> = {
  police: { 'zh-CN': '公安机关', en: 'Police' },
  district: { 'zh-CN': '区教育局', en: 'District' },
  legal_vp: { 'zh-CN': '法治副校长', en: 'Legal vice-principal' },
}
