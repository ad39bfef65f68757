import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { markSegments } from '../../src/web/staff/marked-text'
import { type Harness, makeHarness } from '../support/harness'
import { postForm, tipForm } from './support'

/*
 * The staff pages through app.request: sign-in sets the session cookie, signed-out visitors are sent to
 * /login, a legal vice-principal is refused case content with a friendly page, tip text is escaped with
 * its warning spans as <mark>, action forms appear only when the state allows them, and bad form input
 * gets a message, not a 500.
 */

let h: Harness
let cookie = ''
let caseId = ''
const HOSTILE = '</p><script>alert(1)</script><img src=x onerror=alert(2)> 他们打我，还说要杀了我'

async function signInCookie(email: string, password = 'tipline-demo'): Promise<string> {
  const res = await postForm(h, '/login', { email, password, lang: 'en' })
  expect(res.status).toBe(303)
  const set = res.headers.get('set-cookie') ?? ''
  expect(set).toMatch(/tipline_session=[^;]+;.*HttpOnly/i)
  expect(set).toMatch(/SameSite=Strict/i)
  return set.split(';')[0]!
}

const get = (path: string, c = cookie) => h.app.request(path, { headers: c ? { cookie: c } : {} })
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
  postForm(h, path, fields, { headers: { ...headers, cookie } })

beforeAll(async () => {
  h = await makeHarness()
  const res = await postForm(h, '/report', tipForm({ school: 'QX-H01', text: HOSTILE, lang: 'en' }))
  expect(res.status).toBe(201)
  cookie = await signInCookie('counselor@demo.local')
  const queue = await (await get("/cases?lang=en")).text()
  caseId = queue.match(/href="\/cases\/([A-Za-z0-9_-]+)\?lang=en"/)![1]!
})
afterAll(() => h?.close())

describe('signing in', () => {
  it('redirects signed-out visitors of /cases and a case page to /login', async () => {
    const queue = await get('/cases', '')
    expect(queue.status).toBe(303)
    expect(queue.headers.get('location')).toMatch(/^\/login\?lang=/)
    const page = await get(`/cases/${caseId}`, '')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toContain(`next=${encodeURIComponent(`/cases/${caseId}`)}`)
  })

  it('shows a friendly message for a wrong password or empty fields, not a 500', async () => {
    const wrong = await postForm(h, '/login', { email: 'counselor@demo.local', password: 'nope', lang: 'en' })
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('The email or password is not right.')
    const empty = await postForm(h, '/login', { email: '', password: '', lang: 'en' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Please fill in every required field.')
  })

  it('refuses a sign-in posted from another site', async () => {
    const res = await postForm(h, '/login', { email: 'counselor@demo.local', password: 'tipline-demo' }, { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('does not redirect anywhere but our own case pages after sign-in', async () => {
    const res = await postForm(h, '/login', { email: 'counselor@demo.local', password: 'tipline-demo', next: '//evil.example/x' })
    expect(res.headers.get('location')).toMatch(/^\/cases\?/)
  })

  it('gives a legal vice-principal a friendly no-access page, with no case content', async () => {
    const vp = await signInCookie('legalvp@demo.local')
    for (const path of ['/cases?lang=en', `/cases/${caseId}?lang=en`]) {
      const res = await get(path, vp)
      expect(res.status).toBe(403)
      const html = await res.text()
      expect(html).toContain('No access to case content')
      expect(html).not.toContain('他们打我')
    }
  })
})

describe('the queue and the case page', () => {
  it('lists the case with counts per level and a deadline counter', async () => {
    const res = await get('/cases?lang=en')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="queue-live"')
    expect(html).toMatch(/data-due="\d+"/)
    expect(html).toMatch(/left|Overdue by/)
    const partial = await (await get('/cases?lang=en&partial=1')).text()
    expect(partial).toContain('id="queue-live"')
    expect(partial).not.toContain('<form')
  })

  it('filters to cases due within the hour and counts down to the next running deadline', async () => {
    const queue = await (await get('/cases?lang=en')).text()
    const row = queue.slice(queue.indexOf(`/cases/${caseId}?lang=en`))
    const due = Number(row.match(/data-due="(\d+)"/)![1])
    const start = h.clock.now()
    try {
      h.clock.set(new Date(due - 30 * 60_000))
      const soon = await (await get('/cases?lang=en&due_soon=1')).text()
      expect(soon).toMatch(/name="due_soon" value="1" checked/)
      expect(soon).toContain(`/cases/${caseId}?lang=en`)
      h.clock.set(new Date(due + 60_000))
      expect(await (await get('/cases?lang=en&due_soon=1')).text()).not.toContain(`/cases/${caseId}?lang=en`)
      const overdue = await (await get('/cases?lang=en&overdue=1')).text()
      expect(overdue).toContain(`/cases/${caseId}?lang=en`)
      expect(overdue).toContain('Overdue by')
    } finally {
      h.clock.set(start)
    }
  })

  it('escapes hostile tip text and puts <mark> on the scorer’s words', async () => {
    const html = await (await get(`/cases/${caseId}?lang=en`)).text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const marks = [...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1])
    expect(marks.length).toBeGreaterThan(0)
    for (const word of marks) expect(HOSTILE).toContain(word)
    expect(marks.some((w) => /打|杀/.test(w!))).toBe(true)
  })

  it('shows only the actions the state allows, and a friendly message for bad input', async () => {
    let html = await (await get(`/cases/${caseId}?lang=en`)).text()
    expect(html).toContain(`action="/cases/${caseId}/acknowledge"`)
    expect(html).not.toContain(`action="/cases/${caseId}/resolve"`)
    expect(html).not.toContain(`action="/cases/${caseId}/reopen"`)

    const notAllowed = await post(`/cases/${caseId}/resolve`, { code: 'resolved_mediation', summary: 'x', lang: 'en' })
    expect(notAllowed.status).toBe(409)
    expect(await notAllowed.text()).toContain('not possible in the case')

    const empty = await post(`/cases/${caseId}/message`, { text: '   ', lang: 'en' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Please fill in every required field.')
    const badLevel = await post(`/cases/${caseId}/level`, { level: 'apocalyptic', reason: 'x', lang: 'en' })
    expect(badLevel.status).toBe(400)
    expect(await badLevel.text()).toContain('not valid')

    const crossSite = await post(`/cases/${caseId}/acknowledge`, {}, { 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(403)

    const ack = await post(`/cases/${caseId}/acknowledge`, { lang: 'en' })
    expect(ack.status).toBe(303)
    expect(ack.headers.get('location')).toBe(`/cases/${caseId}?lang=en&done=1`)
    html = await (await get(`/cases/${caseId}?lang=en&done=1`)).text()
    expect(html).toContain('Saved.')
    expect(html).not.toContain(`action="/cases/${caseId}/acknowledge"`)
    expect(html).toContain(`action="/cases/${caseId}/resolve"`)

    const said = await post(`/cases/${caseId}/message`, { text: '<b>which class?</b>', lang: 'en' })
    expect(said.status).toBe(303)
    html = await (await get(`/cases/${caseId}?lang=en`)).text()
    expect(html).toContain('&lt;b&gt;which class?&lt;/b&gt;')
  })

  it('assigns a case to a colleague and links a related tip from the early-warning list', async () => {
    await postForm(h, '/report', tipForm({ school: 'QX-H01', text: '初二3班的王小明天天骂我是猪', lang: 'en' }))
    h.clock.advance(60_000)
    await postForm(h, '/report', tipForm({ school: 'QX-H01', text: '王小明又在群里骂我，还推我', lang: 'en' }))
    const queue = await (await get('/cases?lang=en')).text()
    const ids = [...queue.matchAll(/href="\/cases\/([A-Za-z0-9_-]+)\?lang=en"/g)].map((m) => m[1]!)
    let html = ''
    let id = ''
    for (const candidate of ids) {
      html = await (await get(`/cases/${candidate}?lang=en`)).text()
      if (html.includes('Early warning')) {
        id = candidate
        break
      }
    }
    expect(id, 'a case page lists the related tip').not.toBe('')
    expect(html).toContain('<mark>王小明</mark>')
    const tipId = html.match(/name="tipId" value="([^"]+)"/)![1]!
    expect((await post(`/cases/${id}/link`, { tipId, lang: 'en' })).status).toBe(303)
    html = await (await get(`/cases/${id}?lang=en`)).text()
    expect(html).toContain('Related tips filed with this case')
    expect(html).not.toMatch(/<p>None<\/p>\s*<\/section>/)

    const assignForm = html.slice(html.indexOf('id="assign-to"'))
    const colleague = assignForm.match(/<option value="([^"]+)">counselor@demo.local<\/option>/)
    expect(colleague, 'the assign form lists the school’s counselors').not.toBeNull()
    expect((await post(`/cases/${id}/assign`, { to: colleague![1]!, lang: 'en' })).status).toBe(303)
    html = await (await get(`/cases/${id}?lang=en`)).text()
    expect(html).toMatch(/Assigned to<\/dt>\s*<dd>counselor@demo.local/)
  })

  it('answers an unknown case with a friendly 404 page', async () => {
    const res = await get('/cases/nope?lang=en')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('There is no such case.')
  })

  it('signs out with a POST and the cookie no longer works', async () => {
    const mine = await signInCookie('counselor@demo.local')
    const out = await h.app.request('/logout', { method: 'POST', headers: { cookie: mine, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' }, body: 'lang=en' })
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/login?lang=en&out=1')
    expect((await get('/cases', mine)).status).toBe(303)
  })
})

describe('markSegments', () => {
  it('cuts text at spans, clipping overlaps and dropping spans outside the text', () => {
    expect(markSegments('they hit me', [{ start: 5, end: 8, category: 'physical' }])).toEqual([
      { text: 'they ' },
      { text: 'hit', mark: 'physical' },
      { text: ' me' },
    ])
    expect(markSegments('abcdef', [{ start: 1, end: 4, category: 'a' }, { start: 2, end: 5, category: 'b' }, { start: 9, end: 12, category: 'c' }])).toEqual([
      { text: 'a' },
      { text: 'bcd', mark: 'a' },
      { text: 'e', mark: 'b' },
      { text: 'f' },
    ])
  })
})
