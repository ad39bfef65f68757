import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, makeHarness } from '../support/harness'
import { postForm } from './support'

/*
 * The admin pages through app.request: a district admin lists and creates accounts (the one-time password
 * is shown once and works), disables one and requires 2FA, issues and revokes informant codes and sees the
 * schools with their posters; a counselor gets the no-access page, signed-out visitors go to /login,
 * cross-site posts are refused and bad input comes back with a message, never a 500.
 */

let h: Harness
let admin = ''
let counselor = ''

async function signInCookie(email: string, password = 'tipline-demo'): Promise<string> {
  const res = await postForm(h, '/login', { email, password, lang: 'en' })
  expect(res.status).toBe(303)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

const get = (path: string, cookie = admin) => h.app.request(path, { headers: cookie ? { cookie } : {} })
const post = (path: string, fields: Record<string, string>, { cookie = admin, site = 'same-origin' }: { cookie?: string; site?: string } = {}) =>
  postForm(h, path, { lang: 'en', ...fields }, { headers: { 'sec-fetch-site': site, ...(cookie ? { cookie } : {}) } })
const shownCode = (html: string) => html.match(/id="one-time-code"[^>]*>([^<]+)</)?.[1]

beforeAll(async () => {
  h = await makeHarness()
  admin = await signInCookie('admin@demo.local')
  counselor = await signInCookie('counselor@demo.local')
})
afterAll(() => h?.close())

describe('who may use the admin pages', () => {
  it('sends signed-out visitors to /login, coming back afterwards', async () => {
    for (const path of ['/admin/accounts', '/admin/informant-codes', '/admin/schools']) {
      const res = await get(path, '')
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toMatch(/^\/login\?lang=/)
      expect(res.headers.get('location')).toContain(`next=${encodeURIComponent(path)}`)
    }
    const posted = await post('/admin/accounts', { email: 'x@demo.local', role: 'counselor', school: 'QX-H01' }, { cookie: '' })
    expect(posted.status).toBe(303)
  })

  it('gives a counselor a friendly no-access page, and no admin link', async () => {
    for (const path of ['/admin/accounts?lang=en', '/admin/informant-codes?lang=en', '/admin/schools?lang=en']) {
      const res = await get(path, counselor)
      expect(res.status).toBe(403)
      const html = await res.text()
      expect(html).toContain('No access to administration')
      expect(html).not.toContain('counselor@demo.local</td>')
    }
    const refused = await post('/admin/informant-codes', { school: 'QX-H01', role: 'student_informant', label: 'Informant 99' }, { cookie: counselor })
    expect(refused.status).toBe(403)
    expect(await (await get('/cases?lang=en', counselor)).text()).not.toContain('href="/admin/accounts')
  })

  it('links the admin pages from the queue for a district admin', async () => {
    const html = await (await get('/cases?lang=en')).text()
    expect(html).toContain('href="/admin/accounts?lang=en"')
    expect(html).toContain('href="/admin/informant-codes?lang=en"')
    expect(html).toContain('href="/admin/schools?lang=en"')
  })
})

describe('accounts', () => {
  it('lists the accounts with role, school, 2FA and status', async () => {
    const res = await get('/admin/accounts?lang=en')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('counselor@demo.local')
    expect(html).toContain('legalvp@demo.local')
    expect(html).toContain('Legal vice-principal')
    expect(html).toContain('QX-H01')
  })

  it('creates an account and shows its one-time password once, which signs in', async () => {
    const res = await post('/admin/accounts', { email: 'li.wei@qx.edu.cn', role: 'counselor', school: 'QX-H01' })
    expect(res.status).toBe(201)
    const html = await res.text()
    expect(html).toContain('Account created for li.wei@qx.edu.cn.')
    const password = shownCode(html)
    expect(password).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const list = await (await get('/admin/accounts?lang=en')).text()
    expect(list).toContain('li.wei@qx.edu.cn')
    expect(list).not.toContain(password!)
    const signIn = await postForm(h, '/login', { email: 'li.wei@qx.edu.cn', password: password!, lang: 'en' })
    expect(signIn.status).toBe(303)
  })

  it('disables and enables an account and requires 2FA with small forms', async () => {
    const list = await (await get('/admin/accounts?lang=en')).text()
    const row = list.split('<tr>').find((r) => r.includes('legalvp@demo.local'))!
    const id = row.match(/action="\/admin\/accounts\/([^"]+)"/)![1]!
    const disable = await post(`/admin/accounts/${id}`, { disabled: '1' })
    expect(disable.status).toBe(303)
    expect(disable.headers.get('location')).toBe('/admin/accounts?lang=en&saved=1')
    const after = await (await get('/admin/accounts?lang=en&saved=1')).text()
    expect(after).toContain('Saved.')
    expect(after.split('<tr>').find((r) => r.includes('legalvp@demo.local'))).toContain('Disabled')
    expect((await postForm(h, '/login', { email: 'legalvp@demo.local', password: 'tipline-demo' })).status).toBe(401)
    expect((await post(`/admin/accounts/${id}`, { disabled: '0' })).status).toBe(303)
    expect((await post(`/admin/accounts/${id}`, { requireTotp: '1' })).status).toBe(303)
    const last = (await (await get('/admin/accounts?lang=en')).text()).split('<tr>').find((r) => r.includes('legalvp@demo.local'))!
    expect(last).toContain('Active')
    expect(last).toContain('Required')
  })

  it('shows bad input again with a friendly message, never a 500', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ email: '', role: 'counselor', school: 'QX-H01' }, 400, 'Please fill in every required field.'],
      [{ email: 'not-an-email', role: 'counselor', school: 'QX-H01' }, 400, 'Some of what was entered is not valid.'],
      [{ email: 'a@qx.edu.cn', role: 'janitor', school: 'QX-H01' }, 400, 'Some of what was entered is not valid.'],
      [{ email: 'a@qx.edu.cn', role: 'counselor', school: '' }, 400, 'A counselor needs a school'],
      [{ email: 'a@qx.edu.cn', role: 'counselor', school: 'NOPE-1' }, 400, 'There is no school with this code.'],
      [{ email: 'counselor@demo.local', role: 'counselor', school: 'QX-H01' }, 409, 'An account with this email already exists.'],
    ]
    for (const [fields, status, message] of cases) {
      const res = await post('/admin/accounts', fields)
      expect(res.status, JSON.stringify(fields)).toBe(status)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).not.toContain('id="one-time-code"')
    }
    expect((await post('/admin/accounts/nope', { disabled: '1' })).status).toBe(404)
    expect((await post('/admin/accounts/nope', {})).status).toBe(400)
  })

  it('refuses a cross-site post', async () => {
    const res = await post('/admin/accounts', { email: 'evil@qx.edu.cn', role: 'district_admin', school: '' }, { site: 'cross-site' })
    expect(res.status).toBe(403)
    expect(await (await get('/admin/accounts?lang=en')).text()).not.toContain('evil@qx.edu.cn')
  })
})

describe('informant codes', () => {
  it('issues a code shown once with the note about names, then revokes it', async () => {
    const res = await post('/admin/informant-codes', { school: 'QX-H01', role: 'student_informant', label: 'Informant 42' })
    expect(res.status).toBe(201)
    const html = await res.text()
    const code = shownCode(html)
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(html).toContain('The student’s name is never stored here')
    const list = await (await get('/admin/informant-codes?lang=en')).text()
    expect(list).not.toContain(code!)
    const row = list.split('<tr>').find((r) => r.includes('Informant 42'))!
    expect(row).toContain('Active')
    const action = row.match(/action="(\/admin\/informant-codes\/\d+\/revoke)"/)![1]!
    const revoke = await post(action, {})
    expect(revoke.status).toBe(303)
    const after = await (await get(revoke.headers.get('location')!)).text()
    expect(after).toContain('The code is revoked.')
    expect(after.split('<tr>').find((r) => r.includes('Informant 42'))).toContain('Revoked')
  })

  it('shows bad input again with a message, and refuses a cross-site post', async () => {
    const empty = await post('/admin/informant-codes', { school: 'QX-H01', role: 'student_informant', label: '' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Please fill in every required field.')
    const unknown = await post('/admin/informant-codes', { school: 'NOPE-1', role: 'student_informant', label: 'Informant 43' })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('There is no school with this code.')
    const role = await post('/admin/informant-codes', { school: 'QX-H01', role: 'spy', label: 'Informant 43' })
    expect(role.status).toBe(400)
    expect((await post('/admin/informant-codes/999999/revoke', {})).status).toBe(404)
    expect((await post('/admin/informant-codes/abc/revoke', {})).status).toBe(404)
    const cross = await post('/admin/informant-codes', { school: 'QX-H01', role: 'student_informant', label: 'Informant 44' }, { site: 'cross-site' })
    expect(cross.status).toBe(403)
    expect(await (await get('/admin/informant-codes?lang=en')).text()).not.toContain('Informant 44')
  })
})

describe('schools', () => {
  it('lists schools with codes and links to their posters', async () => {
    const res = await get('/admin/schools?lang=en')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('QX-H01')
    expect(html).toContain('href="/s/QX-H01/poster?lang=en"')
    expect((await get('/s/QX-H01/poster?lang=en', '')).status).toBe(200)
  })

  it('renders in Chinese too', async () => {
    const html = await (await get('/admin/schools?lang=zh-CN')).text()
    expect(html).toContain('的海报')
  })
})
