import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { base32Decode } from '../../src/auth/base32'
import { generateTotp } from '../../src/auth/totp'
import { DEMO_PASSWORD } from '../../src/auth/accounts'
import { type Harness, TEST_PASSWORD, makeHarness } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness({ env: { LOG_REQUESTS: '0' } })
  await h.addStaff({ email: 'li@qx.test', role: 'counselor', school: 'QX-P03' })
})
afterEach(async () => h.close())

const login = (body: Record<string, unknown>, client = 'c1') => h.post('/api/auth/login', body, { client })

describe('sign-in', () => {
  it('sets an HttpOnly, Secure, SameSite=Strict cookie and answers the token and user', async () => {
    const res = await login({ email: ' LI@qx.test ', password: TEST_PASSWORD })
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^tipline_session=ey/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const body = (await res.json()) as { token: string; user: Record<string, unknown> }
    expect(body.user).toMatchObject({ email: 'li@qx.test', role: 'counselor', school: 'QX-P03', totpEnabled: false })
    expect(JSON.stringify(body.user)).not.toMatch(/pbkdf2/)
    // The cookie works as well as the Bearer header.
    const me = await h.app.request('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } })
    expect(me.status).toBe(200)
  })

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await login({ email: 'nobody@qx.test', password: TEST_PASSWORD })
    const wrong = await login({ email: 'li@qx.test', password: 'wrong password' })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.json()).toEqual(await wrong.json())
  })

  it('locks an account after five failures, and a client spraying many accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ email: 'li@qx.test', password: 'nope' }, `c${i}`)).status).toBe(401)
    const locked = await login({ email: 'li@qx.test', password: TEST_PASSWORD }, 'c9')
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBeTruthy()
    for (let i = 0; i < 20; i++) await login({ email: `x${i}@qx.test`, password: 'nope' }, 'sprayer')
    expect((await login({ email: 'y@qx.test', password: 'nope' }, 'sprayer')).status).toBe(429)
  })

  it('401s without a token, with a forged one and after sign-out; the demo accounts sign in', async () => {
    expect((await h.get('/api/auth/me')).status).toBe(401)
    expect((await h.staffRequest('GET', '/api/auth/me', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' })).status).toBe(401)
    const token = await h.signIn('li@qx.test')
    expect((await h.staffRequest('POST', '/api/auth/logout', { token })).status).toBe(200)
    const after = await h.staffRequest('GET', '/api/auth/me', { token })
    expect(after.status).toBe(401)
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('session_revoked')
    for (const email of ['admin@demo.local', 'legalvp@demo.local', 'counselor@demo.local']) await h.signIn(email, DEMO_PASSWORD)
    const me = await h.staffRequest('GET', '/api/auth/me', { token: await h.signIn('counselor@demo.local', DEMO_PASSWORD) })
    expect(((await me.json()) as { user: { school: string } }).user.school).toBe('QX-H01')
  })

  it('expires sessions after eight hours', async () => {
    const token = await h.signIn('li@qx.test')
    h.clock.advance(8 * 3600_000 + 1000)
    const res = await h.staffRequest('GET', '/api/auth/me', { token })
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('session_expired')
  })

  it('changes the password, revoking every other session', async () => {
    const old = await h.signIn('li@qx.test')
    const res = await h.staffRequest('POST', '/api/auth/password', { token: old, body: { currentPassword: TEST_PASSWORD, newPassword: 'a much longer passphrase' } })
    expect(res.status).toBe(200)
    const { token: fresh } = (await res.json()) as { token: string }
    expect((await h.staffRequest('GET', '/api/auth/me', { token: old })).status).toBe(401)
    expect((await h.staffRequest('GET', '/api/auth/me', { token: fresh })).status).toBe(200)
    expect((await login({ email: 'li@qx.test', password: 'a much longer passphrase' })).status).toBe(200)
  })
})

describe('two-step sign-in', () => {
  it('enrols with a code, then needs one at sign-in; recovery codes work once', async () => {
    const token = await h.signIn('li@qx.test')
    const start = (await (await h.staffRequest('POST', '/api/auth/totp/start', { token })).json()) as { otpauthUri: string; secret: string }
    expect(start.otpauthUri).toMatch(/^otpauth:\/\/totp\/Tipline:li%40qx\.test\?secret=/)
    const secret = base32Decode(start.secret)!
    expect((await h.staffRequest('POST', '/api/auth/totp/confirm', { token, body: { code: '000000' } })).status).toBe(400)
    const confirm = await h.staffRequest('POST', '/api/auth/totp/confirm', { token, body: { code: await generateTotp(secret, h.clock.now()) } })
    expect(confirm.status).toBe(200)
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] }
    expect(recoveryCodes).toHaveLength(10)

    const noCode = await login({ email: 'li@qx.test', password: TEST_PASSWORD })
    expect(((await noCode.json()) as { error: { code: string } }).error.code).toBe('second_factor_required')
    h.clock.advance(30_000) // the enrolment code's step is used up
    const code = await generateTotp(secret, h.clock.now())
    expect((await login({ email: 'li@qx.test', password: TEST_PASSWORD, totp: code })).status).toBe(200)
    expect((await login({ email: 'li@qx.test', password: TEST_PASSWORD, totp: code })).status).toBe(401) // replayed
    expect((await login({ email: 'li@qx.test', password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] })).status).toBe(200)
    expect((await login({ email: 'li@qx.test', password: TEST_PASSWORD, recoveryCode: recoveryCodes[0] })).status).toBe(401)
  })

  it('lets a district admin make it mandatory: until enrolled, only the own account is reachable', async () => {
    const admin = await h.signIn('admin@demo.local', DEMO_PASSWORD)
    const list = (await (await h.staffRequest('GET', '/api/staff', { token: admin })).json()) as { staff: { id: string; email: string }[] }
    const li = list.staff.find((s) => s.email === 'li@qx.test')!
    expect((await h.staffRequest('PATCH', `/api/staff/${li.id}`, { token: admin, body: { requireTotp: true } })).status).toBe(200)
    const token = await h.signIn('li@qx.test')
    const queue = await h.staffRequest('GET', '/api/cases', { token })
    expect(queue.status).toBe(403)
    expect(await queue.json()).toMatchObject({ error: { code: 'setup_required', needs: ['totp_enrolment'] } })
    expect((await h.staffRequest('GET', '/api/auth/me', { token })).status).toBe(200)
  })
})

describe('accounts and informant codes (district admins)', () => {
  it('creates an account with a one-time password that must be changed first', async () => {
    const admin = await h.signIn('admin@demo.local', DEMO_PASSWORD)
    const res = await h.staffRequest('POST', '/api/staff', { token: admin, body: { email: 'new@qx.test', role: 'counselor', school: 'QX-P01' } })
    expect(res.status).toBe(201)
    const { oneTimePassword } = (await res.json()) as { oneTimePassword: string }
    const token = await h.signIn('new@qx.test', oneTimePassword)
    expect(await (await h.staffRequest('GET', '/api/cases', { token })).json()).toMatchObject({ error: { needs: ['password_change'] } })
    expect((await h.staffRequest('POST', '/api/staff', { token: admin, body: { email: 'new@qx.test', role: 'counselor', school: 'QX-P01' } })).status).toBe(409)
    expect((await h.staffRequest('POST', '/api/staff', { token: admin, body: { email: 'c2@qx.test', role: 'counselor' } })).status).toBe(400)
  })

  it('issues an informant code whose tips show "registered informant", and revokes it', async () => {
    const admin = await h.signIn('admin@demo.local', DEMO_PASSWORD)
    const res = await h.staffRequest('POST', '/api/informant-codes', { token: admin, body: { school: 'QX-P03', label: '信息员 09', role: 'student_informant' } })
    expect(res.status).toBe(201)
    const { id, code } = (await res.json()) as { id: number; code: string }
    const tip = await h.post('/api/tips', { school: 'QX-P03', text: '有人在厕所打人', reporter: 'informant', informantCode: code })
    expect(tip.status).toBe(201)
    const counselor = await h.signIn('li@qx.test')
    const [item] = ((await (await h.staffRequest('GET', '/api/cases', { token: counselor })).json()) as { cases: { id: string }[] }).cases
    const view = (await (await h.staffRequest('GET', `/api/cases/${item!.id}`, { token: counselor })).json()) as { tips: { informant: unknown }[] }
    expect(view.tips[0]!.informant).toEqual({ status: 'registered informant', label: '信息员 09' })
    expect((await h.staffRequest('POST', `/api/informant-codes/${id}/revoke`, { token: admin })).status).toBe(200)
    const refused = await h.post('/api/tips', { school: 'QX-P03', text: '又有人打人', reporter: 'informant', informantCode: code })
    expect(refused.status).toBe(400)
  })

  it('keeps canned replies per language, edited by district admins', async () => {
    const admin = await h.signIn('admin@demo.local', DEMO_PASSWORD)
    const created = await h.staffRequest('POST', '/api/canned-replies', { token: admin, body: { lang: 'zh', title: '已收到', text: '我们收到了，老师会尽快联系你。' } })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: number }
    await h.staffRequest('PUT', `/api/canned-replies/${id}`, { token: admin, body: { lang: 'zh', title: '已收到', text: '改过的' } })
    const counselor = await h.signIn('li@qx.test')
    const list = (await (await h.staffRequest('GET', '/api/canned-replies?lang=zh', { token: counselor })).json()) as { cannedReplies: { text: string }[] }
    expect(list.cannedReplies.map((r) => r.text)).toEqual(['改过的'])
    expect((await h.staffRequest('POST', '/api/canned-replies', { token: counselor, body: { lang: 'en', title: 't', text: 't' } })).status).toBe(403)
  })
})
