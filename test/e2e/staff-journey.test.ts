import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { E2E_TIMEOUT, type E2E, PHONE, README_SHOTS, SCREENSHOTS, expectAccessible, screenshot, startE2E } from './support/browser'

/*
 * The whole loop in a real browser: a student sends a tip on a phone and keeps the receipt; the demo
 * counselor signs in at /login, finds it at the top of /cases, opens it (the scorer's words are <mark>),
 * acknowledges it and asks a question; the student answers through /followup; the counselor reads the
 * answer and resolves the case. axe runs on /login, /cases and /cases/:id.
 */

let e2e: E2E
beforeAll(async () => {
  // The harness serves plain http on 127.0.0.1: a Secure cookie would not come back there.
  e2e = await startE2E({ env: { COOKIE_SECURE: '0' } })
}, E2E_TIMEOUT)
afterAll(() => e2e?.close(), E2E_TIMEOUT)

it('a tip goes from a student’s phone to a counselor and back, and is resolved', { timeout: E2E_TIMEOUT * 2 }, async () => {
  const student = await e2e.phone({ locale: 'zh-CN' })
  await student.goto('/s/QX-H01')
  await student.getByLabel('发生了什么？').fill('他们每天放学后打我，还说要杀了我')
  await student.getByRole('button', { name: '发送' }).click()
  await expect.poll(() => student.locator('#receipt-code').count()).toBe(1)
  const receipt = (await student.locator('#receipt-code').textContent())!.trim()

  const context = await e2e.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN', baseURL: e2e.url })
  const counselor = await context.newPage()
  await counselor.goto('/cases')
  expect(new URL(counselor.url()).pathname).toBe('/login')
  await expectAccessible(counselor)
  await screenshot(counselor, 'staff-login-zh')
  await counselor.getByLabel('邮箱').fill('counselor@demo.local')
  await counselor.getByLabel('密码').fill('tipline-demo')
  await counselor.getByRole('button', { name: '登录' }).click()
  await expect.poll(() => new URL(counselor.url()).pathname).toBe('/cases')
  await expectAccessible(counselor)
  await screenshot(counselor, 'staff-queue-zh')

  await counselor.locator('table.queue tbody tr').first().locator('a').click()
  await expect.poll(() => counselor.locator('.tip-text').textContent()).toContain('打我')
  const marks = await counselor.locator('.tip-text mark').allTextContents()
  expect(marks).toEqual(expect.arrayContaining(['打我']))
  await expectAccessible(counselor)
  await counselor.getByRole('button', { name: '响应' }).click()
  await expect.poll(() => counselor.locator('.notice').textContent()).toBe('已保存。')
  await counselor.getByLabel('回复举报人').fill('谢谢你告诉我们。是在哪个班？')
  await counselor.getByRole('button', { name: '回复举报人' }).click()
  await expect.poll(() => counselor.locator('.thread').first().textContent()).toContain('是在哪个班？')
  await screenshot(counselor, 'staff-case-zh')

  await student.goto('/followup')
  await student.getByLabel('回执码').fill(receipt)
  await student.getByRole('button', { name: '查看' }).click()
  await expect.poll(() => student.locator('.thread .from-counselor').textContent()).toContain('是在哪个班？')
  await student.getByLabel('回复或补充').fill('初二（3）班')
  await student.getByRole('button', { name: '发送回复' }).click()
  await expect.poll(() => student.locator('.notice').textContent()).toBe('你的回复已经发送。')

  await counselor.reload()
  await expect.poll(() => counselor.locator('.thread').first().textContent()).toContain('初二（3）班')
  await counselor.getByLabel('销号类型').selectOption({ index: 1 })
  await counselor.getByLabel('处置情况摘要').fill('已与班主任核实，双方家长到校调解。')
  await counselor.getByRole('button', { name: '销号' }).click()
  await expect.poll(() => counselor.locator('.facts dd').first().textContent()).toBe('已销号')
  expect(await counselor.getByRole('button', { name: '重新处置' }).count()).toBe(1)
  await expectAccessible(counselor)
  await screenshot(counselor, 'staff-case-resolved-zh')
  await counselor.setViewportSize(PHONE.viewport)
  await counselor.goto(counselor.url())
  mkdirSync(README_SHOTS, { recursive: true })
  await counselor.screenshot({ path: join(SCREENSHOTS, 'staff-case-phone.png') })
  if (process.env.TIPLINE_README_SHOTS) copyFileSync(join(SCREENSHOTS, 'staff-case-phone.png'), join(README_SHOTS, 'staff-case-zh.png'))
  await context.close()
})
