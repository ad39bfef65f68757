import { and, eq, sql } from 'drizzle-orm'
import { type Keys, lookupHash } from '../crypto/keys'
import type { Db } from '../db/db'
import { perDatabase } from '../db/prepared'
import { informantCodes } from '../db/schema'
import { normalizeCode } from '../tips/receipt'

/**
 * The id of the active informant code a reporter typed, or undefined when it is not one. Codes are found
 * by their keyed hash, as receipts are, and typed as forgivingly (case, dashes, I/L/O).
 *
 * @example
 * await findInformant(db, keys, 'xq7k 4m2p') // 1
 */
export async function findInformant(db: Db, keys: Keys, typed: string): Promise<number | undefined> {
  const code = normalizeCode(typed)
  if (!code) return undefined
  const row = await informantByHash(db).get({ hash: await lookupHash(keys, 'informant', code) })
  return row?.id
}

const informantByHash = perDatabase((db) =>
  db
    .select({ id: informantCodes.id })
    .from(informantCodes)
    .where(and(eq(informantCodes.codeHash, sql.placeholder('hash')), eq(informantCodes.active, true)))
    .limit(1)
    .prepare(),
)
