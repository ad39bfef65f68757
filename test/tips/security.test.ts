import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type Harness, makeHarness, tipBody } from '../support/harness'
import { newReceipt } from '../../src/tips/receipt'

let h: Harness
afterEach(() => h?.close())

const ADDRESS = '203.0.113.77'
const AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) TiplineTestAgent/9.9'
const REFERRER = 'https://chat.example/groups/class-8-3'
const COOKIE = 'session=kid-cookie-4242'

/** The database file and its WAL/SHM beside it, as bytes, the way someone holding a copy of the disk sees them. */
function databaseBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))))
}

describe('at rest', () => {
  it('keeps no plaintext of a tip, its time, a message, a receipt or the request headers in the database files', async () => {
    h = await makeHarness()
    const text = '初二三班的王小明每天在男厕所打我，还抢走我的饭卡。Secret-Marker-Tip-Text.'
    const when = '每天中午午休的时候 Secret-Marker-When'
    const res = await h.post('/api/tips', tipBody({ text, when, where: 'toilet' }), {
      client: ADDRESS,
      headers: { 'user-agent': AGENT, referer: REFERRER, cookie: COOKIE, 'x-forwarded-for': ADDRESS },
    })
    expect(res.status).toBe(201)
    const { receipt } = (await res.json()) as { receipt: string }
    const message = '他今天又来了 Secret-Marker-Message'
    expect((await h.post('/api/followup/messages', { receipt, text: message }, { client: ADDRESS })).status).toBe(201)

    const bytes = databaseBytes(h.dir)
    expect(bytes.length).toBeGreaterThan(0)
    // Sanity: the search does find plain text that is stored (the school's name) in these bytes.
    expect(bytes.includes(Buffer.from('青溪区东关小学'))).toBe(true)
    for (const secret of [
      'Secret-Marker-Tip-Text',
      '王小明',
      '男厕所打我',
      'Secret-Marker-When',
      '午休',
      'Secret-Marker-Message',
      '他今天又来了',
      receipt,
      receipt.replaceAll('-', ''),
      ADDRESS,
      'TiplineTestAgent',
      'chat.example',
      'kid-cookie-4242',
    ]) {
      expect(bytes.includes(Buffer.from(secret)), `database files contain ${secret}`).toBe(false)
    }
  })
})

describe('logs', () => {
  it('carry method, route pattern, status and time only: no text, receipt, address or headers', async () => {
    h = await makeHarness()
    const text = 'Secret-Marker-Log 他们说放学后在校门口等我'
    const headers = { 'user-agent': AGENT, referer: REFERRER, cookie: COOKIE }
    const res = await h.post('/api/tips', tipBody({ text }), { client: ADDRESS, headers })
    const { receipt } = (await res.json()) as { receipt: string }
    await h.post('/api/followup', { receipt }, { client: ADDRESS, headers })
    await h.post('/api/followup', { receipt: newReceipt().shown }, { client: ADDRESS, headers })
    await h.post('/api/followup/messages', { receipt, text: 'Secret-Marker-Message' }, { client: ADDRESS, headers })
    await h.post('/api/tips', tipBody({ text, school: 'nope' }), { client: ADDRESS, headers })

    expect(h.logs.length).toBeGreaterThanOrEqual(5)
    for (const line of h.logs.filter((l) => l.msg === 'request')) {
      expect(Object.keys(line).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status'])
    }
    expect(h.logs.map((l) => l.route)).toContain('/api/followup/messages')
    const all = JSON.stringify(h.logs)
    for (const secret of ['Secret-Marker', '校门口', receipt, receipt.replaceAll('-', ''), ADDRESS, 'TiplineTestAgent', 'chat.example', 'kid-cookie']) {
      expect(all, `logs contain ${secret}`).not.toContain(secret)
    }
  })
})

describe('rate limits', () => {
  it('limit tips per client per hour with a 429 and Retry-After, without touching other clients', async () => {
    h = await makeHarness({ env: { RATE_LIMIT_TIPS_PER_HOUR: '2' } })
    expect((await h.post('/api/tips', tipBody(), { client: 'a' })).status).toBe(201)
    expect((await h.post('/api/tips', tipBody(), { client: 'a' })).status).toBe(201)
    const refused = await h.post('/api/tips', tipBody(), { client: 'a' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    expect((await h.post('/api/tips', tipBody(), { client: 'b' })).status).toBe(201)
    h.clock.advance(3_600_000)
    expect((await h.post('/api/tips', tipBody(), { client: 'a' })).status).toBe(201)
  })

  it('limit follow-up requests per client per hour', async () => {
    h = await makeHarness({ env: { RATE_LIMIT_FOLLOWUP_PER_HOUR: '2' } })
    const { receipt } = (await (await h.post('/api/tips', tipBody())).json()) as { receipt: string }
    expect((await h.post('/api/followup', { receipt }, { client: 'a' })).status).toBe(200)
    expect((await h.post('/api/followup/messages', { receipt, text: 'x' }, { client: 'a' })).status).toBe(201)
    expect((await h.post('/api/followup', { receipt }, { client: 'a' })).status).toBe(429)
  })

  it('stop receipt guessing: after the daily allowance of misses, even a right receipt gets 429 until the salt rotates', async () => {
    h = await makeHarness({ env: { RATE_LIMIT_RECEIPT_MISSES_PER_DAY: '3' } })
    const { receipt } = (await (await h.post('/api/tips', tipBody())).json()) as { receipt: string }
    for (let i = 0; i < 3; i++) expect((await h.post('/api/followup', { receipt: newReceipt().shown }, { client: 'guesser' })).status).toBe(404)
    expect((await h.post('/api/followup', { receipt: newReceipt().shown }, { client: 'guesser' })).status).toBe(429)
    expect((await h.post('/api/followup', { receipt }, { client: 'guesser' })).status).toBe(429)
    expect((await h.post('/api/followup/messages', { receipt, text: 'x' }, { client: 'guesser' })).status).toBe(429)
    expect((await h.post('/api/followup', { receipt }, { client: 'someone-else' })).status).toBe(200)
    h.clock.advance(24 * 3_600_000)
    expect((await h.post('/api/followup', { receipt }, { client: 'guesser' })).status).toBe(200)
  })

  it('do not count a right receipt as a miss', async () => {
    h = await makeHarness({ env: { RATE_LIMIT_RECEIPT_MISSES_PER_DAY: '1' } })
    const { receipt } = (await (await h.post('/api/tips', tipBody())).json()) as { receipt: string }
    for (let i = 0; i < 5; i++) expect((await h.post('/api/followup', { receipt }, { client: 'a' })).status).toBe(200)
  })

  it('can be switched off (the benchmark sends everything from 127.0.0.1)', async () => {
    h = await makeHarness({ env: { RATE_LIMITS: '0', RATE_LIMIT_TIPS_PER_HOUR: '1' } })
    for (let i = 0; i < 3; i++) expect((await h.post('/api/tips', tipBody(), { client: 'a' })).status).toBe(201)
  })
})
