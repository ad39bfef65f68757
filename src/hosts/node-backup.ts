import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createClient } from '@libsql/client'
import { ConfigError, loadConfig } from '../config'

/**
 * Writes a consistent copy of an embedded database to `target` with `VACUUM INTO`: one read transaction,
 * so it is safe while the service runs and includes every commit still sitting in the WAL. The copy holds
 * only sealed text; keep it apart from the key file.
 *
 * @example
 * await backupDatabase('file:./data/tipline.db', './backups/tipline-2026-03-02.db')
 */
export async function backupDatabase(databaseUrl: string, target: string): Promise<{ path: string; bytes: number }> {
  if (!databaseUrl.startsWith('file:')) throw new ConfigError('backup copies an embedded file: database; back up a remote one on its server')
  const path = resolve(target)
  if (existsSync(path)) throw new Error(`${path} already exists; not overwriting a backup`)
  mkdirSync(dirname(path), { recursive: true })
  const client = createClient({ url: databaseUrl, concurrency: 1 })
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [path] })
  } finally {
    client.close()
  }
  return { path, bytes: statSync(path).size }
}

/** `npm run backup [-- target.db]`: default target `<DATA_DIR>/backups/tipline-<time>.db`. */
async function main(): Promise<void> {
  const config = loadConfig(process.env)
  const dataDir = resolve(config.DATA_DIR)
  const url = config.DATABASE_URL ?? `file:${join(dataDir, 'tipline.db')}`
  const target = process.argv[2] ?? join(dataDir, 'backups', `tipline-${new Date().toISOString().replace(/[:.]/g, '-')}.db`)
  const { path, bytes } = await backupDatabase(url, target)
  process.stdout.write(`backup: wrote ${path} (${bytes} bytes). Store it apart from keys.json.\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
}
