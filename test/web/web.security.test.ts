import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assets } from '../../src/web/assets'
import { type Harness, makeHarness } from '../support/harness'
import { postForm, receiptIn, tipForm } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const HOSTILE = `</textarea><script>alert(1)</script><img src=x onerror=alert(2)>"'><svg onload=alert(3)>&amp;`

/** Every reporter page, GET and POST, as responses to check. */
async function everyPage(): Promise<[string, Response][]> {
  const sent = await postForm(h, '/report', tipForm())
  const receipt = receiptIn(await sent.clone().text())
  return [
    ['/', await h.get('/')],
    ['/s/QX-P03', await h.get('/s/QX-P03')],
    ['/s/QX-P03/poster', await h.get('/s/QX-P03/poster')],
    ['/followup', await h.get('/followup')],
    ['POST /report', sent],
    ['POST /report (bad)', await postForm(h, '/report', tipForm({ text: '' }))],
    ['POST /followup', await postForm(h, '/followup', { receipt })],
    ['POST /followup/reply', await postForm(h, '/followup/reply', { receipt, text: '补充' })],
    ['404', await h.get('/nope')],
    ['API', await h.get('/api/schools')],
  ]
}

describe('security headers', () => {
  it('puts a strict CSP, frame denial, no referrer and nosniff on every page and API answer', async () => {
    for (const [name, res] of await everyPage()) {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, name).toContain("default-src 'none'")
      expect(csp, name).toContain("script-src 'self'")
      expect(csp, name).toContain("style-src 'self'")
      expect(csp, name).toContain("frame-ancestors 'none'")
      expect(csp, name).toContain("form-action 'self'")
      expect(csp, name).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/)
      expect(res.headers.get('x-frame-options'), name).toBe('DENY')
      expect(res.headers.get('referrer-policy'), name).toBe('no-referrer')
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff')
      expect(res.headers.get('set-cookie'), name).toBeNull()
    }
  })

  it('keeps pages out of caches, and serves the static files for a year under content-hashed names', async () => {
    for (const [name, res] of (await everyPage()).filter(([n]) => n !== 'API')) expect(res.headers.get('cache-control'), name).toBe('no-store')
    for (const file of Object.values(assets)) {
      const res = await h.get(file.path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(file.type)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    }
  })

  it('has no inline script, inline style or style attribute in any page, and no address of another site', async () => {
    for (const [name, res] of (await everyPage()).filter(([n]) => n !== 'API')) {
      const html = await res.text()
      expect(html.match(/<script[^>]*>/g), name).toEqual([`<script src="${assets.js.path}" defer="">`])
      expect(html, name).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i)
      expect(html.replace(/http:\/\/localhost\/s\/QX-P03/g, ''), name).not.toMatch(/(src|href|action)="(https?:)?\/\//)
    }
    expect(assets.css.body).not.toMatch(/url\(|@import/)
  })
})

describe('output escaping', () => {
  it('escapes tip text full of HTML and script when the form comes back', async () => {
    const html = await (await postForm(h, '/report', tipForm({ school: '', text: HOSTILE, when: HOSTILE.slice(0, 150) }))).text()
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<svg onload')
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('value="&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&gt;')
  })

  it('escapes a hostile message in the conversation, and a hostile receipt typed back', async () => {
    const receipt = receiptIn(await (await postForm(h, '/report', tipForm())).text())
    const html = await (await postForm(h, '/followup/reply', { receipt, text: HOSTILE })).text()
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const typed = await (await postForm(h, '/followup', { receipt: '"><script>alert(1)</script>' })).text()
    expect(typed).not.toContain('<script>alert')
  })

  it('ignores a hostile ?lang=', async () => {
    const html = await (await h.get('/?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E')).text()
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('<html lang="zh-CN">')
  })
})

describe('form posts from other sites', () => {
  it('refuses a cross-site or same-site post with a 403 page and takes nothing', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await postForm(h, '/report', tipForm(), { headers: { 'sec-fetch-site': site } })
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('这个表单不是从本网站发出的')
    }
    const reply = await postForm(h, '/followup/reply', { receipt: '0000-0000-0000-0000', text: 'x' }, { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(reply.status).toBe(403)
  })

  it('without Sec-Fetch-Site (old browsers) refuses a foreign Origin, and accepts our own pages’ null Origin', async () => {
    expect((await postForm(h, '/report', tipForm(), { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    expect((await postForm(h, '/report', tipForm(), { headers: { origin: 'null' } })).status).toBe(201)
    expect((await postForm(h, '/report', tipForm(), { headers: { origin: 'http://localhost' } })).status).toBe(201)
    expect((await postForm(h, '/report', tipForm(), { headers: {} })).status).toBe(201)
  })
})

describe('page weight', () => {
  it('keeps every page, with its stylesheet and script, under 50 KB', async () => {
    const shared = new TextEncoder().encode(assets.css.body).length + new TextEncoder().encode(assets.js.body).length
    for (const [name, res] of (await everyPage()).filter(([n]) => n !== 'API')) {
      const bytes = (await res.arrayBuffer()).byteLength + shared
      expect(bytes, name).toBeLessThan(50 * 1024)
    }
  })
})
