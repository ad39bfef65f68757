import { afterAll, beforeAll, expect, it } from 'vitest'
import { E2E_TIMEOUT, type E2E, expectAccessible, startE2E } from './support/browser'

/*
 * The admin pages in Chromium: the demo district admin signs in, follows the navigation to the accounts,
 * informant codes and schools, creates an account and issues a code (each shown once); axe runs on each page.
 */

let e2e: E2E
beforeAll(async () => {
  // Plain http on 127.0.0.1: a Secure cookie would not come back there.
  e2e = await startE2E({ env: { COOKIE_SECURE: '0' } })
}, E2E_TIMEOUT)
afterAll(() => e2e?.close(), E2E_TIMEOUT)

it('a district admin uses the admin pages without an accessibility violation', { timeout: E2E_TIMEOUT * 2 }, async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN', baseURL: e2e.url })
  const page = await context.newPage()
  await page.goto('/admin/accounts')
  expect(new URL(page.url()).pathname).toBe('/login')
  await page.getByLabel('邮箱').fill('admin@demo.local')
  await page.getByLabel('密码').fill('tipline-demo')
  await page.getByRole('button', { name: '登录' }).click()
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/accounts')
  await expectAccessible(page)

  await page.getByLabel('邮箱').fill('li.wei@qx.edu.cn')
  await page.getByLabel('角色').selectOption('counselor')
  await page.getByLabel('学校').selectOption('QX-H01')
  await page.getByRole('button', { name: '创建账号' }).click()
  await expect.poll(() => page.locator('#one-time-code').count()).toBe(1)
  await expectAccessible(page)

  await page.getByRole('link', { name: '信息员编码' }).click()
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/informant-codes')
  await page.getByLabel('学校').selectOption('QX-H01')
  await page.getByLabel('代号').fill('信息员 09')
  await page.getByRole('button', { name: '发放编码' }).click()
  await expect.poll(() => page.locator('#one-time-code').count()).toBe(1)
  await expectAccessible(page)
  await page.getByRole('button', { name: '作废' }).first().click()
  await expect.poll(() => page.locator('.notice').first().textContent()).toContain('编码已作废')

  await page.getByRole('link', { name: '学校' }).click()
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/schools')
  await expectAccessible(page)
  await context.close()
})
