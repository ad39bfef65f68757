import type { BatchItem } from 'drizzle-orm/batch'
import type { LibSQLDatabase } from 'drizzle-orm/libsql/driver-core'
import type * as schema from './schema'

/**
 * The database the app is handed. Typed as drizzle's libSQL database (embedded `file:` or remote); the
 * Workers host will widen this to D1, which offers the same `batch()` — the only way the app writes
 * several rows atomically, because D1 has no interactive transactions.
 */
export type Db = LibSQLDatabase<typeof schema>

/** One statement of an atomic batch. */
export type Statement = BatchItem<'sqlite'>

/**
 * Runs statements as one atomic batch (all or nothing), skipping the call when there is nothing to run.
 *
 * @example
 * await runBatch(db, [db.insert(cases).values(row), db.insert(tips).values(tip)])
 */
export async function runBatch(db: Db, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return
  await db.batch(statements as [Statement, ...Statement[]])
}
