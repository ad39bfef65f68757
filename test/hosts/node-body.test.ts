import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type NodeHost, startNodeHost } from '../../src/hosts/node'

// The Node host reads request bodies straight from Node's stream (src/hosts/node-body.ts) and judges their
// size by Content-Length (src/http/body-limit.ts). These go over a real socket, with bodies written byte
// by byte, so chunked transfer, byte-order marks and broken UTF-8 reach the host as a client sends them.

let dir: string
let host: NodeHost

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tipline-body-'))
  host = await startNodeHost(
    { PORT: '0', HOST: '127.0.0.1', LOG_REQUESTS: '0', RATE_LIMITS: '0', PASSWORD_ITERATIONS: '1000', DATA_DIR: dir },
    () => {},
  )
}, 60_000)
afterAll(async () => {
  await host?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Sent {
  path?: string
  body: Buffer | string
  /** Send the body in these many pieces with chunked transfer encoding instead of a Content-Length. */
  chunks?: number
  contentType?: string
  headers?: Record<string, string>
}

function send({ path = '/api/tips', body, chunks, contentType = 'application/json', headers = {} }: Sent): Promise<{ status: number; json: any; text: string }> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const { port } = new URL(host.url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': contentType, ...(chunks ? {} : { 'content-length': String(bytes.length) }), ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => {
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode!, json, text })
        })
      },
    )
    req.on('error', reject)
    if (chunks) {
      const size = Math.ceil(bytes.length / chunks)
      for (let at = 0; at < bytes.length; at += size) req.write(bytes.subarray(at, at + size))
      req.end()
    } else {
      req.end(bytes)
    }
  })
}

const tip = (text: string) => JSON.stringify({ school: 'QX-P01', text, reporter: 'student' })

describe('request bodies on the Node host', () => {
  it('takes a JSON tip with a Content-Length, and the same tip sent chunked', async () => {
    const plain = await send({ body: tip('有人在群里骂我，每天都骂') })
    expect(plain.status).toBe(201)
    expect(plain.json.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const chunked = await send({ body: tip('有人在群里骂我，每天都骂'), chunks: 5 })
    expect(chunked.status).toBe(201)
    expect(chunked.json.reference).toBeTruthy()
  })

  it('reads the text back exactly, multi-byte characters split across chunks included', async () => {
    const text = '他说明天放学后在车棚等我 😡 he said he will get me'
    const sent = await send({ body: tip(text), chunks: 7 })
    expect(sent.status).toBe(201)
    const back = await send({ path: '/api/followup', body: JSON.stringify({ receipt: sent.json.receipt }) })
    expect(back.status).toBe(200)
    expect(back.json.reference).toBe(sent.json.reference)
    // The score route returns the matched spans of the text as it was read: offsets prove nothing was lost.
    const scored = await send({ path: '/api/score', body: JSON.stringify({ text }), chunks: 3 })
    expect(scored.status).toBe(200)
    for (const signal of scored.json.signals) expect(text.slice(signal.match.start, signal.match.end)).toBe(signal.match.text)
  })

  it('drops a leading UTF-8 byte-order mark, as fetch does', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tip('someone keeps pushing me in the corridor'))])
    expect((await send({ body: withBom })).status).toBe(201)
  })

  it('reads broken UTF-8 as replacement characters: a valid tip, never a 500', async () => {
    const broken = Buffer.concat([Buffer.from('{"school":"QX-P01","reporter":"student","text":"he hit me '), Buffer.from([0xff, 0xc3]), Buffer.from('"}')])
    const res = await send({ body: broken })
    expect(res.status).toBe(201)
  })

  it('answers malformed JSON with a 400 JSON error, whether sent whole or chunked', async () => {
    for (const chunks of [undefined, 3]) {
      const res = await send({ body: '{"school": "QX-P01", "text": ', chunks })
      expect(res.status).toBe(400)
      expect(res.json.error.code).toBe('invalid_input')
    }
  })

  it('refuses a body over 64 KiB with 413 by its Content-Length, and by counting when it is chunked', async () => {
    const big = tip('x'.repeat(70 * 1024))
    const declared = await send({ body: big })
    expect(declared.status).toBe(413)
    expect(declared.json.error.code).toBe('payload_too_large')
    const chunked = await send({ body: big, chunks: 20 })
    expect(chunked.status).toBe(413)
    expect(chunked.json.error.code).toBe('payload_too_large')
  })

  it('refuses an oversize form on the reporter pages with a page, not JSON', async () => {
    const form = `school=QX-P01&reporter=student&text=${'x'.repeat(70 * 1024)}`
    const res = await send({ path: '/report', body: form, contentType: 'application/x-www-form-urlencoded', headers: { origin: new URL(host.url).origin } })
    expect(res.status).toBe(413)
    expect(res.text).toContain('<html')
  })

  it('still takes a form post from the reporter pages (forms are read by the adapter, not here)', async () => {
    const form = new URLSearchParams({ school: 'QX-P01', reporter: 'student', text: '有人在厕所打我', lang: 'zh' }).toString()
    const res = await send({ path: '/report', body: form, contentType: 'application/x-www-form-urlencoded', headers: { origin: new URL(host.url).origin } })
    expect(res.status).toBe(201)
    expect(res.text).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)
  })
})
