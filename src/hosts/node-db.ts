import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from '../db/db'
import * as schema from '../db/schema'
import { openThreadClient } from './db-thread'

/** The generated SQL migrations, next to `src/` in the repository. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url))

export interface OpenedDatabase {
  db: Db
  client: Client
  /** What the durability settings read back as, for the start-up line and tests. */
  durability: { journalMode: string; synchronous: string } | 'remote'
  /** Closes the client and, for a database on its own thread, waits until that thread has stopped. */
  close(): Promise<void>
}

/**
 * Opens the database for the Node host: an embedded libSQL `file:` database, or a remote libSQL server.
 *
 * For `file:` the client is held to ONE connection. @libsql/client 0.18 keeps a pool of connections and
 * opens a new one whenever calls overlap, and `PRAGMA synchronous` is per connection — set on one, it does
 * not reach the others (tests show a pooled connection reporting the build default). One connection makes
 * the settings below hold for every statement and every `batch()`; SQLite serialises writers anyway, and
 * the driver runs each call synchronously, so nothing is lost by it. If the pool ever replaces the
 * connection, the new one starts from this build's default, which is also FULL (tested), and WAL mode is
 * stored in the file itself.
 *
 * By default an embedded database runs on its own thread (`db-thread.ts`): the driver is synchronous, so
 * statements and the fsync of every commit would otherwise run on the thread that serves requests.
 * `ownThread: false` keeps it on the caller's thread (the benchmark's one-commit-per-row baseline).
 *
 * @example
 * const { db } = await openDatabase({ url: 'file:./data/tipline.db' })
 */
export async function openDatabase({
  url,
  authToken,
  ownThread = true,
  onThreadStopped,
}: {
  url: string
  authToken?: string | undefined
  ownThread?: boolean
  /** Called if the database thread stops without being closed (see `openThreadClient`). */
  onThreadStopped?: (exitCode: number) => void
}): Promise<OpenedDatabase> {
  if (!url.startsWith('file:')) {
    const client = createClient({ url, ...(authToken ? { authToken } : {}) })
    return { db: drizzle(client, { schema }), client, durability: 'remote', close: async () => client.close() }
  }
  const path = url.slice('file:'.length)
  if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const threaded = ownThread ? await openThreadClient(url, { onStopped: onThreadStopped }) : undefined
  const client: Client = threaded ?? createClient({ url, concurrency: 1 })
  const close = async () => {
    client.close()
    await threaded?.whenClosed()
  }
  // WAL: readers never block the writer and a commit appends to the log; synchronous=FULL: every commit
  // is fsynced before it returns, so what was answered 201 survives a power cut, not only a crash.
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA synchronous = FULL')
  await client.execute('PRAGMA foreign_keys = ON')
  await client.execute('PRAGMA busy_timeout = 5000')
  const durability = await readDurability(client)
  if (durability.journalMode !== 'wal' || durability.synchronous !== 'full') {
    await close()
    throw new Error(`could not make ${url} durable: journal_mode=${durability.journalMode}, synchronous=${durability.synchronous}`)
  }
  return { db: drizzle(client, { schema }), client, durability, close }
}

const synchronousNames = ['off', 'normal', 'full', 'extra']

/**
 * The journal mode and synchronous level as the connection reports them.
 *
 * @example
 * await readDurability(client) // { journalMode: 'wal', synchronous: 'full' }
 */
export async function readDurability(client: Pick<Client, 'execute'>): Promise<{ journalMode: string; synchronous: string }> {
  const journal = await client.execute('PRAGMA journal_mode')
  const sync = await client.execute('PRAGMA synchronous')
  const level = Number(sync.rows[0]?.[0])
  return { journalMode: String(journal.rows[0]?.[0]), synchronous: synchronousNames[level] ?? String(level) }
}

/**
 * Applies the generated migrations that have not run yet.
 *
 * @example
 * await applyMigrations(db)
 */
export async function applyMigrations(db: Db, folder = MIGRATIONS_FOLDER): Promise<void> {
  await migrate(db, { migrationsFolder: folder })
}
