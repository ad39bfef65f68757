import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type WriteUnit, GroupCommitWriter, WriterClosedError } from '../../src/db/group-commit'
import { insertRow } from '../../src/db/insert-rows'
import { schools } from '../../src/db/schema'
import { verifyChain } from '../../src/ledger/chain'
import { readEvents } from '../../src/ledger/ledger'
import { type Harness, makeHarness } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness({ demo: false })
})
afterEach(() => h.close())

let nextId = 100
/** A unit that inserts a school and logs a ledger event about it; `bad` makes it violate a constraint. */
function schoolUnit(code: string, { bad = false } = {}): WriteUnit<string> {
  return {
    build(ledger) {
      const id = bad ? 1 : nextId++ // id 1 exists once the first unit committed: a primary-key clash
      return {
        writes: [
          insertRow(schools, { id, code, name: code, kind: 'primary', createdAt: new Date(0) }),
          ledger.append({ caseId: null, actor: 'system', action: 'school.added', payload: { code }, time: 0 }),
        ],
        result: code,
      }
    },
  }
}

const countSchools = async () => (await h.db.select({ n: sql<number>`count(*)` }).from(schools))[0]!.n

describe('GroupCommitWriter', () => {
  it('commits units submitted together in one batch and settles each with its own result', async () => {
    const writer = new GroupCommitWriter({ db: h.db })
    const results = await Promise.all(['A', 'B', 'C', 'D'].map((code) => writer.submit(schoolUnit(code))))
    expect(results).toEqual(['A', 'B', 'C', 'D'])
    expect(writer.stats).toMatchObject({ batches: 1, units: 4, largestBatch: 4 })
    expect(await countSchools()).toBe(4)
  })

  it('keeps the ledger one unbroken chain across units and batches', async () => {
    const writer = new GroupCommitWriter({ db: h.db })
    await Promise.all(['A', 'B'].map((code) => writer.submit(schoolUnit(code))))
    await Promise.all(['C', 'D', 'E'].map((code) => writer.submit(schoolUnit(code))))
    const events = await readEvents(h.db)
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(verifyChain(events)).toMatchObject({ ok: true, count: 5 })
  })

  it('fails only the bad unit of a group: the others are retried alone and committed', async () => {
    const writer = new GroupCommitWriter({ db: h.db })
    await writer.submit({
      build: (ledger) => ({
        writes: [
          // A plain drizzle statement works as a write too; it runs after the merged row inserts.
          h.db.insert(schools).values({ id: 1, code: 'FIRST', name: 'x', kind: 'primary', createdAt: new Date(0) }),
          ledger.append({ caseId: null, actor: 'system', action: 'x', payload: {}, time: 0 }),
        ],
        result: null,
      }),
    })
    const outcomes = await Promise.allSettled([
      writer.submit(schoolUnit('GOOD1')),
      writer.submit(schoolUnit('BAD', { bad: true })),
      writer.submit(schoolUnit('GOOD2')),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await countSchools()).toBe(3)
    expect(writer.stats.failedGroups).toBe(1)
    const events = await readEvents(h.db)
    expect(verifyChain(events)).toMatchObject({ ok: true, count: 3 })
  })

  it('fails a unit whose build throws without disturbing the chain for the rest', async () => {
    const writer = new GroupCommitWriter({ db: h.db })
    const broken: WriteUnit<never> = {
      build(ledger) {
        ledger.append({ caseId: null, actor: 'system', action: 'half', payload: {}, time: 0 })
        throw new Error('bug in build')
      },
    }
    const outcomes = await Promise.allSettled([writer.submit(schoolUnit('A')), writer.submit(broken), writer.submit(schoolUnit('B'))])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(verifyChain(await readEvents(h.db))).toMatchObject({ ok: true, count: 2 })
  })

  it('recovers when another writer moved the chain: the stale batch fails on prev_hash and retries on the new head', async () => {
    const ours = new GroupCommitWriter({ db: h.db })
    const theirs = new GroupCommitWriter({ db: h.db })
    await ours.submit(schoolUnit('A')) // ours now holds head seq 1 in memory
    await theirs.submit(schoolUnit('B')) // theirs reads seq 1 and moves the chain to seq 2
    expect(await ours.submit(schoolUnit('C'))).toBe('C') // ours builds on seq 1: clash, reload, retry
    expect(ours.stats.failedGroups).toBe(1)
    const events = await readEvents(h.db)
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(verifyChain(events).ok).toBe(true)
  })

  it('caps the size of one batch', async () => {
    const writer = new GroupCommitWriter({ db: h.db, maxUnits: 2 })
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((code) => writer.submit(schoolUnit(code))))
    expect(writer.stats).toMatchObject({ batches: 3, units: 5, largestBatch: 2 })
  })

  it('groups what arrives while the flush is put off by the scheduler it was given', async () => {
    let run: (() => void) | undefined
    const writer = new GroupCommitWriter({ db: h.db, schedule: (fn) => (run = fn) })
    const pending = ['A', 'B', 'C'].map((code) => writer.submit(schoolUnit(code)))
    await new Promise((r) => setTimeout(r, 5))
    expect(await countSchools()).toBe(0) // nothing is written before the flush runs
    run!()
    await Promise.all(pending)
    expect(writer.stats.batches).toBe(1)
  })

  it('drains on close and refuses new work afterwards', async () => {
    const writer = new GroupCommitWriter({ db: h.db })
    const pending = writer.submit(schoolUnit('A'))
    await writer.close()
    await expect(pending).resolves.toBe('A')
    await expect(writer.submit(schoolUnit('B'))).rejects.toBeInstanceOf(WriterClosedError)
  })
})
