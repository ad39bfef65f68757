import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseAction } from '../../src/cases/case-action'
import { findCase } from '../../src/cases/case-store'
import { caseActionUnit } from '../../src/cases/case-writes'
import type { CaseState } from '../../src/cases/state-machine'
import { readEvents } from '../../src/ledger/ledger'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
let token: string
let counselorId: string
beforeEach(async () => {
  h = await makeHarness({ env: { RATE_LIMITS: '0', LOG_REQUESTS: '0' } })
  counselorId = await h.addStaff({ email: 'li@qx.test', role: 'counselor', school: 'QX-P03' })
  token = await h.signIn('li@qx.test')
})
afterEach(async () => h.close())

async function newTip(overrides: Record<string, unknown> = {}) {
  const res = await h.post('/api/tips', tipBody(overrides))
  expect(res.status).toBe(201)
  return (await res.json()) as { receipt: string; reference: string }
}

async function queue(query = '', as = token) {
  const res = await h.staffRequest('GET', `/api/cases${query}`, { token: as })
  expect(res.status).toBe(200)
  return (await res.json()) as { cases: { id: string; level: string; reference: string; state: string; school: string }[]; nextCursor: string | null; counts: Record<string, number> }
}

const act = (id: string, action: string, body: unknown = {}, as = token) => h.staffRequest('POST', `/api/cases/${id}/${action}`, { token: as, body })

describe('the queue', () => {
  it('lists open cases critical first, then by due time, with counts per level and a cursor', async () => {
    await newTip() // medium: name-calling every day
    h.clock.advance(60_000)
    await newTip({ text: '我不想活了，已经写好遗书，今晚就从楼顶跳下去' }) // critical
    h.clock.advance(60_000)
    await newTip({ text: 'I have a suggestion about the canteen menu' }) // low
    await newTip({ school: 'QX-H01' }) // another school: never in this counselor's queue
    const page = await queue()
    expect(page.cases.map((c) => c.level)).toEqual(['critical', 'medium', 'low'])
    expect(page.cases.every((c) => c.school === 'QX-P03')).toBe(true)
    expect(page.counts).toEqual({ critical: 1, high: 0, medium: 1, low: 1 })

    const first = await queue('?limit=2')
    expect(first.cases).toHaveLength(2)
    const second = await queue(`?limit=2&cursor=${first.nextCursor}`)
    expect(second.cases.map((c) => c.level)).toEqual(['low'])
    expect(second.nextCursor).toBeNull()

    expect((await queue('?level=critical')).cases).toHaveLength(1)
    expect((await queue('?category=self_harm')).cases.map((c) => c.level)).toEqual(['critical'])
    h.clock.advance(20 * 60_000) // the critical case is 15 minutes overdue now
    expect((await queue('?overdue=1')).cases.map((c) => c.level)).toEqual(['critical'])
  })

  it('filters by status and by what is assigned to me', async () => {
    await newTip()
    await newTip()
    const [a] = (await queue()).cases
    expect((await act(a!.id, 'claim')).status).toBe(200)
    expect((await act(a!.id, 'acknowledge')).status).toBe(200)
    expect((await queue('?assigned=me')).cases.map((c) => c.id)).toEqual([a!.id])
    expect((await queue('?status=acknowledged')).cases.map((c) => c.id)).toEqual([a!.id])
    expect((await queue('?status=new')).cases).toHaveLength(1)
  })

  it('answers 400 for a cursor it did not make', async () => {
    const res = await h.staffRequest('GET', '/api/cases?cursor=bm9wZQ', { token })
    expect(res.status).toBe(400)
  })
})

describe('a case', () => {
  it('shows the decrypted text, the words behind each signal, the ledger and the allowed actions', async () => {
    await newTip({ where: 'classroom', when: '昨天下午' })
    const [item] = (await queue()).cases
    const res = await h.staffRequest('GET', `/api/cases/${item!.id}`, { token })
    expect(res.status).toBe(200)
    const view = (await res.json()) as {
      tips: { text: string; when: string; where: string; reporter: string; signals: { text: string; start: number; end: number }[] }[]
      ledger: { action: string }[]
      allowedActions: string[]
      case: { state: string }
    }
    const [tip] = view.tips
    expect(tip!.text).toBe(tipBody().text)
    expect(tip!).toMatchObject({ when: '昨天下午', where: 'classroom', reporter: 'student' })
    expect(tip!.signals.length).toBeGreaterThan(0)
    for (const s of tip!.signals) expect(s.text).toBe(tip!.text.slice(s.start, s.end))
    expect(view.ledger.map((e) => e.action)).toEqual(['tip.received', 'tip.scored'])
    expect(view.allowedActions).toContain('acknowledge')
    expect(view.case.state).toBe('new')
  })

  it('walks the life cycle: each action a ledger event, illegal ones 409 with the allowed list', async () => {
    const { receipt } = await newTip()
    const [item] = (await queue()).cases
    const id = item!.id
    const early = await act(id, 'resolve', { code: 'resolved_mediation', summary: '调解' })
    expect(early.status).toBe(409)
    expect(((await early.json()) as { error: { allowed: string[] } }).error.allowed).toContain('acknowledge')

    expect((await act(id, 'notes', { text: '明天找班主任了解情况' })).status).toBe(201)
    expect((await act(id, 'level', { level: 'high', reason: '已持续一个月' })).status).toBe(200)
    expect((await act(id, 'messages', { text: '我们看到了，老师会帮你。你愿意说说是哪个班吗？' })).status).toBe(201)
    expect((await act(id, 'escalate', { to: 'district', reason: '涉及多名学生' })).status).toBe(200)
    const resolved = await act(id, 'resolve', { code: 'resolved_mediation', summary: '双方家长到校调解' })
    expect(resolved.status).toBe(200)
    expect(((await resolved.json()) as { allowedActions: string[] }).allowedActions).toEqual(['note', 'link', 'reopen'])
    expect((await act(id, 'reopen', { reason: '又发生了' })).status).toBe(200)
    expect((await act(id, 'dismiss', { reason: 'duplicate' })).status).toBe(400) // a duplicate must say of what

    const view = (await (await h.staffRequest('GET', `/api/cases/${id}`, { token })).json()) as {
      case: { level: string; scorerLevel: string; state: string; escalated: boolean }
      notes: { kind: string; text: string }[]
      messages: { direction: string; text: string }[]
      ledger: { action: string; actor: string }[]
    }
    expect(view.case).toMatchObject({ level: 'high', scorerLevel: 'medium', state: 'investigating', escalated: true })
    // Same fake millisecond for every action, so compare as sets.
    expect(view.notes.map((n) => n.kind).sort()).toEqual(['note', 'reason', 'reason', 'reason', 'summary'])
    expect(view.notes.find((n) => n.kind === 'note')!.text).toBe('明天找班主任了解情况')
    expect(view.ledger.map((e) => e.action)).toEqual([
      'tip.received',
      'tip.scored',
      'case.note',
      'case.level',
      'case.deadlines_moved',
      'case.message',
      'case.escalate',
      'case.resolve',
      'case.reopen',
    ])
    expect(view.ledger.slice(2).every((e) => e.actor === counselorId)).toBe(true)

    // The reporter reads the counselor's message through the receipt.
    const followup = (await (await h.post('/api/followup', { receipt })).json()) as { messages: { from: string; text: string }[]; status: string }
    expect(followup.messages).toEqual([expect.objectContaining({ from: 'counselor', text: '我们看到了，老师会帮你。你愿意说说是哪个班吗？' })])
    expect(followup.status).toBe('in_progress')

    // No text in the ledger: only ids of sealed notes.
    const raw = new Uint8Array(await (await h.staffRequest('GET', `/api/cases/${id}/ledger.csv`, { token })).arrayBuffer())
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // a BOM, so spreadsheets read the Chinese right
    const csv = new TextDecoder().decode(raw)
    expect(csv.split('\r\n')[0]).toBe('seq,time,actor,action,payload,text,prev_hash,hash')
    expect(csv).toContain('明天找班主任了解情况')
    expect(csv).toContain('li@qx.test')
  })

  it('stops two counselors from acting on the same state at once', async () => {
    await h.addStaff({ email: 'wang@qx.test', role: 'counselor', school: 'QX-P03' })
    const other = await h.signIn('wang@qx.test')
    await newTip()
    const [item] = (await queue()).cases
    const results = await Promise.all([act(item!.id, 'acknowledge'), act(item!.id, 'acknowledge', {}, other)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const view = (await (await h.staffRequest('GET', `/api/cases/${item!.id}`, { token })).json()) as { ledger: { action: string }[] }
    expect(view.ledger.filter((e) => e.action.startsWith('case.'))).toHaveLength(1)

    // The guard itself: two writes decided on the same version, committed together — only one lands.
    const row = (await findCase(h.db, item!.id))!
    const unit = (action: CaseAction, next: CaseState) => caseActionUnit(h.db, { row, action, next, actorId: counselorId, at: h.clock.now() })
    const outcomes = await Promise.allSettled([
      h.writer.submit(unit({ type: 'resolve', code: 'unfounded', summary: 'x' }, 'resolved')),
      h.writer.submit(unit({ type: 'dismiss', reason: 'prank' }, 'dismissed')),
    ])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect((await findCase(h.db, item!.id))!.version).toBe(row.version + 1)
    const { verifyChain } = await import('../../src/ledger/chain')
    expect(verifyChain(await readEvents(h.db)).ok).toBe(true)
  })

  it('links a tip about the same incident and assigns to a colleague', async () => {
    const colleague = await h.addStaff({ email: 'zhao@qx.test', role: 'counselor', school: 'QX-P03' })
    const elsewhere = await h.addStaff({ email: 'sun@qx.test', role: 'counselor', school: 'QX-H01' })
    await newTip()
    h.clock.advance(1000)
    await newTip({ text: '他们在班群里一直发我的丑照' })
    const [a, b] = (await queue()).cases
    const viewB = (await (await h.staffRequest('GET', `/api/cases/${b!.id}`, { token })).json()) as { tips: { id: string }[] }
    expect((await act(a!.id, 'link', { tipId: viewB.tips[0]!.id })).status).toBe(200)
    expect((await act(a!.id, 'link', { tipId: viewB.tips[0]!.id })).status).toBe(409)
    const viewA = (await (await h.staffRequest('GET', `/api/cases/${a!.id}`, { token })).json()) as { linkedTips: { id: string }[] }
    expect(viewA.linkedTips.map((t) => t.id)).toEqual([viewB.tips[0]!.id])
    expect((await act(a!.id, 'assign', { to: colleague })).status).toBe(200)
    expect((await act(a!.id, 'assign', { to: elsewhere })).status).toBe(400)
  })

  it('404s an unknown case', async () => {
    expect((await h.staffRequest('GET', '/api/cases/nope', { token })).status).toBe(404)
    expect((await act('nope', 'claim')).status).toBe(404)
  })
})

describe('tips staff record', () => {
  it('takes a phone tip through the intake path, records the channel and who took it, and gives a receipt', async () => {
    const res = await h.staffRequest('POST', '/api/cases/intake', { token, body: { ...tipBody(), reporter: 'parent', channel: 'phone' } })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { receipt: string; caseId: string; level: string }
    expect(body.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const view = (await (await h.staffRequest('GET', `/api/cases/${body.caseId}`, { token })).json()) as {
      tips: { channel: string; reporter: string }[]
      ledger: { action: string; actor: string; payload: { channel: string } }[]
    }
    expect(view.tips[0]).toMatchObject({ channel: 'phone', reporter: 'parent' })
    expect(view.ledger[0]).toMatchObject({ action: 'tip.received', actor: counselorId, payload: { channel: 'phone' } })
    expect((await h.post('/api/followup', { receipt: body.receipt })).status).toBe(200)
  })

  it('refuses a tip for another school', async () => {
    const res = await h.staffRequest('POST', '/api/cases/intake', { token, body: { ...tipBody({ school: 'QX-H01' }), channel: 'in_person' } })
    expect(res.status).toBe(403)
  })
})
