import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unseal } from '../../src/crypto/seal'
import { messages, tips } from '../../src/db/schema'
import { tipContext } from '../../src/tips/intake'
import { type Harness, makeHarness } from '../support/harness'
import { postForm, receiptIn, tipForm } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

describe('the tip form', () => {
  it('is the home page, in Chinese by default, listing the active schools', async () => {
    const res = await h.get('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/)
    expect(html).toContain('告诉我们发生了什么')
    expect(html.match(/<option value="QX-/g)).toHaveLength(14)
    expect(html).toContain('action="/report"')
  })

  it('preselects the school on a poster link /s/:code, in any case', async () => {
    const html = await (await h.get('/s/qx-p05')).text()
    expect(html).toContain('<option value="QX-P05" selected="">')
    expect(html).toContain('href="/s/QX-P05?lang=en"')
  })

  it('takes a tip through the same intake as the API: case, tip, the reporter’s picks, text and time sealed', async () => {
    const res = await postForm(h, '/report', tipForm({ where: 'classroom', when: '每天午休', ongoing: 'yes', categories: ['verbal', 'social'] }))
    expect(res.status).toBe(201)
    const html = await res.text()
    expect(receiptIn(html)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(html).toContain('已经发送。谢谢你告诉我们。')
    expect(html).toContain('这是回来查看进展、和老师说话的唯一方法')
    expect(html).not.toMatch(/\b(critical|high|medium|low|score|level)\b/i)
    const [tip] = await h.db.select().from(tips)
    expect(tip).toMatchObject({ reporter: 'student', place: 'classroom', ongoing: true, reporterCategories: ['verbal', 'social'], lang: 'zh' })
    expect(JSON.parse(await unseal(h.keys, tipContext(tip!.id), tip!))).toEqual({ text: tipForm().text, when: '每天午休' })
  })

  it('leaves optional fields out when they are empty, and counts the informant code only for informants', async () => {
    const res = await postForm(h, '/report', tipForm({ where: '', when: '  ', ongoing: 'unsure', informantCode: 'nonsense' }))
    expect(res.status).toBe(201)
    const [tip] = await h.db.select().from(tips)
    expect(tip).toMatchObject({ place: null, ongoing: null, informantCodeId: null, reporterCategories: null })
  })

  it('takes an informant’s tip with a registered code', async () => {
    const res = await postForm(h, '/report', tipForm({ reporter: 'informant', informantCode: 'xq7k 4m2p' }))
    expect(res.status).toBe(201)
    const [tip] = await h.db.select().from(tips)
    expect(tip!.reporter).toBe('informant')
    expect(tip!.informantCodeId).not.toBeNull()
  })

  it('shows help for right now first when the tip shows self-harm or danger, in the page’s language', async () => {
    const html = await (await postForm(h, '/report', tipForm({ lang: 'en', text: '我不想活了' }))).text()
    const main = html.slice(html.indexOf('<main'))
    expect(main).toMatch(/^<main id="main"><section class="help"/)
    expect(main).toContain('You are not alone. You can get help right now.')
    expect(main).toContain('href="tel:12355"')
    expect(main.indexOf('class="help"')).toBeLessThan(main.indexOf('id="receipt-code"'))
  })

  it('shows no help box for an ordinary tip', async () => {
    const html = await (await postForm(h, '/report', tipForm())).text()
    expect(html).not.toContain('class="help"')
  })
})

describe('follow-up', () => {
  async function receipt(): Promise<string> {
    return receiptIn(await (await postForm(h, '/report', tipForm())).text())
  }

  it('asks for the receipt with a POST form, never in the address', async () => {
    const html = await (await h.get('/followup')).text()
    expect(html).toContain('<form method="post" action="/followup"')
    expect(html).toContain('name="receipt"')
  })

  it('shows the status in plain words and an empty conversation', async () => {
    const code = await receipt()
    const res = await postForm(h, '/followup', { lang: 'zh-CN', receipt: code.toLowerCase().replaceAll('-', ' ') })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('我们收到了你的消息。老师会尽快看到它。')
    expect(html).toContain('还没有消息')
    expect(html).toContain(`name="receipt" value="${code}"`)
  })

  it('takes an answer, stores it sealed and shows it in the conversation', async () => {
    const code = await receipt()
    const res = await postForm(h, '/followup/reply', { lang: 'en', receipt: code, text: 'It was class 2-3, every lunch break' })
    expect(res.status).toBe(201)
    const html = await res.text()
    expect(html).toContain('Your answer has been sent.')
    expect(html).toContain('It was class 2-3, every lunch break')
    const [message] = await h.db.select().from(messages)
    expect(message!.direction).toBe('reporter')
    expect(Buffer.from(message!.body).toString('utf8')).not.toContain('class 2-3')
  })
})

describe('languages', () => {
  it('answers in English by Accept-Language, and ?lang= wins over it', async () => {
    const en = await h.app.request('/', { headers: { 'accept-language': 'en-US,en;q=0.9' } })
    expect(await en.text()).toContain('<html lang="en">')
    expect(en.headers.get('vary')).toContain('Accept-Language')
    const zh = await h.app.request('/?lang=zh-CN', { headers: { 'accept-language': 'en-US' } })
    expect(await zh.text()).toContain('<html lang="zh-CN">')
  })

  it('keeps the language chosen on the form for the result page', async () => {
    const html = await (await postForm(h, '/report', tipForm({ lang: 'en' }))).text()
    expect(html).toContain('Sent. Thank you for telling us.')
  })

  it('offers no language toggle on the receipt page, where leaving would lose the receipt', async () => {
    const html = await (await postForm(h, '/report', tipForm())).text()
    expect(html).not.toContain('class="lang"')
  })
})

describe('the poster', () => {
  it('shows the school, the form link and a QR code of it, using PUBLIC_URL when set', async () => {
    const p = await makeHarness({ env: { PUBLIC_URL: 'https://tips.qingxi.example.org' } })
    try {
      const html = await (await p.get('/s/QX-P03/poster')).text()
      expect(html).toContain('青溪区东关小学')
      expect(html).toContain('https://tips.qingxi.example.org/s/QX-P03')
      expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="qr" viewBox="0 0 \d+ \d+" role="img" aria-label="二维码，打开 https:\/\/tips.qingxi.example.org\/s\/QX-P03"/)
    } finally {
      await p.close()
    }
  })

  it('uses the address it was opened on without PUBLIC_URL', async () => {
    const html = await (await h.app.request('http://192.0.2.10:8787/s/QX-H01/poster')).text()
    expect(html).toContain('http://192.0.2.10:8787/s/QX-H01')
  })
})
