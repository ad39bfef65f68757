import { asc, eq, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import {
  AccountInputError,
  checkRoleSchool,
  createAccount,
  findStaffByEmail,
  findStaffById,
  oneTimePassword,
  publicAccount,
} from '../auth/accounts'
import { hashPassword } from '../auth/password'
import { policies } from '../auth/policies'
import { requireStaff } from '../auth/require-staff'
import { roles } from '../auth/roles'
import type { Db } from '../db/db'
import { schools, staff } from '../db/schema'
import { ApiError } from '../http/errors'
import { validate } from '../http/validate'
import { committed } from '../tips/writes'

export const createStaffRequest = z.object({
  email: z.email().max(254),
  role: z.enum(roles),
  school: z.string().trim().min(1).max(32).nullable().optional(),
})

export const updateStaffRequest = z
  .object({
    requireTotp: z.boolean().optional(),
    disabled: z.boolean().optional(),
    /** Hands out a fresh one-time password (the account must change it at next sign-in). */
    resetPassword: z.literal(true).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'name at least one change')

/**
 * A school by code (any, active or not), null for none; 400 for an unknown code.
 *
 * @example
 * await schoolByCode(db, 'qx-h01') // { id: 1, code: 'QX-H01' }
 */
export async function schoolByCode(db: Db, code: string | null): Promise<{ id: number; code: string } | null> {
  if (code === null) return null
  const [row] = await db.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.code, code.toUpperCase())).limit(1)
  if (!row) throw new ApiError(400, 'unknown_school', 'There is no school with this code', 'school')
  return row
}

/**
 * Staff accounts, for district admins: `GET /api/staff`, `POST /api/staff` (creates an account and
 * answers its one-time password, shown once), `PATCH /api/staff/:id` (make 2FA mandatory, disable,
 * reset the password). Every change is a ledger event without a case; disabling or resetting revokes
 * the account's sessions.
 */
export const staffRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(policies.administration), async (c) => {
    const { db } = c.get('services')
    const rows = await db
      .select({ account: staff, schoolCode: schools.code })
      .from(staff)
      .leftJoin(schools, eq(schools.id, staff.schoolId))
      .orderBy(asc(staff.email))
    return c.json({ staff: rows.map((r) => publicAccount({ ...r.account, schoolCode: r.schoolCode })) })
  })
  .post('/', requireStaff(policies.administration), validate('json', createStaffRequest), async (c) => {
    const services = c.get('services')
    const { db, writer, now, config } = services
    const input = c.req.valid('json')
    const school = await schoolByCode(db, input.school ?? null)
    try {
      checkRoleSchool(input.role, school?.code ?? null)
    } catch (error) {
      if (error instanceof AccountInputError) throw new ApiError(400, 'invalid_input', error.message, error.field)
      throw error
    }
    if (await findStaffByEmail(db, input.email)) throw new ApiError(409, 'email_taken', 'An account with this email exists', 'email')
    const password = oneTimePassword()
    const passwordHash = await hashPassword(password, { iterations: config.PASSWORD_ITERATIONS })
    const id = await committed(
      services,
      writer.submit(
        createAccount({ email: input.email, role: input.role, school, passwordHash, mustChangePassword: true, actor: c.get('staff').id, at: now() }),
      ),
    )
    const account = await findStaffById(db, id)
    return c.json({ user: publicAccount(account!), oneTimePassword: password }, 201)
  })
  .patch('/:id', requireStaff(policies.administration), validate('json', updateStaffRequest), async (c) => {
    const services = c.get('services')
    const { db, writer, now, config } = services
    const account = await findStaffById(db, c.req.param('id'))
    if (!account) throw new ApiError(404, 'unknown_staff', 'There is no account with this id')
    const change = c.req.valid('json')
    const at = now()
    const password = change.resetPassword ? oneTimePassword() : undefined
    const set: Partial<typeof staff.$inferInsert> = { updatedAt: at }
    if (change.requireTotp !== undefined) set.requireTotp = change.requireTotp
    if (change.disabled !== undefined) set.disabled = change.disabled
    if (password) {
      set.passwordHash = await hashPassword(password, { iterations: config.PASSWORD_ITERATIONS })
      set.mustChangePassword = true
    }
    const revokes = change.disabled === true || password !== undefined
    const actor = c.get('staff').id
    await committed(
      services,
      writer.submit({
        build: (ledger) => ({
          writes: [
            db
              .update(staff)
              .set({ ...set, ...(revokes ? { sessionVersion: sql`${staff.sessionVersion} + 1` } : {}) })
              .where(eq(staff.id, account.id)),
            ledger.append({
              caseId: null,
              actor,
              action: 'staff.updated',
              payload: { staff: account.id, requireTotp: change.requireTotp, disabled: change.disabled, passwordReset: password !== undefined },
              time: at.getTime(),
            }),
          ],
          result: undefined,
        }),
      }),
    )
    const updated = await findStaffById(db, account.id)
    return c.json({ user: publicAccount(updated!), ...(password ? { oneTimePassword: password } : {}) })
  })
