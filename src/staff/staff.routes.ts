import { adminChange } from '../ledger/ledger'
import { asc, eq, sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import {
  AccountInputError,
  checkRoleSchool,
  createAccount,
  findStaffByEmail,
  findStaffById,
  oneTimePassword,
  type PublicAccount,
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

/** Every staff account with its school code, by email (`GET /api/staff` and the admin page). */
export async function listStaffAccounts(db: Db): Promise<PublicAccount[]> {
  const rows = await db
    .select({ account: staff, schoolCode: schools.code })
    .from(staff)
    .leftJoin(schools, eq(schools.id, staff.schoolId))
    .orderBy(asc(staff.email))
  return rows.map((r) => publicAccount({ ...r.account, schoolCode: r.schoolCode }))
}

/**
 * Creates an account with a one-time password (shown once) as the signed-in admin; a ledger event.
 * Throws ApiError 400 (unknown school, role and school do not fit) or 409 (email taken).
 */
export async function createStaffAccount(
  c: Context<AppEnv>,
  input: z.infer<typeof createStaffRequest>,
): Promise<{ user: PublicAccount; oneTimePassword: string }> {
  const services = c.get('services')
  const { db, writer, now, config } = services
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
  return { user: publicAccount(account!), oneTimePassword: password }
}

/**
 * Changes an account as the signed-in admin (2FA required, disabled, password reset); a ledger event.
 * Disabling or resetting revokes its sessions. Throws ApiError 404 for an unknown account.
 */
export async function updateStaffAccount(
  c: Context<AppEnv>,
  id: string,
  change: z.infer<typeof updateStaffRequest>,
): Promise<{ user: PublicAccount; oneTimePassword?: string }> {
  const services = c.get('services')
  const { db, writer, now, config } = services
  const account = await findStaffById(db, id)
  if (!account) throw new ApiError(404, 'unknown_staff', 'There is no account with this id')
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
  await committed(
    services,
    writer.submit(
      adminChange(
        [
          db
            .update(staff)
            .set({ ...set, ...(revokes ? { sessionVersion: sql`${staff.sessionVersion} + 1` } : {}) })
            .where(eq(staff.id, account.id)),
        ],
        {
          actor: c.get('staff').id,
          action: 'staff.updated',
          payload: { staff: account.id, requireTotp: change.requireTotp, disabled: change.disabled, passwordReset: password !== undefined },
          at,
        },
      ),
    ),
  )
  const updated = await findStaffById(db, account.id)
  return { user: publicAccount(updated!), ...(password ? { oneTimePassword: password } : {}) }
}

/**
 * Staff accounts, for district admins: `GET /api/staff`, `POST /api/staff` (creates an account and
 * answers its one-time password, shown once), `PATCH /api/staff/:id` (make 2FA mandatory, disable,
 * reset the password). Every change is a ledger event without a case; disabling or resetting revokes
 * the account's sessions. The admin pages call the same functions.
 */
export const staffRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(policies.administration), async (c) => {
    return c.json({ staff: await listStaffAccounts(c.get('services').db) })
  })
  .post('/', requireStaff(policies.administration), validate('json', createStaffRequest), async (c) => {
    return c.json(await createStaffAccount(c, c.req.valid('json')), 201)
  })
  .patch('/:id', requireStaff(policies.administration), validate('json', updateStaffRequest), async (c) => {
    return c.json(await updateStaffAccount(c, c.req.param('id'), c.req.valid('json')))
  })
