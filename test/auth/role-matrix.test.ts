import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/auth/roles'
import { type Harness, makeHarness, tipBody } from '../support/harness'

/**
 * Every staff route × every kind of caller × the resource's school being the caller's own or another:
 * the exact status. Case data belongs to QX-P03; "other" callers belong to QX-H01.
 */

type Who = 'nobody' | 'counselor_own' | 'counselor_other' | 'legal_vp_school' | 'legal_vp_district' | 'district_admin'
const callers: Record<Exclude<Who, 'nobody'>, { role: Role; school: string | null }> = {
  counselor_own: { role: 'counselor', school: 'QX-P03' },
  counselor_other: { role: 'counselor', school: 'QX-H01' },
  legal_vp_school: { role: 'legal_vp', school: 'QX-P03' },
  legal_vp_district: { role: 'legal_vp', school: null },
  district_admin: { role: 'district_admin', school: null },
}

let h: Harness
let n = 0
let colleague: string
beforeAll(async () => {
  h = await makeHarness({ env: { LOG_REQUESTS: '0', RATE_LIMITS: '0' } })
  for (const [who, c] of Object.entries(callers)) await h.addStaff({ email: `${who}@qx.test`, role: c.role, school: c.school })
  colleague = await h.addStaff({ email: 'colleague@qx.test', role: 'counselor', school: 'QX-P03' })
})
afterAll(async () => h.close())

/** A fresh case at QX-P03, moved through `steps` by its counselor first. */
async function freshCase(steps: [string, unknown][] = []): Promise<{ id: string; otherTip: string }> {
  await h.post('/api/tips', tipBody({ text: `第${++n}次：班上有人天天骂我` }))
  await h.post('/api/tips', tipBody({ text: `第${n}次：还把我的书扔了` }))
  const token = await h.signIn('counselor_own@qx.test')
  const { cases } = (await (await h.staffRequest('GET', '/api/cases?status=new&limit=100', { token })).json()) as { cases: { id: string; createdAt: string }[] }
  const [a, b] = cases.slice(-2)
  for (const [action, body] of steps) await h.staffRequest('POST', `/api/cases/${a!.id}/${action}`, { token, body })
  const view = (await (await h.staffRequest('GET', `/api/cases/${b!.id}`, { token })).json()) as { tips: { id: string }[] }
  return { id: a!.id, otherTip: view.tips[0]!.id }
}

interface Route {
  name: string
  /** Status for callers allowed to use the route. */
  ok: 200 | 201
  /** Callers allowed; everyone else signed in gets 403. */
  allowed: Who[]
  request: () => Promise<{ method: string; path: string; body?: unknown }>
}

const caseWork: Who[] = ['counselor_own', 'district_admin']
const admins: Who[] = ['district_admin']
const everyone: Who[] = ['counselor_own', 'counselor_other', 'legal_vp_school', 'legal_vp_district', 'district_admin']

const caseAction = (action: string, body: (c: { otherTip: string }) => unknown, ok: 200 | 201 = 200, steps: [string, unknown][] = []): Route => ({
  name: `POST /api/cases/:id/${action}`,
  ok,
  allowed: caseWork,
  request: async () => {
    const c = await freshCase(steps)
    return { method: 'POST', path: `/api/cases/${c.id}/${action}`, body: body(c) }
  },
})

const routes: Route[] = [
  { name: 'GET /api/auth/me', ok: 200, allowed: everyone, request: async () => ({ method: 'GET', path: '/api/auth/me' }) },
  { name: 'POST /api/auth/logout', ok: 200, allowed: everyone, request: async () => ({ method: 'POST', path: '/api/auth/logout' }) },
  { name: 'POST /api/auth/totp/start', ok: 200, allowed: everyone, request: async () => ({ method: 'POST', path: '/api/auth/totp/start' }) },
  { name: 'GET /api/cases?school=QX-P03', ok: 200, allowed: caseWork, request: async () => ({ method: 'GET', path: '/api/cases?school=QX-P03' }) },
  {
    name: 'GET /api/cases/:id',
    ok: 200,
    allowed: caseWork,
    request: async () => ({ method: 'GET', path: `/api/cases/${(await freshCase()).id}` }),
  },
  {
    name: 'GET /api/cases/:id/ledger.csv',
    ok: 200,
    allowed: caseWork,
    request: async () => ({ method: 'GET', path: `/api/cases/${(await freshCase()).id}/ledger.csv` }),
  },
  caseAction('claim', () => ({})),
  caseAction('assign', () => ({ to: colleague })),
  caseAction('acknowledge', () => ({})),
  caseAction('notes', () => ({ text: '了解情况' }), 201),
  caseAction('messages', () => ({ text: '我们看到了' }), 201),
  caseAction('level', () => ({ level: 'high', reason: '持续' })),
  caseAction('escalate', () => ({ to: 'legal_vp', reason: '需要法治副校长' })),
  caseAction('link', (c) => ({ tipId: c.otherTip })),
  caseAction('resolve', () => ({ code: 'resolved_intervention', summary: '已处理' }), 200, [['acknowledge', {}]]),
  caseAction('dismiss', () => ({ reason: 'prank' })),
  caseAction('reopen', () => ({ reason: '又发生了' }), 200, [['dismiss', { reason: 'prank' }]]),
  {
    name: 'POST /api/cases/intake (QX-P03)',
    ok: 201,
    allowed: caseWork,
    request: async () => ({ method: 'POST', path: '/api/cases/intake', body: { ...tipBody(), channel: 'phone' } }),
  },
  { name: 'GET /api/ledger/verify', ok: 200, allowed: admins, request: async () => ({ method: 'GET', path: '/api/ledger/verify' }) },
  { name: 'GET /api/ledger/head', ok: 200, allowed: admins, request: async () => ({ method: 'GET', path: '/api/ledger/head' }) },
  { name: 'GET /api/staff', ok: 200, allowed: admins, request: async () => ({ method: 'GET', path: '/api/staff' }) },
  {
    name: 'POST /api/staff',
    ok: 201,
    allowed: admins,
    request: async () => ({ method: 'POST', path: '/api/staff', body: { email: `made${++n}@qx.test`, role: 'counselor', school: 'QX-P03' } }),
  },
  {
    name: 'PATCH /api/staff/:id',
    ok: 200,
    allowed: admins,
    request: async () => ({ method: 'PATCH', path: `/api/staff/${colleague}`, body: { requireTotp: false } }),
  },
  { name: 'GET /api/informant-codes', ok: 200, allowed: admins, request: async () => ({ method: 'GET', path: '/api/informant-codes' }) },
  {
    name: 'POST /api/informant-codes',
    ok: 201,
    allowed: admins,
    request: async () => ({ method: 'POST', path: '/api/informant-codes', body: { school: 'QX-P03', label: `信息员 ${++n}`, role: 'student_informant' } }),
  },
  {
    name: 'POST /api/informant-codes/:id/revoke',
    ok: 200,
    allowed: admins,
    request: async () => ({ method: 'POST', path: '/api/informant-codes/1/revoke' }),
  },
  { name: 'GET /api/canned-replies', ok: 200, allowed: ['counselor_own', 'counselor_other', 'district_admin'], request: async () => ({ method: 'GET', path: '/api/canned-replies' }) },
  {
    name: 'POST /api/canned-replies',
    ok: 201,
    allowed: admins,
    request: async () => ({ method: 'POST', path: '/api/canned-replies', body: { lang: 'en', title: 'Thanks', text: 'We read it.' } }),
  },
]

const rows = routes.flatMap((route) =>
  (['nobody', ...Object.keys(callers)] as Who[]).map((who) => ({
    route,
    who,
    expected: who === 'nobody' ? 401 : route.allowed.includes(who) ? route.ok : 403,
  })),
)

describe('the role matrix', () => {
  it.each(rows.map((r) => [r.route.name, r.who, r.expected, r] as const))('%s as %s → %i', async (_name, who, expected, row) => {
    const { method, path, body } = await row.route.request()
    const token = who === 'nobody' ? undefined : await h.signIn(`${who}@qx.test`)
    const res = await h.staffRequest(method, path, { token, body })
    if (res.status !== expected) throw new Error(`${method} ${path} as ${who}: ${res.status} ${await res.text()}`)
    expect(res.status).toBe(expected)
  })
})
