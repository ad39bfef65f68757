import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { routePath } from 'hono/route'
import type { AppEnv } from '../app-env'
import { ApiError } from '../http/errors'
import { type StaffAccount, findStaffById } from './accounts'
import { type Principal, type RoutePolicy, canAccess } from './roles'
import { verifySession } from './session-token'
import { SESSION_COOKIE, sessionTokenFrom } from './session-transport'

/**
 * The signed-in staff member as handlers see it: the account row (read on this request, so role, school
 * and `sv` are current) and the principal `canAccess` decides on.
 */
export interface StaffPrincipal extends Principal {
  id: string
  email: string
  schoolId: number | null
  account: StaffAccount
}

/**
 * Finds the school code of the resource a request is about (a case's school, a query's school filter),
 * or null for district-wide data. Throw `ApiError(404)` for an unknown resource.
 */
export type ResourceSchool = (c: Context<AppEnv>, principal: StaffPrincipal) => Promise<string | null> | string | null

export interface RequireStaffOptions {
  /** Where the requested data belongs; without it the resource is district-wide (null). */
  school?: ResourceSchool
}

/**
 * Guards a staff route with a declared policy. In order, so each answer says only what the caller may
 * know:
 * 1. 401 `unauthenticated` without a token (cookie or Bearer), or with one that is forged, malformed or
 *    expired (`session_expired`), or revoked (`session_revoked`: account gone, disabled, or `sv` moved on);
 * 2. 403 `forbidden` when the role is not in the policy (before any look-up, so a role that may not see
 *    cases cannot learn which case ids exist);
 * 3. 403 `setup_required` when the account must first change its one-time password or enrol in 2FA (only
 *    `scope: 'any'` routes — its own account — stay open);
 * 4. the resource's school is looked up (404 there for an unknown resource), then 403 `forbidden` when it
 *    is out of the caller's reach.
 *
 * @example
 * caseRoutes.get('/:id', requireStaff(policies.caseWork, { school: schoolOfCase }), handler)
 */
export const requireStaff = (policy: RoutePolicy, { school }: RequireStaffOptions = {}): MiddlewareHandler<AppEnv> =>
  async function requireStaff(c, next) {
    const { db, keys, now, log } = c.get('services')
    const token = sessionTokenFrom({ authorization: c.req.header('Authorization'), cookie: getCookie(c, SESSION_COOKIE) })
    if (!token) throw new ApiError(401, 'unauthenticated', 'Sign in to continue')
    const verified = await verifySession(token, keys.session, now())
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? new ApiError(401, 'session_expired', 'Your session has ended. Please sign in again.')
        : new ApiError(401, 'unauthenticated', 'Sign in to continue')
    }
    const account = await findStaffById(db, verified.session.sub)
    if (!account || account.disabled || account.sessionVersion !== verified.session.sv) {
      throw new ApiError(401, 'session_revoked', 'This session was signed out. Please sign in again.')
    }
    const principal: StaffPrincipal = {
      id: account.id,
      email: account.email,
      role: account.role,
      school: account.schoolCode,
      schoolId: account.schoolId,
      account,
    }
    const refuse = (reason: string) => {
      log({ level: 'warn', msg: 'forbidden', staff: account.id, reason, route: routePath(c, -1) || 'unmatched' })
      return new ApiError(403, 'forbidden', 'You do not have access to this')
    }
    if (!policy.roles.includes(principal.role)) throw refuse('role')
    if (policy.scope !== 'any') {
      const needs = setupNeeded(account)
      if (needs.length > 0) {
        throw new ApiError(403, 'setup_required', 'Finish setting up your account first', undefined, { needs })
      }
    }
    const resourceSchool = school ? await school(c, principal) : null
    const decision = canAccess(policy, principal, resourceSchool)
    if (!decision.allowed) throw refuse(decision.reason)
    c.set('staff', principal)
    await next()
  }

/**
 * What an account must do before it may work: choose its own password after a handed-out one, and enrol
 * a second factor when a district admin made it mandatory.
 *
 * @example
 * setupNeeded(account) // ['password_change', 'totp_enrolment']
 */
export function setupNeeded(account: Pick<StaffAccount, 'mustChangePassword' | 'requireTotp' | 'totpEnabled'>): string[] {
  const needs: string[] = []
  if (account.mustChangePassword) needs.push('password_change')
  if (account.requireTotp && !account.totpEnabled) needs.push('totp_enrolment')
  return needs
}
