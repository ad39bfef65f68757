import { caseActionLabels, dismissReasonLabels, escalationTargetLabels } from '../../cases/case-action'
import { resolutionLabels } from '../../cases/resolution-codes'
import { caseStateLabels } from '../../cases/state-machine'
import type { Locale } from './catalog'

/** One language's column of a shared `{ 'zh-CN', en }` label table (written once, next to its codes). */
function column<K extends string>(table: Record<K, Record<Locale, string>>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Record<Locale, string>>(table).map(([k, v]) => [k, v[locale]])) as Record<K, string>
}

/**
 * The staff catalogue's label tables that the cases module already writes in both languages (states,
 * actions, resolution codes, dismissal reasons, escalation targets), so nothing is translated twice.
 *
 * @example
 * sharedStaffLabels('en').actions.resolve // 'Resolve'
 */
export function sharedStaffLabels(locale: Locale) {
  return {
    states: column(caseStateLabels, locale),
    actions: column(caseActionLabels, locale),
    resolutions: column(resolutionLabels, locale),
    dismissReasons: column(dismissReasonLabels, locale),
    escalationTargets: column(escalationTargetLabels, locale),
  }
}
