import { sql } from 'drizzle-orm'
import type { Keys } from '../crypto/keys'
import { lookupHash } from '../crypto/keys'
import type { Db } from '../db/db'
import { demoStaffRows } from '../auth/accounts'
import type { Role } from '../auth/roles'
import { informantCodes, schools, staff } from '../db/schema'
import { normalizeCode } from '../tips/receipt'
import type { InformantRole, SchoolKind } from './school-kinds'

/**
 * 青溪区, a made-up district of real size: its 14 schools (2 high schools, 2 nine-year schools, 2 middle
 * schools, 8 primary schools). Codes are short and stable so posters and QR links can carry them.
 */
export const demoSchools: readonly { code: string; name: string; kind: SchoolKind }[] = [
  { code: 'QX-H01', name: '青溪区第一中学', kind: 'high' },
  { code: 'QX-H02', name: '青溪区第二中学', kind: 'high' },
  { code: 'QX-N01', name: '青溪区实验学校', kind: 'nine_year' },
  { code: 'QX-N02', name: '青溪区南湖学校', kind: 'nine_year' },
  { code: 'QX-M01', name: '青溪区第三初级中学', kind: 'middle' },
  { code: 'QX-M02', name: '青溪区东城初级中学', kind: 'middle' },
  { code: 'QX-P01', name: '青溪区中心小学', kind: 'primary' },
  { code: 'QX-P02', name: '青溪区实验小学', kind: 'primary' },
  { code: 'QX-P03', name: '青溪区东关小学', kind: 'primary' },
  { code: 'QX-P04', name: '青溪区西街小学', kind: 'primary' },
  { code: 'QX-P05', name: '青溪区南门小学', kind: 'primary' },
  { code: 'QX-P06', name: '青溪区北苑小学', kind: 'primary' },
  { code: 'QX-P07', name: '青溪区桥头小学', kind: 'primary' },
  { code: 'QX-P08', name: '青溪区柳林小学', kind: 'primary' },
]

/**
 * Two demo informant codes, printed at start so the informant path can be tried. Real codes are issued by
 * the district and handed out on paper; only their keyed hashes are stored.
 */
export const demoInformants: readonly { code: string; label: string; role: InformantRole; school: string }[] = [
  { code: 'XQ7K-4M2P', label: '信息员 01（第一中学）', role: 'student_informant', school: 'QX-H01' },
  { code: 'HB3R-9TWZ', label: '安全员 01（实验学校）', role: 'safety_officer', school: 'QX-N01' },
]

export interface SeedReport {
  seeded: boolean
  schools: number
  informantCodes: string[]
  /** The demo staff accounts (password DEMO_PASSWORD), to print at start. */
  staff: { email: string; role: Role; school: string | null }[]
}

/**
 * Seeds the demo district into an empty database (no schools yet); does nothing otherwise, so it is safe
 * to call on every start. One batch: it either seeds fully or not at all.
 *
 * @example
 * await seedDemoDistrict(db, keys, new Date()) // { seeded: true, schools: 14, informantCodes: ['XQ7K-4M2P', …], staff: [3 accounts] }
 */
export async function seedDemoDistrict(
  db: Db,
  keys: Keys,
  at: Date,
  { passwordIterations }: { passwordIterations?: number } = {},
): Promise<SeedReport> {
  const [existing] = await db.select({ n: sql<number>`count(*)` }).from(schools)
  if ((existing?.n ?? 0) > 0) return { seeded: false, schools: 0, informantCodes: [], staff: [] }

  const hashes = await Promise.all(demoInformants.map((i) => lookupHash(keys, 'informant', normalizeCode(i.code) ?? '')))
  // Ids are given explicitly so the informant rows can point at their schools inside the same batch.
  const schoolIds = new Map(demoSchools.map((s, i) => [s.code, i + 1]))
  // The counselor belongs to the first school GET /api/schools lists (it orders by code).
  const firstCode = [...demoSchools].map((s) => s.code).sort()[0]!
  const demoStaff = await demoStaffRows({ id: schoolIds.get(firstCode)!, code: firstCode }, at, { iterations: passwordIterations })
  await db.batch([
    db.insert(schools).values(demoSchools.map((s) => ({ id: schoolIds.get(s.code), ...s, createdAt: at }))),
    db.insert(informantCodes).values(
      demoInformants.map((i, n) => ({
        codeHash: hashes[n]!,
        label: i.label,
        role: i.role,
        schoolId: schoolIds.get(i.school) ?? null,
        createdAt: at,
      })),
    ),
    db.insert(staff).values(demoStaff.rows),
  ])
  return {
    seeded: true,
    schools: demoSchools.length,
    informantCodes: demoInformants.map((i) => i.code),
    staff: demoStaff.accounts,
  }
}
