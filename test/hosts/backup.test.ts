import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../src/hosts/node-backup'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

describe('backupDatabase', () => {
  it('copies a live database, including commits still in the WAL', async () => {
    expect((await h.post('/api/tips', tipBody())).status).toBe(201)
    expect(existsSync(`${h.dbPath}-wal`)).toBe(true)
    const target = join(h.dir, 'backups', 'copy.db')
    const { bytes } = await backupDatabase(`file:${h.dbPath}`, target)
    expect(bytes).toBeGreaterThan(0)
    const copy = createClient({ url: `file:${target}` })
    try {
      expect(Number((await copy.execute('SELECT count(*) FROM tips')).rows[0]![0])).toBe(1)
      expect(Number((await copy.execute('SELECT count(*) FROM events')).rows[0]![0])).toBe(2)
    } finally {
      copy.close()
    }
  })

  it('never overwrites an existing backup', async () => {
    const target = join(h.dir, 'copy.db')
    await backupDatabase(`file:${h.dbPath}`, target)
    await expect(backupDatabase(`file:${h.dbPath}`, target)).rejects.toThrow(/already exists/)
  })

  it('refuses a remote database', async () => {
    await expect(backupDatabase('libsql://db.example.invalid', join(h.dir, 'x.db'))).rejects.toThrow(/remote/)
  })
})
