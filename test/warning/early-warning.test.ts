import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cases, tipTerms } from '../../src/db/schema'
import { MAX_RELATED, findRelatedTips, hashTerms, relatedTipsOfCase } from '../../src/warning/early-warning'
import { extractTerms } from '../../src/warning/terms'
import { caseIdOf, eventsOf } from '../support/case-steps'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness({ env: { LOG_REQUESTS: '0', RATE_LIMITS: '0' } })
})
afterEach(() => h.close())

async function tip(text: string, school = 'QX-P03'): Promise<{ caseId: string; reference: string }> {
  const res = await h.post('/api/tips', tipBody({ text, school }))
  expect(res.status).toBe(201)
  const { reference } = (await res.json()) as { reference: string }
  h.clock.advance(60 * 60_000)
  return { reference, caseId: await caseIdOf(h.services, reference) }
}

const levelOf = async (caseId: string) => (await h.db.select({ level: cases.level, scorerLevel: cases.scorerLevel }).from(cases).where(eq(cases.id, caseId)))[0]

describe('early warning across tips', () => {
  it('reads only the most recent tips sharing a term, each with every hash it shares', async () => {
    // Alternate two tip shapes so some earlier tips share one hash and some share both.
    const made: string[] = []
    for (let i = 0; i < MAX_RELATED + 6; i++) made.push((await tip(i % 2 ? '小明天天在三楼厕所打我' : '小明又骂我')).reference)
    const school = (await h.db.select({ schoolId: cases.schoolId }).from(cases).limit(1))[0]!.schoolId
    const hashed = await hashTerms(h.keys, school, extractTerms('小明在三楼厕所推我'))
    expect(hashed).toHaveLength(2)
    const related = await findRelatedTips(h.db, school, hashed, new Date(0))
    expect(related.map((r) => r.reference)).toEqual(made.slice(-MAX_RELATED).reverse())
    for (const [i, r] of related.entries()) expect(r.hashes).toHaveLength((made.length - 1 - i) % 2 ? 2 : 1)
  })

  it('counts an earlier tip naming the same child even when tips about a busy place fill the link list', async () => {
    const first = await tip('小明又骂我是猪')
    for (let i = 0; i < MAX_RELATED + 1; i++) await tip('三楼厕所的门坏了')
    const last = await tip('小明天天在三楼厕所骂我')
    expect(await levelOf(last.caseId)).toEqual({ level: 'high', scorerLevel: 'medium' })
    const raise = (await eventsOf(h.services, last.caseId)).find((e) => e.action === 'case.level_changed')
    expect(raise?.payload).toMatchObject({ reason: 'repetition', related: [first.reference] })
  })

  it('links Chinese tips about the same child and class, lists the shared words, and raises the level for repetition', async () => {
    const first = await tip('初二3班的小明天天骂我是猪')
    expect(await levelOf(first.caseId)).toEqual({ level: 'medium', scorerLevel: 'medium' })
    const unrelated = await tip('食堂的饭太难吃了，希望改进')
    const second = await tip('小明又在群里骂我，说我是猪')

    // Two tips about one child: the second case goes up one level, with an event that says why.
    expect(await levelOf(second.caseId)).toEqual({ level: 'high', scorerLevel: 'medium' })
    const raise = (await eventsOf(h.services, second.caseId)).find((e) => e.action === 'case.level_changed')
    expect(raise?.payload).toMatchObject({ from: 'medium', to: 'high', reason: 'repetition', related: [first.reference] })
    // …and its deadlines are the new level's.
    const [row] = await h.db.select().from(cases).where(eq(cases.id, second.caseId))
    expect(row!.firstResponseDueAt.getTime() - row!.createdAt.getTime()).toBe(4 * 60 * 60_000)

    // Both cases list the other, with the words they share, worked out from the sealed texts.
    expect(await relatedTipsOfCase(h.db, h.keys, second.caseId)).toEqual([
      expect.objectContaining({ reference: first.reference, shared: [{ kind: 'name', words: ['小明'] }] }),
    ])
    expect(await relatedTipsOfCase(h.db, h.keys, first.caseId)).toEqual([
      expect.objectContaining({ reference: second.reference, shared: [{ kind: 'name', words: ['小明'] }] }),
    ])
    expect(await relatedTipsOfCase(h.db, h.keys, unrelated.caseId)).toEqual([])

    // A class alone links but does not raise: a class is thirty children.
    const third = await tip('八年级（3）班有人把我的书扔了')
    expect(await levelOf(third.caseId)).toEqual({ level: 'medium', scorerLevel: 'medium' })
    expect((await relatedTipsOfCase(h.db, h.keys, third.caseId)).map((r) => [r.reference, r.shared])).toEqual([
      [first.reference, [{ kind: 'class', words: ['八年级(3)班', '初二3班'] }]],
    ])
  })

  it('links English tips about the same student and class', async () => {
    const first = await tip("Jake Miller keeps calling me names in Ms. Lee's class every day")
    const second = await tip('Jake Miller posted mean stuff about me again')
    expect(await levelOf(second.caseId)).toMatchObject({ level: 'high', scorerLevel: 'medium' })
    const related = await relatedTipsOfCase(h.db, h.keys, second.caseId)
    expect(related).toEqual([expect.objectContaining({ reference: first.reference, shared: [{ kind: 'name', words: ['Jake Miller'] }] })])

    const third = await tip("Someone in Ms. Lee's class took my phone")
    expect((await relatedTipsOfCase(h.db, h.keys, third.caseId))[0]?.shared).toEqual([{ kind: 'class', words: ["Ms. Lee's class"] }])
  })

  it('never relates tips of different schools', async () => {
    await tip('小明天天骂我是猪', 'QX-P03')
    const other = await tip('小明天天骂我是猪', 'QX-P04')
    expect(await relatedTipsOfCase(h.db, h.keys, other.caseId)).toEqual([])
    expect(await levelOf(other.caseId)).toMatchObject({ level: 'medium' })
  })

  it('stores only keyed hashes: the names are nowhere in the database files', async () => {
    await tip('小明天天骂我是猪，王小虎也在')
    await tip('Jake Miller keeps calling me names')
    const terms = await h.db.select().from(tipTerms)
    expect(terms.length).toBeGreaterThanOrEqual(3)
    for (const t of terms) expect(t.termHash).toMatch(/^[0-9a-f]{32}$/)
    await h.client.execute('PRAGMA wal_checkpoint(PASSIVE)')
    const bytes = readdirSync(h.dir)
      .map((f) => readFileSync(join(h.dir, f)))
      .map((b) => b.toString('utf8') + b.toString('latin1'))
      .join('')
    for (const word of ['小明', '王小虎', 'Jake', 'Miller', 'jake miller']) expect(bytes).not.toContain(word)
  })
})
