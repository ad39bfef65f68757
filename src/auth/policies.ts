import type { RoutePolicy } from './roles'

/**
 * The route policies Tipline's staff routes are meant to declare, named by what they protect, so the
 * permission matrix lives in one place (and in the README) instead of being re-decided per route.
 *
 * Identities and case content stay with counselors of the school; everyone else gets aggregates.
 *
 * @example
 * route.get('/cases/:id', requirePolicy(policies.caseWork), …) // the middleware calls canAccess
 */
export const policies = {
  /**
   * Queue, case detail, notes, reporter messages, every case action: the school's counselors, and district
   * admins, who see the whole district and take the cases escalated to the district (督办). Legal
   * vice-principals never: they get aggregates only.
   */
  caseWork: { roles: ['counselor', 'district_admin'], scope: 'own_school' },
  /** Trends and the monthly report of one school (or, with district reach, of the district). */
  trends: { roles: ['counselor', 'legal_vp', 'district_admin'], scope: 'own_school' },
  /** Staff accounts, schools, notification targets: the district's administrators. */
  administration: { roles: ['district_admin'], scope: 'district' },
  /** The signed-in staff member's own profile, password, 2FA and sign-out. */
  ownAccount: { roles: ['counselor', 'legal_vp', 'district_admin'], scope: 'any' },
} as const satisfies Record<string, RoutePolicy>

/**
 * The name of a declared policy.
 *
 * @example
 * const name: PolicyName = 'caseWork'
 */
export type PolicyName = keyof typeof policies
