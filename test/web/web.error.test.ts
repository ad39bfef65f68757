import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tips } from '../../src/db/schema'
import { type Harness, makeHarness } from '../support/harness'
import { postForm, tipForm } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness({ env: { RATE_LIMIT_TIPS_PER_HOUR: '2', RATE_LIMIT_RECEIPT_MISSES_PER_DAY: '2' } })
})
afterEach(() => h.close())

async function form(fields: Record<string, string | string[]>): Promise<{ status: number; html: string }> {
  const res = await postForm(h, '/report', tipForm(fields))
  return { status: res.status, html: await res.text() }
}

describe('bad input on the tip form', () => {
  it.each([
    ['no text', { text: '   ' }, 'text', '请写一写发生了什么。'],
    ['text too long', { text: '骂'.repeat(5001) }, 'text', '写得太长了，请少于 5000 个字。'],
    ['no school', { school: '' }, 'school', '请选择你的学校。'],
    ['a school nobody has', { school: 'QX-Z99' }, 'school', '找不到这所学校'],
    ['an unregistered informant code', { reporter: 'informant', informantCode: 'ZZZZ-ZZZZ' }, 'informant-code', '这个信息员编号不对'],
    ['a place not on the list', { where: 'moon' }, 'where', '这个选项不对'],
    ['a made-up reporter', { reporter: 'alien' }, 'reporter-student', '请选择你是谁。'],
    ['a long “when”', { when: 'x'.repeat(201) }, 'when', '“什么时候”请少于 200 个字。'],
  ])('%s: a 400 page that says so, next to the field, and links to it', async (_, fields, id, words) => {
    const { status, html } = await form(fields)
    expect(status).toBe(400)
    expect(html).toContain('class="error-summary" role="alert"')
    expect(html).toContain(`href="#${id}"`)
    expect(html).toContain(words)
    expect(await h.db.select().from(tips)).toHaveLength(0)
  })

  it('gives back everything that was typed, so nothing has to be written again', async () => {
    const { html } = await form({ school: '', when: '昨天下午', where: 'toilet', ongoing: 'no', categories: ['cyber', 'threat'] })
    expect(html).toContain(`>${tipForm().text}</textarea>`)
    expect(html).toContain('value="昨天下午"')
    expect(html).toContain('<option value="toilet" selected="">')
    expect(html).toMatch(/value="no" checked=""/)
    expect(html).toMatch(/value="cyber" checked=""/)
    expect(html).toMatch(/value="threat" checked=""/)
    expect(html).toContain('aria-invalid="true"')
  })

  it('says “wait a while” when the rate limit is reached, keeping the text', async () => {
    await form({})
    await form({})
    const { status, html } = await form({ text: '第三次' })
    expect(status).toBe(429)
    expect(html).toContain('这里发送得太频繁了')
    expect(html).toContain('>第三次</textarea>')
  })

  it('refuses a form body over 64 KiB with a page, not a 500', async () => {
    const { status, html } = await form({ text: 'x'.repeat(70_000) })
    expect(status).toBe(413)
    expect(html).toContain('内容太多了')
  })
})

describe('bad input on follow-up', () => {
  it('explains what a receipt looks like when the typed one cannot be one', async () => {
    const res = await postForm(h, '/followup', { lang: 'zh-CN', receipt: '7K3M' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('回执码是 16 个字母和数字')
    expect(html).toContain('value="7K3M"')
  })

  it('says a well-formed receipt is unknown, and after the daily allowance of misses, to wait', async () => {
    const miss = () => postForm(h, '/followup', { lang: 'en', receipt: '0000-0000-0000-0000' })
    const first = await miss()
    expect(first.status).toBe(404)
    expect(await first.text()).toContain('We cannot find this receipt code.')
    await miss()
    const third = await miss()
    expect(third.status).toBe(429)
    expect(await third.text()).toContain('Too many messages from here.')
  })

  it('asks for words when an answer is empty, and keeps the conversation on screen', async () => {
    const sent = await (await postForm(h, '/report', tipForm())).text()
    const receipt = sent.match(/id="receipt-code"[^>]*>([0-9A-Z-]{19})</)![1]!
    const res = await postForm(h, '/followup/reply', { lang: 'zh-CN', receipt, text: '  ' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('请先写一点内容再发送。')
    expect(html).toContain('我们收到了你的消息。')
  })
})

describe('pages that do not exist', () => {
  it('answers a page address with a friendly 404 page, and an API address with JSON', async () => {
    const page = await h.get('/nope')
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('这个页面不存在。')
    const api = await h.get('/api/nope')
    expect((await api.json()).error.code).toBe('not_found')
  })

  it('answers a school code nobody has with a page pointing home', async () => {
    for (const path of ['/s/QX-Z99', '/s/QX-Z99/poster']) {
      const res = await h.app.request(path, { headers: { 'accept-language': 'en' } })
      expect(res.status).toBe(404)
      expect(await res.text()).toContain('We cannot find this school.')
    }
  })
})
