import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cases, events, tips } from '../../src/db/schema'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status)
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } }
  expect(body.error.code).toBe(code)
  expect(body.error.message.length).toBeGreaterThan(0)
  if (field) expect(body.error.field).toBe(field)
  return body.error
}

describe('POST /api/tips with bad input', () => {
  it.each([
    ['text is missing', { text: undefined }, 'text'],
    ['text is only spaces', { text: '   ' }, 'text'],
    ['text is over 5,000 characters', { text: '骂'.repeat(5001) }, 'text'],
    ['text is not a string', { text: 42 }, 'text'],
    ['reporter is missing', { reporter: undefined }, 'reporter'],
    ['reporter is not one of the kinds', { reporter: 'teacher' }, 'reporter'],
    ['school is missing', { school: undefined }, 'school'],
    ['school is empty', { school: '' }, 'school'],
    ['a category is not one of the categories', { categories: ['verbal', 'gossip'] }, 'categories.1'],
    ['categories is not a list', { categories: 'verbal' }, 'categories'],
    ['where is not one of the places', { where: 'bus' }, 'where'],
    ['when is over 200 characters', { when: 'x'.repeat(201) }, 'when'],
    ['ongoing is not a boolean', { ongoing: 'yes' }, 'ongoing'],
    ['informantCode is empty', { informantCode: ' ' }, 'informantCode'],
  ])('is a 400 naming the field when %s', async (_, overrides, field) => {
    await expectError(await h.post('/api/tips', tipBody(overrides)), 400, 'invalid_input', field)
  })

  it('accepts exactly 5,000 characters', async () => {
    const text = '今天在操场上有人推我，'.repeat(500).slice(0, 5000)
    expect(text).toHaveLength(5000)
    expect((await h.post('/api/tips', tipBody({ text }))).status).toBe(201)
  })

  it('is a 400 naming the school when no school has the code', async () => {
    await expectError(await h.post('/api/tips', tipBody({ school: 'QX-P99' })), 400, 'unknown_school', 'school')
  })

  it('is a 400 naming the informant code when it is not registered', async () => {
    await expectError(await h.post('/api/tips', tipBody({ informantCode: 'ZZZZ-ZZZZ' })), 400, 'unknown_informant_code', 'informantCode')
  })

  it('is a 400 for a body that is not JSON', async () => {
    const error = await expectError(await h.post('/api/tips', '{"school": "QX-P03", '), 400, 'invalid_input')
    expect(error.message).toMatch(/JSON/)
  })

  it.each([['null'], ['[]'], ['"tip"'], ['7']])('is a 400 for the JSON value %s', async (raw) => {
    await expectError(await h.post('/api/tips', raw), 400, 'invalid_input')
  })

  it('is a 4xx, not a 500, without a JSON content type', async () => {
    const res = await h.app.request('/api/tips', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(tipBody()) })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy()
  })

  it('is a 413 for a body over 64 KiB, and nothing is stored', async () => {
    const res = await h.post('/api/tips', tipBody({ text: 'x'.repeat(70 * 1024) }))
    await expectError(res, 413, 'payload_too_large')
  })

  it('stores nothing for a refused tip', async () => {
    await h.post('/api/tips', tipBody({ school: 'nope' }))
    await h.post('/api/tips', tipBody({ text: '' }))
    expect(await h.db.select().from(tips)).toHaveLength(0)
    expect(await h.db.select().from(cases)).toHaveLength(0)
    expect(await h.db.select().from(events)).toHaveLength(0)
  })

  it('is a 503 that says nothing was saved when the write cannot be committed', async () => {
    await h.writer.close()
    const res = await h.post('/api/tips', tipBody())
    expect(res.status).toBe(503)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('not_saved')
    expect(body.error.message).toMatch(/try again/)
  })

  it('says nothing about the database when it is gone altogether, and logs no tip text', async () => {
    h.client.close()
    const res = await h.post('/api/tips', tipBody({ text: 'Secret-Marker 有人打我' }))
    expect(res.status).toBeGreaterThanOrEqual(500)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.message).not.toMatch(/sqlite|libsql|constraint|closed/i)
    expect(JSON.stringify(h.logs)).not.toContain('Secret-Marker')
  })
})
