import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { E2E_TIMEOUT, type E2E, expectAccessible, screenshot, startE2E } from './support/browser'

/*
 * A reporter's journeys in a real browser (Debian's Chromium), on a phone-sized screen: send a tip in
 * Chinese and in English, keep the receipt, come back with it, read the counselor's question and
 * answer it; the same with JavaScript switched off. Every page is checked with axe-core, and a
 * screenshot of each is saved under test/e2e/screenshots/.
 */

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
}, E2E_TIMEOUT)
afterAll(() => e2e?.close(), E2E_TIMEOUT)

const RECEIPT = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/

describe('a reporter on a phone', { timeout: E2E_TIMEOUT }, () => {
  let zhReceipt = ''
  let zhReference = ''

  it('sends a tip in Chinese from a poster link and gets a receipt', async () => {
    const page = await e2e.phone({ locale: 'zh-CN' })
    await page.goto('/s/QX-P03')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.locator('#school').inputValue()).toBe('QX-P03')
    await expectAccessible(page)
    await screenshot(page, 'form-zh', { readme: true })

    await page.getByLabel('发生了什么？').fill('班上有几个人天天骂我是猪，还把我的书扔进垃圾桶')
    await page.getByLabel('在哪里发生的？').selectOption('classroom')
    await page.getByLabel('什么时候？').fill('每天午休')
    await page.getByLabel('还在发生').check()
    await page.getByRole('checkbox', { name: '骂人、起外号' }).check()
    await page.getByRole('button', { name: '发送' }).click()

    await expect.poll(() => page.locator('h1').textContent()).toBe('已经发送。谢谢你告诉我们。')
    zhReceipt = (await page.locator('#receipt-code').textContent())!.trim()
    expect(zhReceipt).toMatch(RECEIPT)
    zhReference = (await page.locator('.hint span[lang=en]').textContent())!.trim()
    await expect.poll(() => page.getByRole('button', { name: '复制回执码' }).isVisible()).toBe(true)
    expect(await page.locator('.help').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'receipt-zh', { readme: true })
  })

  it('sees the status with the receipt, reads the counselor’s question and answers it', async () => {
    await e2e.counselorSays(zhReference, '谢谢你告诉我们。是在哪个班发生的？')
    const page = await e2e.phone({ locale: 'zh-CN' })
    await page.goto('/followup')
    await expectAccessible(page)
    await screenshot(page, 'followup-entry-zh')
    // Typed the way a child copies it from paper: lower case, spaces for dashes.
    await page.getByLabel('回执码').fill(zhReceipt.toLowerCase().replaceAll('-', ' '))
    await page.getByRole('button', { name: '查看' }).click()

    await expect.poll(() => page.locator('#status-text').textContent()).toBe('一位老师已经看到了你的消息，正在处理这件事。')
    expect(page.url()).not.toContain(zhReceipt.slice(0, 4)) // the receipt never goes into the address
    await expect.poll(() => page.locator('.thread .from-counselor').textContent()).toContain('是在哪个班发生的？')
    await page.getByLabel('回复或补充').fill('初二（3）班，每天午休的时候')
    await page.getByRole('button', { name: '发送回复' }).click()
    await expect.poll(() => page.locator('.notice').textContent()).toBe('你的回复已经发送。')
    expect(await page.locator('.thread .from-you').textContent()).toContain('初二（3）班')
    await expectAccessible(page)
    await screenshot(page, 'followup-view-zh', { readme: true })
  })

  it('sends a tip in English (by Accept-Language) and is shown help first when it shows danger', async () => {
    const page = await e2e.phone({ locale: 'en-US' })
    await page.goto('/')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByLabel('School', { exact: true }).selectOption({ label: '青溪区东关小学' })
    await page.getByLabel('What happened?').fill('I do not want to live anymore. They hit me every day after school.')
    await page.getByLabel('Not sure').check()
    await page.getByRole('checkbox', { name: 'Hitting, pushing' }).check()
    await page.getByRole('button', { name: 'Send' }).click()

    await expect.poll(() => page.locator('h1').textContent()).toBe('Sent. Thank you for telling us.')
    expect((await page.locator('#receipt-code').textContent())!.trim()).toMatch(RECEIPT)
    // The help box comes before everything else in the page.
    expect(await page.locator('main > *').first().getAttribute('class')).toBe('help')
    expect(await page.locator('.help a[href="tel:110"]').count()).toBe(1)
    await expectAccessible(page)
    await screenshot(page, 'receipt-help-en')
  })

  it('copies the receipt and saves it as a picture with the small script, under the strict CSP', async () => {
    const page = await e2e.phone({ locale: 'zh-CN' })
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url })
    await page.goto('/s/QX-P04')
    await page.getByLabel('发生了什么？').fill('有人每天在楼梯口推我')
    await page.getByRole('button', { name: '发送' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('已经发送。谢谢你告诉我们。')
    const receipt = (await page.locator('#receipt-code').textContent())!.trim()

    await page.getByRole('button', { name: '复制回执码' }).click()
    await expect.poll(() => page.locator('#receipt-status').textContent()).toBe('已复制')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receipt)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '保存为图片' }).click()
    expect((await download).suggestedFilename()).toBe(`receipt-${receipt}.png`)
  })

  it('switches language with the toggle and keeps the preselected school', async () => {
    const page = await e2e.phone({ locale: 'zh-CN' })
    await page.goto('/s/QX-P05')
    await page.getByRole('link', { name: /English/ }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tell us what happened')
    expect(await page.locator('#school').inputValue()).toBe('QX-P05')
    await expectAccessible(page)
    await screenshot(page, 'form-en')
  })

  it('sees what to fix, next to the field, with everything typed still there', async () => {
    const page = await e2e.phone({ locale: 'zh-CN' })
    await page.goto('/s/QX-P02')
    await page.getByLabel('发生了什么？').fill('有人抢我的零花钱')
    await page.getByLabel('学生信息员 / 安全员').check()
    await page.getByLabel('信息员编号').fill('ZZZZ-ZZZZ')
    await page.getByRole('button', { name: '发送' }).click()
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('这个信息员编号不对')
    // The summary takes the focus, so a screen reader reads it first.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    expect(await page.getByLabel('发生了什么？').inputValue()).toBe('有人抢我的零花钱')
    await expectAccessible(page)
    await screenshot(page, 'form-error-zh')
  })

  it('gets a friendly message for a receipt nobody was given', async () => {
    const page = await e2e.phone({ locale: 'en-US' })
    await page.goto('/followup')
    await page.getByLabel('Receipt code').fill('0000-0000-0000-0000')
    await page.getByRole('button', { name: 'Show' }).click()
    await expect.poll(() => page.locator('.error-summary').textContent()).toContain('We cannot find this receipt code')
    expect(await page.locator('#receipt').inputValue()).toBe('0000-0000-0000-0000')
    await expectAccessible(page)
    await screenshot(page, 'followup-unknown-en')
  })
})

describe('without JavaScript', { timeout: E2E_TIMEOUT }, () => {
  it('the form still sends a tip, the receipt shows, and follow-up works', async () => {
    const page = await e2e.phone({ locale: 'zh-CN', javaScriptEnabled: false })
    await page.goto('/s/QX-P01')
    await page.getByLabel('发生了什么？').fill('有人在班级群里发我的丑照，还说要让全班都孤立我')
    await page.getByRole('checkbox', { name: '网上欺负' }).check()
    await page.getByRole('button', { name: '发送' }).click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('已经发送。谢谢你告诉我们。')
    const receipt = (await page.locator('#receipt-code').textContent())!.trim()
    expect(receipt).toMatch(RECEIPT)
    // The copy / save / print buttons need the script, so they stay hidden; the words say what to do instead.
    expect(await page.getByRole('button', { name: '复制回执码' }).isVisible()).toBe(false)
    await screenshot(page, 'receipt-nojs-zh')

    await page.goto('/followup')
    await page.getByLabel('回执码').fill(receipt)
    await page.getByRole('button', { name: '查看' }).click()
    await expect.poll(() => page.locator('#status-text').textContent()).toBe('我们收到了你的消息。老师会尽快看到它。')
  })
})

describe('the poster', { timeout: E2E_TIMEOUT }, () => {
  it('prints a school’s link as a QR code that a decoder reads back', async () => {
    const { default: jsQR } = await import('jsqr')
    const { PNG } = await import('pngjs')
    const page = await e2e.phone({ locale: 'zh-CN' })
    await page.goto('/s/QX-P03/poster')
    await expectAccessible(page)
    await screenshot(page, 'poster-zh')
    const png = PNG.sync.read(await page.locator('svg.qr').screenshot())
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(code?.data).toBe(`${e2e.url}/s/QX-P03`)
    expect(await page.locator('.url').textContent()).toBe(`${e2e.url}/s/QX-P03`)
  })
})
