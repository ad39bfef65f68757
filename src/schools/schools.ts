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

/**
 * An active school by its public code (case-insensitive), or undefined.
 *
 * @example
 * await findSchool(db, 'qx-p03') // { id: 9, code: 'QX-P03' }
 */
export async function findSchool(db: Db, code: string): Promise<{ id: number; code: string } | undefined> {
  const row = await schoolByCode(db).get({ code: code.trim().toUpperCase() })
  return row?.active ? { id: row.id, code: row.code } : undefined
}

const schoolByCode = perDatabase((db) =>
  db
    .select({ id: schools.id, code: schools.code, active: schools.active })
    .from(schools)
    .where(eq(schools.code, sql.placeholder('code')))
    .limit(1)
    .prepare(),
)
