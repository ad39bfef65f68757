import { adminChange } from '../ledger/ledger'
import { asc, eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { policies } from '../auth/policies'
import { requireStaff } from '../auth/require-staff'
import { lookupHash } from '../crypto/keys'
import type { Db } from '../db/db'
import { informantCodes, schools } from '../db/schema'
import { ApiError } from '../http/errors'
import { validate } from '../http/validate'
import { type InformantRole, informantRoles } from '../schools/school-kinds'
import { schoolByCode } from '../staff/staff.routes'
import { groupOfFour, randomCrockford } from '../tips/receipt'
import { committed } from '../tips/writes'

export const issueInformantRequest = z.object({
  school: z.string().trim().min(1).max(32),
  /** A pseudonym staff will see on the informant's tips ("信息员 07"); never the child's name. */
  label: z.string().trim().min(1).max(64),
  role: z.enum(informantRoles),
})

export interface InformantCodeRow {
  id: number
  label: string
  role: InformantRole
  school: string | null
  active: boolean
}

/** Every informant code's label, role, school and whether it is active — never a code. */
export async function listInformantCodes(db: Db): Promise<InformantCodeRow[]> {
  return db
    .select({ id: informantCodes.id, label: informantCodes.label, role: informantCodes.role, school: schools.code, active: informantCodes.active })
    .from(informantCodes)
    .leftJoin(schools, eq(schools.id, informantCodes.schoolId))
    .orderBy(asc(informantCodes.id))
}

/**
 * Issues a code as the signed-in admin; the code is answered once and only its keyed hash is stored.
 * A ledger event. Throws ApiError 400 for an unknown school.
 */
export async function issueInformantCode(
  c: Context<AppEnv>,
  input: z.infer<typeof issueInformantRequest>,
): Promise<{ id: number; code: string; label: string; role: InformantRole; school: string }> {
  const services = c.get('services')
  const { db, keys, writer, now } = services
  const school = (await schoolByCode(db, input.school))!
  // 8 Crockford characters (40 bits): typed by a child on a phone, and guessing is bounded by the tip limit.
  const raw = randomCrockford(8)
  const codeHash = await lookupHash(keys, 'informant', raw)
  const at = now()
  await committed(
    services,
    writer.submit(
      adminChange([db.insert(informantCodes).values({ codeHash, label: input.label, role: input.role, schoolId: school.id, createdAt: at })], {
        actor: c.get('staff').id,
        action: 'informant.issued',
        payload: { label: input.label, role: input.role, school: school.code },
        at,
      }),
    ),
  )
  const [row] = await db.select({ id: informantCodes.id }).from(informantCodes).where(eq(informantCodes.codeHash, codeHash))
  return { id: row!.id, code: groupOfFour(raw), label: input.label, role: input.role, school: school.code }
}

/** Deactivates a code as the signed-in admin; a ledger event. Throws ApiError 404 for an unknown id. */
export async function revokeInformantCode(c: Context<AppEnv>, idParam: string): Promise<{ id: number; active: false }> {
  const services = c.get('services')
  const { db, writer, now } = services
  const id = Number(idParam)
  const [row] = Number.isSafeInteger(id)
    ? await db.select({ id: informantCodes.id, label: informantCodes.label }).from(informantCodes).where(eq(informantCodes.id, id))
    : []
  if (!row) throw new ApiError(404, 'unknown_informant_code', 'There is no informant code with this id')
  const at = now()
  await committed(
    services,
    writer.submit(
      adminChange([db.update(informantCodes).set({ active: false }).where(eq(informantCodes.id, row.id))], {
        actor: c.get('staff').id,
        action: 'informant.revoked',
        payload: { informantCode: row.id },
        at,
      }),
    ),
  )
  return { id: row.id, active: false }
}

/**
 * Informant codes, for district admins: `GET /api/informant-codes` (labels, schools, whether active — never
 * a code), `POST /api/informant-codes` (issues one: the code is answered once, to be written on the paper
 * register the district keeps; only its keyed hash is stored), `POST /api/informant-codes/:id/revoke`.
 * Issuing and revoking are ledger events without a case. The admin pages call the same functions.
 */
export const informantRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(policies.administration), async (c) => {
    return c.json({ informantCodes: await listInformantCodes(c.get('services').db) })
  })
  .post('/', requireStaff(policies.administration), validate('json', issueInformantRequest), async (c) => {
    return c.json(await issueInformantCode(c, c.req.valid('json')), 201)
  })
  .post('/:id/revoke', requireStaff(policies.administration), async (c) => {
    return c.json(await revokeInformantCode(c, c.req.param('id')))
  })
