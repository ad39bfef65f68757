import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unseal } from '../../src/crypto/seal'
import { cases, events, informantCodes, tips } from '../../src/db/schema'
import { verifyChain } from '../../src/ledger/chain'
import { readEvents } from '../../src/ledger/ledger'
import { scoreTip } from '../../src/scoring/score'
import { tipContext } from '../../src/tips/intake'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

interface TipResponse {
  receipt: string
  reference: string
  nextSteps: string[]
  help?: { title: string; steps: string[]; contacts: { name: string; number: string }[] }
}

async function sendTip(overrides: Record<string, unknown> = {}): Promise<TipResponse> {
  const res = await h.post('/api/tips', tipBody(overrides))
  expect(res.status).toBe(201)
  return (await res.json()) as TipResponse
}

describe('POST /api/tips', () => {
  it('answers 201 with a receipt, a separate case reference and next steps, and never the score', async () => {
    const body = await sendTip()
    expect(body.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(body.reference).toMatch(/^T-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(body.nextSteps.length).toBeGreaterThan(0)
    expect(Object.keys(body).sort()).toEqual(['nextSteps', 'receipt', 'reference'])
    expect(JSON.stringify(body)).not.toMatch(/level|score|critical|medium/)
  })

  it('opens a case at the scorer’s level with the rubric’s first-response deadline', async () => {
    const text = tipBody().text as string
    const expected = scoreTip(text, 'student')
    const { reference } = await sendTip()
    const [row] = await h.db.select().from(cases).where(eq(cases.reference, reference))
    const dueMinutes = { critical: 15, high: 240, medium: 1440, low: 4320 }[expected.level]
    expect(row).toMatchObject({ level: expected.level, scorerLevel: expected.level, state: 'new', escalated: false, assigneeId: null })
    expect(row!.createdAt.toISOString()).toBe('2026-03-02T08:00:00.000Z')
    expect(row!.firstResponseDueAt.getTime() - row!.createdAt.getTime()).toBe(dueMinutes * 60_000)
  })

  it('stores the tip with the scorer’s output, the reporter’s own picks, and its text sealed', async () => {
    const text = tipBody().text as string
    const expected = scoreTip(text, 'student')
    await sendTip({ categories: ['verbal', 'verbal', 'social'], where: 'classroom', when: '昨天下午体育课后', ongoing: true })
    const [tip] = await h.db.select().from(tips)
    expect(tip).toMatchObject({
      reporter: 'student',
      channel: 'web',
      place: 'classroom',
      ongoing: true,
      lang: 'zh',
      reporterCategories: ['verbal', 'social'],
      level: expected.level,
      score: expected.score,
      categories: expected.categories,
      scorerVersion: expected.scorerVersion,
      keyId: 'k1',
      informantCodeId: null,
    })
    expect(tip!.signals).toEqual(expected.signals.map((s) => ({ id: s.id, category: s.category, weight: s.weight, start: s.match.start, end: s.match.end })))
    expect(JSON.parse(await unseal(h.keys, tipContext(tip!.id), tip!))).toEqual({ text, when: '昨天下午体育课后' })
  })

  it('writes the first ledger events, received and scored with the scorer version, in one chain', async () => {
    const text = tipBody().text as string
    const { reference } = await sendTip()
    const [row] = await h.db.select().from(cases).where(eq(cases.reference, reference))
    const ledger = await readEvents(h.db)
    expect(ledger.map((e) => [e.action, e.actor, e.caseId])).toEqual([
      ['tip.received', 'reporter', row!.id],
      ['tip.scored', 'system', row!.id],
    ])
    expect(JSON.parse(ledger[1]!.payload)).toMatchObject({ scorerVersion: scoreTip(text).scorerVersion, level: row!.level })
    expect(JSON.parse(ledger[0]!.payload)).toMatchObject({ reference, school: 'QX-P03', firstResponseDueAt: row!.firstResponseDueAt.getTime() })
    expect(verifyChain(ledger)).toMatchObject({ ok: true, count: 2 })
  })

  it('keeps the ledger verifiable across many concurrent tips (group-committed)', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => h.post('/api/tips', tipBody({ text: `第${i}条：有人天天骂我` }))))
    expect(results.every((r) => r.status === 201)).toBe(true)
    expect(h.writer.stats.batches).toBeLessThan(30)
    expect(verifyChain(await readEvents(h.db))).toMatchObject({ ok: true, count: 60 })
  })

  it('accepts school codes in any case', async () => {
    await sendTip({ school: ' qx-h01 ' })
  })

  it('records a known informant code as its pseudonymous row, typed loosely', async () => {
    await sendTip({ reporter: 'informant', informantCode: 'xq7k 4m2p' })
    const [tip] = await h.db.select().from(tips)
    const [code] = await h.db.select().from(informantCodes).where(eq(informantCodes.id, tip!.informantCodeId!))
    expect(code!.label).toBe('信息员 01（第一中学）')
    expect(code!.codeHash).toMatch(/^[0-9a-f]{64}$/) // the code itself is not stored
  })

  it('gives help for right now, in Chinese, when a Chinese tip shows self-harm', async () => {
    const body = await sendTip({ text: '我不想活了 每天都被骂 好累' })
    expect(scoreTip('我不想活了 每天都被骂 好累').signals.some((s) => s.category === 'self_harm')).toBe(true)
    expect(body.help?.contacts.map((c) => c.number)).toEqual(['110', '120', '12355'])
    expect(body.help?.title).toMatch(/[\u4e00-\u9fff]/)
    expect(body.nextSteps[0]).toMatch(/回执码/)
  })

  it('gives help in English for an English tip in immediate danger', async () => {
    const text = 'He brought a knife to school today and says he will use it on Tom after class'
    expect(scoreTip(text).level).toBe('critical')
    const body = await sendTip({ text })
    expect(body.help?.title).toBe('You are not alone. You can get help right now.')
    expect(body.nextSteps[0]).toMatch(/receipt code/)
  })

  it('gives no help block for a tip without danger', async () => {
    const text = 'Someone wrote a rude word on my desk once.'
    const level = scoreTip(text).level
    expect(['low', 'medium']).toContain(level)
    expect((await sendTip({ text })).help).toBeUndefined()
  })

  it('gives every tip its own receipt and reference', async () => {
    const a = await sendTip()
    const b = await sendTip()
    expect(a.receipt).not.toBe(b.receipt)
    expect(a.reference).not.toBe(b.reference)
    expect(await h.db.select().from(events)).toHaveLength(4)
  })
})
