import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/auth/accounts'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
let admin: string
beforeEach(async () => {
  h = await makeHarness({ env: { LOG_REQUESTS: '0', RATE_LIMITS: '0' } })
  admin = await h.signIn('admin@demo.local', DEMO_PASSWORD)
  for (let i = 0; i < 4; i++) expect((await h.post('/api/tips', tipBody())).status).toBe(201) // 8 events
})
afterEach(async () => h.close())

const verify = async (query = '') => (await (await h.staffRequest('GET', `/api/ledger/verify${query}`, { token: admin })).json()) as Record<string, unknown>

/** An attacker with the database file: drop the append-only triggers, then rewrite history. */
async function asAttacker(statement: string) {
  await h.client.execute('DROP TRIGGER events_no_update')
  await h.client.execute('DROP TRIGGER events_no_delete')
  await h.client.execute(statement)
}

describe('the ledger', () => {
  it('verifies an intact chain and exposes its head', async () => {
    expect(await verify()).toMatchObject({ ok: true, events: 8 })
    const { head } = (await (await h.staffRequest('GET', '/api/ledger/head', { token: admin })).json()) as { head: { seq: number; hash: string } }
    expect(head.seq).toBe(8)
    expect(await verify(`?seq=${head.seq}&hash=${head.hash}`)).toMatchObject({ ok: true })
    expect(await verify(`?seq=${head.seq}&hash=${'0'.repeat(64)}`)).toMatchObject({ ok: false, firstBadEvent: { seq: 8, problem: 'anchor_mismatch' } })
  })

  it('refuses updates and deletes at the database while the triggers stand', async () => {
    await expect(h.client.execute(`UPDATE events SET actor = 'x' WHERE seq = 3`)).rejects.toThrow(/append-only/)
    await expect(h.client.execute('DELETE FROM events WHERE seq = 3')).rejects.toThrow(/append-only/)
  })

  it('catches an edited row', async () => {
    await asAttacker(`UPDATE events SET payload = replace(payload, 'medium', 'low') WHERE seq = 4`)
    expect(await verify()).toMatchObject({ ok: false, events: 3, firstBadEvent: { seq: 4, problem: 'hash_mismatch' } })
  })

  it('catches a deleted row', async () => {
    await asAttacker('DELETE FROM events WHERE seq = 5')
    expect(await verify()).toMatchObject({ ok: false, firstBadEvent: { seq: 6, problem: 'sequence_gap' } })
  })

  it('catches reordered rows', async () => {
    await asAttacker('UPDATE events SET seq = CASE seq WHEN 3 THEN 103 WHEN 5 THEN 3 END WHERE seq IN (3, 5)')
    await h.client.execute('UPDATE events SET seq = 5 WHERE seq = 103')
    expect(await verify()).toMatchObject({ ok: false, firstBadEvent: { seq: 3, problem: 'broken_link' } })
  })

  it('catches a deleted last row against a recorded head', async () => {
    const { head } = (await (await h.staffRequest('GET', '/api/ledger/head', { token: admin })).json()) as { head: { seq: number; hash: string } }
    await asAttacker('DELETE FROM events WHERE seq = 8')
    expect(await verify(`?seq=${head.seq}&hash=${head.hash}`)).toMatchObject({ ok: false, firstBadEvent: { problem: 'anchor_mismatch' } })
  })
})
