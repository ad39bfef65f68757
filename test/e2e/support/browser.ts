import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { serve } from '@hono/node-server'
import { eq } from 'drizzle-orm'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'
import { expect } from 'vitest'
import { seal } from '../../../src/crypto/seal'
import { newId } from '../../../src/db/ids'
import { cases, messages, tips } from '../../../src/db/schema'
import { messageContext } from '../../../src/tips/followup'
import { type Harness, makeHarness } from '../../support/harness'

/** Debian's Chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Browser tests need more than vitest's 5 s default: a browser start and a few page loads. */
export const E2E_TIMEOUT = 60_000

/** A cheap phone: a narrow screen, touch, and 1× pixels so screenshots stay small. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 }

export const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots')

export interface E2E {
  /** The app on a loopback port, e.g. http://127.0.0.1:41234 */
  url: string
  harness: Harness
  browser: Browser
  /** A fresh phone-sized context per journey: no shared cookies or cache between them. */
  phone(options?: { locale?: string; javaScriptEnabled?: boolean }): Promise<Page>
  /** A counselor's message on the case, written straight to the table until staff messaging (issue 4) lands. */
  counselorSays(reference: string, text: string): Promise<void>
  close(): Promise<void>
}

/**
 * The real app (the test harness: its own temporary database, the demo district) served by
 * @hono/node-server on 127.0.0.1, and Chromium. Every page a test opens is watched: a request to any
 * other origin, a CSP violation or a page error fails the test when it closes.
 */
export async function startE2E({ env }: { env?: Record<string, string> } = {}): Promise<E2E> {
  // Fail loudly rather than skip: a silently skipped browser suite hides broken pages.
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`)
  const harness = await makeHarness(env ? { env } : {})
  const server = serve({ fetch: harness.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((ready) => server.once('listening', () => ready()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const contexts: BrowserContext[] = []
  const problems: string[] = []

  return {
    url,
    harness,
    browser,
    async phone({ locale = 'zh-CN', javaScriptEnabled = true } = {}) {
      const context = await browser.newContext({ ...PHONE, locale, javaScriptEnabled, baseURL: url })
      contexts.push(context)
      const page = await context.newPage()
      page.on('request', (request) => {
        if (!request.url().startsWith(url) && !/^(blob|data):/.test(request.url())) problems.push(`third-party request: ${request.url()}`)
      })
      page.on('console', (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      return page
    },
    async counselorSays(reference, text) {
      const { db, keys, clock } = harness
      const [found] = await db.select().from(cases).where(eq(cases.reference, reference))
      const [tip] = await db.select().from(tips).where(eq(tips.caseId, found!.id))
      clock.advance(60_000)
      const id = newId(clock.now())
      const sealed = await seal(keys, messageContext(id), text)
      await db.insert(messages).values({ id, caseId: found!.id, tipId: tip!.id, direction: 'staff', authorId: 'staff-1', ...sealed, createdAt: clock.now() })
      await db.update(cases).set({ state: 'acknowledged' }).where(eq(cases.id, found!.id))
    },
    async close() {
      for (const context of contexts) {
        expect(await context.cookies(), 'reporter pages set no cookies').toEqual([])
        await context.close()
      }
      await browser.close()
      await new Promise<void>((done) => server.close(() => done()))
      await harness.close()
      expect(problems).toEqual([])
    },
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/**
 * Runs axe-core in the page against WCAG 2.1 A/AA and best practice, and fails on any serious or critical
 * violation. axe is evaluated through the DevTools protocol, not added as a <script>, so the page's strict
 * CSP stays on while it runs.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return result.violations
  })) as AxeViolation[]
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
  expect(serious, `axe on ${page.url()}`).toEqual([])
}

/** The small committed pictures the README shows; remade with `TIPLINE_README_SHOTS=1 npx vitest run test/e2e`. */
export const README_SHOTS = join(import.meta.dirname, '..', 'readme-shots')

/**
 * A full-page screenshot under test/e2e/screenshots/ (git-ignored) for review. With `readme`, and
 * TIPLINE_README_SHOTS set, also the first screen of it into test/e2e/readme-shots/ for the docs.
 */
export async function screenshot(page: Page, name: string, { readme = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
  if (readme && process.env.TIPLINE_README_SHOTS) await page.screenshot({ path: join(README_SHOTS, `${name}.png`) })
}
