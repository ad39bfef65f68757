import type { Db } from './db'

/**
 * Memoises statements prepared against a database, once per database object. drizzle spends more time
 * building a query's SQL than SQLite spends running a point lookup, so the lookups every request makes
 * (school by code, tip by receipt hash) are built once with placeholders and only executed afterwards.
 * Keyed weakly, so a test's database and its statements go away together.
 *
 * @example
 * const statements = perDatabase((db) => ({ byCode: db.select().from(schools).where(eq(schools.code, sql.placeholder('code'))).prepare() }))
 * await statements(db).byCode.get({ code: 'QX-P03' })
 */
export function perDatabase<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>()
  return (db) => {
    let prepared = cache.get(db)
    if (prepared === undefined) {
      prepared = prepare(db)
      cache.set(db, prepared)
    }
    return prepared
  }
}
