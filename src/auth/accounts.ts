import { adminChange } from '../ledger/ledger'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/db'
import type { WriteUnit } from '../db/group-commit'
import { newId } from '../db/ids'
import { insertRow } from '../db/insert-rows'
import { perDatabase } from '../db/prepared'
import { schools, staff } from '../db/schema'
import { groupOfFour, randomCrockford } from '../tips/receipt'
import { hashPassword } from './password'
import type { Role } from './roles'

/**
 * Staff accounts as the routes, the CLI and demo seeding use them: look-ups by id and email (with the
 * school's code, which is what sessions and `canAccess` speak), creation as a ledger-recorded write unit.
 */

/** The demo password of the seeded accounts (README, "Demo accounts", lists them). */
export const DEMO_PASSWORD = 'tipline-demo'

/** Shortest new password a person may choose (NIST SP 800-63B asks for at least 8). */
export const MIN_NEW_PASSWORD_LENGTH = 10

/** An account row with its school's code. */
export type StaffAccount = typeof staff.$inferSelect & { schoolCode: string | null }

/**
 * The sign-in name as stored: NFKC, trimmed, lower-cased (as the login throttle keys it).
 *
 * @example
 * normalizeEmail(' Li.Wei@QX.edu.cn ') // 'li.wei@qx.edu.cn'
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase()
}

const byId = perDatabase((db) =>
  db
    .select({ account: staff, schoolCode: schools.code })
    .from(staff)
    .leftJoin(schools, eq(schools.id, staff.schoolId))
    .where(eq(staff.id, sql.placeholder('id')))
    .limit(1)
    .prepare(),
)

const byEmail = perDatabase((db) =>
  db
    .select({ account: staff, schoolCode: schools.code })
    .from(staff)
    .leftJoin(schools, eq(schools.id, staff.schoolId))
    .where(eq(staff.email, sql.placeholder('email')))
    .limit(1)
    .prepare(),
)

/**
 * An account by id (one prepared index look-up: the auth middleware runs it on every staff request).
 *
 * @example
 * await findStaffById(db, session.sub) // { id, email, role, schoolCode: 'QX-H01', sessionVersion: 3, … }
 */
export async function findStaffById(db: Db, id: string): Promise<StaffAccount | undefined> {
  const row = await byId(db).get({ id })
  return row ? { ...row.account, schoolCode: row.schoolCode } : undefined
}

/**
 * An account by sign-in name, or undefined.
 *
 * @example
 * await findStaffByEmail(db, 'Counselor@demo.local') // the demo counselor
 */
export async function findStaffByEmail(db: Db, email: string): Promise<StaffAccount | undefined> {
  const row = await byEmail(db).get({ email: normalizeEmail(email) })
  return row ? { ...row.account, schoolCode: row.schoolCode } : undefined
}

/**
 * What the API shows of an account: never the hash, the TOTP secret or recovery digests.
 *
 * @example
 * c.json({ user: publicAccount(account) })
 */
export function publicAccount(account: StaffAccount) {
  return {
    id: account.id,
    email: account.email,
    role: account.role,
    school: account.schoolCode,
    totpEnabled: account.totpEnabled,
    requireTotp: account.requireTotp,
    mustChangePassword: account.mustChangePassword,
    recoveryCodesLeft: account.recoveryHashes?.length ?? 0,
    disabled: account.disabled,
  }
}
export type PublicAccount = ReturnType<typeof publicAccount>

export class AccountInputError extends Error {
  override name = 'AccountInputError'
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
  }
}

/**
 * Checks a role against a school: a counselor belongs to exactly one school, a district admin to none
 * (their reach is the district whatever the row says), a legal vice-principal to one school or none.
 *
 * @throws AccountInputError naming the field at fault.
 * @example
 * checkRoleSchool('counselor', null) // throws: a counselor needs a school
 */
export function checkRoleSchool(role: Role, school: string | null): void {
  if (role === 'counselor' && school === null) throw new AccountInputError('a counselor must belong to a school', 'school')
  if (role === 'district_admin' && school !== null) throw new AccountInputError('a district admin has no school', 'school')
}

/**
 * A one-time password an administrator hands out: 16 Crockford characters (80 bits) in groups of four.
 *
 * @example
 * oneTimePassword() // 'Q7K3-M9XA-1B2C-3D4E'
 */
export function oneTimePassword(): string {
  return groupOfFour(randomCrockford(16))
}

export interface NewAccount {
  email: string
  role: Role
  /** The school's id and code, or null for district scope. */
  school: { id: number; code: string } | null
  passwordHash: string
  mustChangePassword: boolean
  /** Who created it: a staff id, or `system` (CLI, seeding). */
  actor: string
  at: Date
}

/**
 * The write that creates an account, with a `staff.created` ledger event (no case) in the same batch.
 * A duplicate email fails the batch on the unique index; the caller checks first and answers 409.
 *
 * @example
 * const id = await writer.submit(createAccount({ email, role: 'counselor', school, passwordHash, mustChangePassword: true, actor: 'system', at }))
 */
export function createAccount(account: NewAccount): WriteUnit<string> {
  const id = newId(account.at)
  const email = normalizeEmail(account.email)
  const row = insertRow(staff, {
    id,
    email,
    passwordHash: account.passwordHash,
    role: account.role,
    schoolId: account.school?.id ?? null,
    mustChangePassword: account.mustChangePassword,
    createdAt: account.at,
    updatedAt: account.at,
  })
  const payload = { staff: id, email, role: account.role, school: account.school?.code ?? null }
  return adminChange([row], { actor: account.actor, action: 'staff.created', payload, at: account.at }, id)
}

/**
 * The demo district's staff, created only when the demo district is seeded: a district admin, a
 * district-wide legal vice-principal and a counselor of the first school the public list shows.
 *
 * @example
 * await demoStaffRows(firstSchool, at, { iterations: 1_000 })
 */
export async function demoStaffRows(
  firstSchool: { id: number; code: string },
  at: Date,
  { iterations }: { iterations?: number } = {},
): Promise<{ rows: (typeof staff.$inferInsert)[]; accounts: { email: string; role: Role; school: string | null }[] }> {
  const accounts: { email: string; role: Role; school: { id: number; code: string } | null }[] = [
    { email: 'admin@demo.local', role: 'district_admin', school: null },
    { email: 'legalvp@demo.local', role: 'legal_vp', school: null },
    { email: 'counselor@demo.local', role: 'counselor', school: firstSchool },
  ]
  const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD, iterations ? { iterations } : {})))
  return {
    rows: accounts.map((a, i) => ({
      id: newId(at),
      email: a.email,
      passwordHash: hashes[i]!,
      role: a.role,
      schoolId: a.school?.id ?? null,
      createdAt: at,
      updatedAt: at,
    })),
    accounts: accounts.map((a) => ({ email: a.email, role: a.role, school: a.school?.code ?? null })),
  }
}
