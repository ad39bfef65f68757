import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/db'
import { perDatabase } from '../db/prepared'
import { schools } from '../db/schema'
import type { SchoolKind } from './school-kinds'

export interface PublicSchool {
  code: string
  name: string
  kind: SchoolKind
}

/**
 * The schools a reporter can choose from: the active ones, by code.
 *
 * @example
 * await listSchools(db) // [{ code: 'QX-H01', name: '青溪区第一中学', kind: 'high' }, …]
 */
export async function listSchools(db: Db): Promise<PublicSchool[]> {
  return db
    .select({ code: schools.code, name: schools.name, kind: schools.kind })
    .from(schools)
    .where(eq(schools.active, true))
    .orderBy(asc(schools.code))
}

/** How long the in-memory school list is trusted before it is read again. */
export const SCHOOL_CACHE_MS = 60_000

export interface SchoolRef {
  id: number
  code: string
}

/**
 * An active school by its public code (case-insensitive), or undefined.
 *
 * Every tip names its school, and a district has a few dozen that change a few times a year, so the active
 * ones are held in memory and read again after SCHOOL_CACHE_MS: a deactivated school stops taking tips
 * within a minute. A code that is not in memory is always looked up, so a new school works at once.
 *
 * @example
 * await findSchool(db, 'qx-p03', Date.now()) // { id: 9, code: 'QX-P03' }
 */
export async function findSchool(db: Db, code: string, at: number): Promise<SchoolRef | undefined> {
  const key = code.trim().toUpperCase()
  const directory = directories(db)
  if (at - directory.loadedAt >= SCHOOL_CACHE_MS || at < directory.loadedAt) {
    const active = await activeSchools(db).all()
    directory.byCode = new Map(active.map((s) => [s.code, s]))
    directory.loadedAt = at
  }
  const known = directory.byCode.get(key)
  if (known) return known
  const row = await schoolByCode(db).get({ code: key })
  if (!row?.active) return undefined
  const found = { id: row.id, code: row.code }
  directory.byCode.set(found.code, found)
  return found
}

const directories = perDatabase(() => ({ byCode: new Map<string, SchoolRef>(), loadedAt: Number.NEGATIVE_INFINITY }))

const activeSchools = perDatabase((db) =>
  db.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.active, true)).prepare(),
)

const schoolByCode = perDatabase((db) =>
  db
    .select({ id: schools.id, code: schools.code, active: schools.active })
    .from(schools)
    .where(eq(schools.code, sql.placeholder('code')))
    .limit(1)
    .prepare(),
)
