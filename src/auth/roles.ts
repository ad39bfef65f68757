/**
 * Who staff are and how far they reach. Pure: routes declare a `RoutePolicy`, a middleware asks
 * `canAccess` with the signed-in principal and the school the requested data belongs to.
 *
 * Least privilege (DESIGN.md): counselors see their school; legal vice-principals see aggregates (of their
 * school, or of the district when appointed district-wide); district admins manage accounts and see the
 * district. *What* a role may see (cases vs. aggregates) is the policy's role list; *where* it may see is
 * the scope checked here.
 */

/**
 * Every staff role. `Role` is the union of them.
 *
 * @example
 * z.enum(roles) // validates a role from a form or a token
 */
export const roles = ['counselor', 'legal_vp', 'district_admin'] as const
export type Role = (typeof roles)[number]

/**
 * Role names for the UI and docs.
 *
 * @example
 * roleLabels.legal_vp['zh-CN'] // '法治副校长'
 */
export const roleLabels: Record<Role, { 'zh-CN': string; en: string }> = {
  counselor: { 'zh-CN': '处置老师（心理/德育）', en: 'Counselor' },
  legal_vp: { 'zh-CN': '法治副校长', en: 'Legal vice-principal' },
  district_admin: { 'zh-CN': '区教育局管理员', en: 'District administrator' },
}

/**
 * The signed-in staff member as far as access is concerned: the `role` and `school` session claims.
 *
 * @example
 * const principal: Principal = { role: session.role, school: session.school }
 */
export interface Principal {
  role: Role
  /** School code, or null for a district-wide appointment. */
  school: string | null
}

/**
 * What a route needs of the resource's school:
 * - `own_school` — data of one school (`resourceSchool`); a school-bound principal only reaches their own,
 *   a district-wide one reaches any. District-wide data (`resourceSchool` null) needs district reach.
 * - `district` — district-wide data or administration; always needs district reach.
 * - `any` — about the principal themselves (own profile, sign-out, 2FA set-up); no school check.
 *
 * @example
 * const policy: RoutePolicy = { roles: ['district_admin'], scope: 'district' }
 */
export const scopes = ['own_school', 'district', 'any'] as const
export type Scope = (typeof scopes)[number]

/**
 * What a route declares: which roles may call it and how far their reach must go.
 *
 * @example
 * const caseWork: RoutePolicy = { roles: ['counselor'], scope: 'own_school' }
 */
export interface RoutePolicy {
  roles: readonly Role[]
  scope: Scope
}

/**
 * How far a principal reaches. `none` is a misconfigured account and is refused everything school-bound.
 *
 * @example
 * const reach: Reach = reachOf(principal) // { kind: 'school', school: 'S01' }
 */
export type Reach = { kind: 'district' } | { kind: 'school'; school: string } | { kind: 'none' }

/**
 * Works out a principal's reach from role and school.
 *
 * @example
 * reachOf({ role: 'counselor', school: 'S01' }) // { kind: 'school', school: 'S01' }
 * reachOf({ role: 'legal_vp', school: null }) // { kind: 'district' }
 * reachOf({ role: 'counselor', school: null }) // { kind: 'none' }
 */
export function reachOf(principal: Principal): Reach {
  switch (principal.role) {
    // A district admin works for the bureau; a school on the account (say, where they sit) narrows nothing.
    case 'district_admin':
      return { kind: 'district' }
    case 'legal_vp':
      return principal.school === null ? { kind: 'district' } : { kind: 'school', school: principal.school }
    // A counselor always belongs to a school. One without a school is a data error, and failing closed
    // beats reading null as "everywhere" and showing them every school's cases.
    case 'counselor':
      return principal.school === null ? { kind: 'none' } : { kind: 'school', school: principal.school }
  }
}

/**
 * The outcome of `canAccess`.
 *
 * @example
 * const decision: AccessDecision = canAccess(policy, principal, 'S01')
 * if (!decision.allowed) log({ msg: 'forbidden', reason: decision.reason })
 */
export type AccessDecision = { allowed: true } | { allowed: false; reason: 'role' | 'scope' }

/**
 * Decides whether a principal may use a route on data of `resourceSchool` (null: not one school's data).
 * `reason` says which check refused, for the audit log; both answer 403 to the client.
 *
 * @example
 * const policy = { roles: ['counselor'], scope: 'own_school' } as const
 * canAccess(policy, { role: 'counselor', school: 'S01' }, 'S01') // { allowed: true }
 * canAccess(policy, { role: 'counselor', school: 'S01' }, 'S02') // { allowed: false, reason: 'scope' }
 * canAccess(policy, { role: 'legal_vp', school: 'S01' }, 'S01') // { allowed: false, reason: 'role' }
 */
export function canAccess(policy: RoutePolicy, principal: Principal, resourceSchool: string | null): AccessDecision {
  if (!policy.roles.includes(principal.role)) return { allowed: false, reason: 'role' }
  if (policy.scope === 'any') return { allowed: true }
  const reach = reachOf(principal)
  if (reach.kind === 'district') return { allowed: true }
  if (policy.scope === 'own_school' && reach.kind === 'school' && resourceSchool !== null && reach.school === resourceSchool) {
    return { allowed: true }
  }
  return { allowed: false, reason: 'scope' }
}
