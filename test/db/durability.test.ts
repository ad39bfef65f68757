import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { events } from '../../src/db/schema'
import { readDurability } from '../../src/hosts/node-db'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

describe('the embedded database', () => {
  it('runs in WAL mode with synchronous=FULL', async () => {
    expect(await readDurability(h.client)).toEqual({ journalMode: 'wal', synchronous: 'full' })
  })

  it('keeps synchronous=FULL on the very connection a batch() runs on, even under concurrent calls', async () => {
    // PRAGMA synchronous is per connection and the pooled client can open more than one; the host holds
    // it to one. Reading the pragma as a statement of a batch reads it inside that batch's transaction.
    const reads = await Promise.all(
      Array.from({ length: 8 }, () => h.client.batch(['PRAGMA synchronous', 'SELECT 1'], 'deferred')),
    )
    for (const [pragma] of reads) expect(Number(pragma!.rows[0]![0])).toBe(2)
    const plain = await Promise.all(Array.from({ length: 8 }, () => h.client.execute('PRAGMA synchronous')))
    for (const r of plain) expect(Number(r.rows[0]![0])).toBe(2)
  })

  it('enforces foreign keys', async () => {
    expect(Number((await h.client.execute('PRAGMA foreign_keys')).rows[0]![0])).toBe(1)
  })

  it('refuses to update or delete ledger events', async () => {
    expect((await h.post('/api/tips', tipBody())).status).toBe(201)
    await expect(h.db.run(sql`UPDATE events SET actor = 'someone' WHERE seq = 1`)).rejects.toThrow()
    await expect(h.db.run(sql`DELETE FROM events`)).rejects.toThrow()
    expect((await h.db.select().from(events)).length).toBe(2)
  })

  it('refuses to delete a case that has history', async () => {
    expect((await h.post('/api/tips', tipBody())).status).toBe(201)
    await expect(h.db.run(sql`DELETE FROM cases`)).rejects.toThrow()
  })
})
