import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newSecret } from '../crypto/keys'

/** The local key file, beside the embedded database. */
export const KEY_FILE = 'keys.json'

export interface LocalKeys {
  DATA_KEY: string
  RECEIPT_KEY: string
  SESSION_KEY: string
  /** True when this call created the file. */
  created: boolean
  path: string
}

/**
 * The zero-setup keys for a local install: read from `<dataDir>/keys.json`, or generated there on first
 * start with mode 0600 (owner read/write only). The file must be backed up with the database: without
 * DATA_KEY no tip can be read, and without RECEIPT_KEY no receipt can be found. SESSION_KEY only signs
 * staff sessions; a key file from before staff accounts existed gets one added (nothing else changes).
 *
 * @example
 * const keys = loadOrCreateLocalKeys('./data') // { DATA_KEY, RECEIPT_KEY, SESSION_KEY, created: true, path: 'data/keys.json' }
 */
export function loadOrCreateLocalKeys(dataDir: string): LocalKeys {
  const path = join(dataDir, KEY_FILE)
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { DATA_KEY?: string; RECEIPT_KEY?: string; SESSION_KEY?: string }
    if (!stored.DATA_KEY || !stored.RECEIPT_KEY) throw new Error(`${path} is missing DATA_KEY or RECEIPT_KEY`)
    if (!stored.SESSION_KEY) {
      // Written beside and renamed over, so a crash mid-write never leaves a key file without its data key.
      const upgraded = { ...stored, SESSION_KEY: newSecret() }
      writeFileSync(`${path}.tmp`, `${JSON.stringify(upgraded, null, 2)}\n`, { mode: 0o600 })
      chmodSync(`${path}.tmp`, 0o600)
      renameSync(`${path}.tmp`, path)
      stored.SESSION_KEY = upgraded.SESSION_KEY
    }
    return { DATA_KEY: stored.DATA_KEY, RECEIPT_KEY: stored.RECEIPT_KEY, SESSION_KEY: stored.SESSION_KEY, created: false, path }
  }
  const keys = { DATA_KEY: newSecret(), RECEIPT_KEY: newSecret(), SESSION_KEY: newSecret() }
  // `wx`: never overwrite a key file that appeared meanwhile — losing a key loses every tip sealed with it.
  writeFileSync(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600) // the umask may have narrowed the mode further, never widened it; make it exact
  return { ...keys, created: true, path }
}
