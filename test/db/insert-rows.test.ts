import { asc, eq, sql } from 'drizzle-orm'
import type { SQLiteRaw } from 'drizzle-orm/sqlite-core/query-builders/raw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runBatch } from '../../src/db/db'
import { batchStatements, insertRow, insertRows } from '../../src/db/insert-rows'
import { cases, insertOrder, schools, tips } from '../../src/db/schema'
import { type Harness, makeHarness } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const at = new Date('2026-03-02T08:00:00.000Z')
const caseRow = (id: string, level: 'critical' | 'low' = 'low') => ({
  id,
  reference: `T-${id}`,
  schoolId: 1,
  level,
  scorerLevel: level,
  firstResponseDueAt: new Date(at.getTime() + 60_000),
  createdAt: at,
  updatedAt: at,
})
const tipRow = (id: string, caseId: string) => ({
  id,
  caseId,
  schoolId: 1,
  receiptHash: `hash-${id}`,
  reporter: 'student' as const,
  place: 'toilet' as const,
  ongoing: true,
  lang: 'zh' as const,
  reporterCategories: ['verbal' as const],
  level: 'low' as const,
  score: 10,
  categories: ['verbal' as const, 'social' as const],
  signals: [{ id: 'x', category: 'verbal' as const, weight: 3, start: 0, end: 2 }],
  scorerVersion: 'v1',
  keyId: 'k1',
  nonce: new Uint8Array([1, 2, 3]),
  body: new Uint8Array([0, 255, 7]),
  createdAt: at,
})

describe('insertRows', () => {
  it('stores rows that read back exactly like rows inserted by drizzle’s own builder', async () => {
    await h.db.insert(cases).values([caseRow('a'), caseRow('b', 'critical')])
    await h.db.insert(tips).values(tipRow('ta', 'a'))
    await runBatch(h.db, insertRows(h.db, tips, [tipRow('tb', 'b')]))
    const [viaDrizzle, viaRows] = await h.db.select().from(tips).orderBy(asc(tips.id))
    const { id: _a, caseId: _ca, receiptHash: _ra, ...expected } = viaDrizzle!
    const { id: _b, caseId: _cb, receiptHash: _rb, ...actual } = viaRows!
    expect(actual).toEqual(expected)
    expect(actual.body).toEqual(new Uint8Array([0, 255, 7]))
  })

  it('hands a batch the same text and parameters drizzle’s own SQL builder makes of the statement', async () => {
    const [statement] = insertRows(h.db, tips, [tipRow('t1', 'a'), tipRow('t2', 'b')]) as unknown as SQLiteRaw<unknown>[]
    const built = statement!.getQuery()
    const viaDrizzle = h.db.run(statement!.getSQL()).getQuery()
    expect({ sql: built.sql, params: built.params }).toEqual({ sql: viaDrizzle.sql, params: viaDrizzle.params })
    expect(built.sql).toMatch(/^insert into "tips" \(.*\) values \(\?(, \?)*\), \(\?(, \?)*\)$/)
  })

  it('leaves a value it cannot bind as one parameter (here an SQL expression) to drizzle’s builder', async () => {
    const withSql = { ...caseRow('s'), updatedAt: sql`${at.getTime()}` as unknown as Date }
    const [statement] = insertRows(h.db, cases, [withSql]) as unknown as SQLiteRaw<unknown>[]
    const viaDrizzle = h.db.run(statement!.getSQL()).getQuery()
    expect(statement!.getQuery()).toMatchObject({ sql: viaDrizzle.sql, params: viaDrizzle.params })
    await runBatch(h.db, [statement as never])
    const [row] = await h.db.select({ updatedAt: cases.updatedAt }).from(cases).where(eq(cases.id, 's'))
    expect(row!.updatedAt).toEqual(at)
  })

  it('runs a statement awaited on its own, outside a batch, the same way', async () => {
    await runBatch(h.db, insertRows(h.db, cases, [caseRow('a')]))
    const [statement] = insertRows(h.db, tips, [tipRow('ta', 'a')])
    await statement
    expect((await h.db.select({ id: tips.id }).from(tips)).map((r) => r.id)).toEqual(['ta'])
  })

  it('fills column defaults and lets SQLite compute generated columns', async () => {
    await runBatch(h.db, insertRows(h.db, cases, [caseRow('c', 'critical')]))
    const [row] = await h.db.select().from(cases).where(eq(cases.id, 'c'))
    expect(row).toMatchObject({ state: 'new', escalated: false, assigneeId: null, priority: 0, acknowledgedAt: null })
  })

  it('splits rows so no statement binds more than the limit', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => caseRow(`r${i}`))
    const statements = insertRows(h.db, cases, rows, 100) // 25 columns (alerts added 10, staff 2) → 4 rows per statement
    expect(statements).toHaveLength(7)
    await runBatch(h.db, statements)
    expect(await h.db.select().from(cases)).toHaveLength(25)
  })
})

describe('batchStatements', () => {
  it('sends parents before children whatever order the writes came in, then other statements', async () => {
    const writes = [
      insertRow(tips, tipRow('t1', 'c1')),
      h.db.update(cases).set({ state: 'acknowledged' }).where(eq(cases.id, 'c1')),
      insertRow(cases, caseRow('c1')),
      insertRow(tips, tipRow('t2', 'c2')),
      insertRow(cases, caseRow('c2')),
    ]
    const statements = batchStatements(h.db, writes, insertOrder)
    expect(statements).toHaveLength(3) // cases (2 rows), tips (2 rows), the update
    await runBatch(h.db, statements)
    const rows = await h.db.select().from(cases).orderBy(asc(cases.id))
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['c1', 'acknowledged'],
      ['c2', 'new'],
    ])
    expect(await h.db.select().from(tips)).toHaveLength(2)
  })

  it('keeps rows of a table in the order given', async () => {
    const codes = ['Z9', 'A1', 'M5']
    await runBatch(
      h.db,
      batchStatements(
        h.db,
        codes.map((code, i) => insertRow(schools, { id: 100 + i, code, name: code, kind: 'primary', createdAt: at })),
        insertOrder,
      ),
    )
    const rows = await h.db.select().from(schools).orderBy(asc(schools.id))
    expect(rows.slice(-3).map((r) => r.code)).toEqual(codes)
  })
})
