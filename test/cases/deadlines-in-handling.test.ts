import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, makeHarness, tipBody } from '../support/harness'

/**
 * Issue 6's clocks as staff meet them in issue 4's routes: re-triage moves both deadlines with an event,
 * the queue shows and filters them, resolving starts the follow-up clock, escalating to the district is
 * recorded, and the case page lists related tips with the words they share.
 */
let h: Harness
let token: string
beforeEach(async () => {
  h = await makeHarness({ env: { RATE_LIMITS: '0', LOG_REQUESTS: '0' } })
  await h.addStaff({ email: 'li@qx.test', role: 'counselor', school: 'QX-P03' })
  token = await h.signIn('li@qx.test')
})
afterEach(async () => h.close())

const HOUR = 3_600_000
type CaseJson = {
  case: Record<string, unknown> & { id: string; firstResponseDueAt: string; resolutionDueAt: string | null }
  ledger: { action: string; payload: Record<string, unknown> }[]
  related: { reference: string; shared: { kind: string; words: string[] }[] }[]
}

async function newCase(overrides: Record<string, unknown> = {}) {
  expect((await h.post('/api/tips', tipBody(overrides))).status).toBe(201)
  const res = await h.staffRequest('GET', '/api/cases', { token })
  const { cases } = (await res.json()) as { cases: { id: string; createdAt: string }[] }
  return [...cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!.id
}
const view = async (id: string) => (await (await h.staffRequest('GET', `/api/cases/${id}`, { token })).json()) as CaseJson
const act = (id: string, action: string, body: unknown = {}) => h.staffRequest('POST', `/api/cases/${id}/${action}`, { token, body })
const queue = async (query: string) =>
  ((await (await h.staffRequest('GET', `/api/cases${query}`, { token })).json()) as { cases: { id: string; overdue: boolean; dueWithinHour: boolean; nextDueAt: string | null }[] }).cases

describe('deadlines in case handling', () => {
  it('moves both clocks on re-triage and says so in the ledger', async () => {
    const id = await newCase() // medium: 24 h to respond, 10 days to resolve
    const before = await view(id)
    expect(Date.parse(before.case.firstResponseDueAt) - Date.parse(before.case.createdAt as string)).toBe(24 * HOUR)
    expect(before.case.resolutionDueAt).not.toBeNull()

    expect((await act(id, 'level', { level: 'critical', reason: '了解后发现有人带刀' })).status).toBe(200)
    const after = await view(id)
    expect(Date.parse(after.case.firstResponseDueAt) - Date.parse(after.case.createdAt as string)).toBe(15 * 60_000)
    expect(Date.parse(after.case.resolutionDueAt!)).toBeLessThan(Date.parse(before.case.resolutionDueAt!))
    const moved = after.ledger.find((e) => e.action === 'case.deadlines_moved')
    expect(moved?.payload).toMatchObject({ from: 'medium', to: 'critical' })
  })

  it('flags and filters cases that are overdue or due within the hour', async () => {
    const id = await newCase({ text: '他说今晚要找人打我' }) // critical: 15 minutes
    expect((await queue('?due_soon=1')).map((c) => c.id)).toEqual([id])
    expect(await queue('?overdue=1')).toEqual([])
    h.clock.advance(16 * 60_000)
    const [row] = await queue('?overdue=1')
    expect(row).toMatchObject({ id, overdue: true, dueWithinHour: false })
    expect(await queue('?due_soon=1')).toEqual([])
    expect((await view(id)).case).toMatchObject({ overdue: true })
  })

  it('starts the 30-day follow-up clock on resolve and records an escalation to the district', async () => {
    const id = await newCase()
    await act(id, 'acknowledge')
    expect((await act(id, 'escalate', { to: 'district', reason: '需要教育局督办' })).status).toBe(200)
    expect((await act(id, 'resolve', { code: 'resolved_intervention', summary: '已约谈双方家长' })).status).toBe(200)
    const { case: c } = await view(id)
    expect(c.escalatedTo).toEqual(['district'])
    expect(c.districtEscalatedAt).not.toBeNull()
    expect(Date.parse(c.followUpDueAt as string) - Date.parse(c.closedAt as string)).toBe(30 * 24 * HOUR)
  })

  it('lists related tips on the case page with the words they share', async () => {
    await newCase({ text: '初二3班的王小明天天骂我是猪' })
    h.clock.advance(60_000)
    const id = await newCase({ text: '王小明又在群里骂我，还推我' })
    const { related } = await view(id)
    expect(related).toHaveLength(1)
    expect(related[0]!.shared.flatMap((s) => s.words)).toContain('王小明')
  })
})
