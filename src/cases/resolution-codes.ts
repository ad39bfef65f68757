/**
 * How a case was closed out (销号). Every resolution carries one code, so the monthly report can say how
 * cases ended without anyone reading summaries, plus a free-text summary for the ledger. `ResolutionCode`
 * is the union.
 *
 * @example
 * z.enum(resolutionCodes)
 */
export const resolutionCodes = [
  'resolved_intervention',
  'resolved_mediation',
  'referred_police',
  'referred_services',
  'unfounded',
] as const
export type ResolutionCode = (typeof resolutionCodes)[number]

/**
 * Labels for the UI, the ledger print-out and the monthly report.
 *
 * @example
 * resolutionLabels.referred_police['zh-CN'] // '已移交公安机关'
 */
export const resolutionLabels: Record<ResolutionCode, { 'zh-CN': string; en: string }> = {
  resolved_intervention: { 'zh-CN': '已干预处置', en: 'Resolved by intervention' },
  resolved_mediation: { 'zh-CN': '已调解和解', en: 'Resolved by mediation' },
  referred_police: { 'zh-CN': '已移交公安机关', en: 'Referred to the police' },
  referred_services: { 'zh-CN': '已转介专业服务', en: 'Referred to support services' },
  unfounded: { 'zh-CN': '经核实不属实', en: 'Unfounded after inquiry' },
}

/**
 * Narrows any string to a resolution code, e.g. a value read back from the database.
 *
 * @example
 * isResolutionCode('unfounded') // true
 * isResolutionCode('closed') // false
 */
export function isResolutionCode(value: string): value is ResolutionCode {
  return (resolutionCodes as readonly string[]).includes(value)
}
