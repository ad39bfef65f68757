import { afterEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { type Harness, makeHarness } from '../support/harness'

// The app needs its database and keys since intake landed; the harness gives each test its own.
const harnesses: Harness[] = []
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close()
})

async function makeApp() {
  const h = await makeHarness({ demo: false })
  harnesses.push(h)
  return { app: h.app, lines: h.logs }
}

const post = (app: App, body: string, headers: Record<string, string> = {}) =>
  app.request('/api/score', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })

describe('POST /api/score', () => {
  it('scores a tip and returns the scorer’s full result', async () => {
    const { app } = await makeApp()
    const res = await post(app, JSON.stringify({ text: '他说明天放学带刀来堵我', reporter: 'student' }))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ level: 'critical', categories: expect.arrayContaining(['weapon']) })
    expect(body.score).toBeGreaterThanOrEqual(75)
    expect(body.scorerVersion).toMatch(/^\d+\./)
    expect(body.signals[0]).toMatchObject({ id: expect.any(String), match: { text: expect.any(String) } })
  })

  it.each([
    ['a missing text', {}, 'text'],
    ['a number for text', { text: 42 }, 'text'],
    ['an empty text', { text: '' }, 'text'],
    ['a whitespace-only text', { text: '   \n ' }, 'text'],
    ['a text over 5,000 characters', { text: 'a'.repeat(5001) }, 'text'],
    ['an unknown reporter kind', { text: 'hi', reporter: 'teacher' }, 'reporter'],
  ])('refuses %s with a 400 naming the field', async (_name, body, field) => {
    const { app } = await makeApp()
    const res = await post(app, JSON.stringify(body))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', field } })
  })

  it('refuses malformed JSON with a 400', async () => {
    const { app } = await makeApp()
    const res = await post(app, '{"text": "unterminated')
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid_input')
  })

  it('refuses a body over 64 KiB with a 413', async () => {
    const { app } = await makeApp()
    const res = await post(app, JSON.stringify({ text: 'x'.repeat(70 * 1024) }))
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload_too_large')
  })

  it('accepts exactly 5,000 characters of emoji-free text and lone surrogates without a 500', async () => {
    const { app } = await makeApp()
    expect((await post(app, JSON.stringify({ text: 'a'.repeat(5000) }))).status).toBe(200)
    expect((await post(app, '{"text": "\\ud800 kill"}')).status).toBe(200)
  })

  it('logs the route pattern and status but never the tip text', async () => {
    const { app, lines } = await makeApp()
    await post(app, JSON.stringify({ text: 'secret words about 小明' }))
    const logged = JSON.stringify(lines)
    expect(lines).toContainEqual(expect.objectContaining({ method: 'POST', route: '/api/score', status: 200 }))
    expect(logged).not.toContain('secret words')
    expect(logged).not.toContain('小明')
  })
})

describe('the service shell', () => {
  it('answers GET /healthz', async () => {
    const { app } = await makeApp()
    const res = await app.request('/healthz')
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers an unknown route with a JSON 404', async () => {
    const { app } = await makeApp()
    const res = await app.request('/api/nope')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not_found')
  })
})
