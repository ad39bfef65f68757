import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runDeadlineSweep } from '../../src/cases/sweep'
import { GroupCommitWriter } from '../../src/db/group-commit'
import { notifyTargets, outbox } from '../../src/db/schema'
import { openDatabase } from '../../src/hosts/node-db'
import { deliverOutbox } from '../../src/notify/deliver'
import { acknowledge, caseIdOf, eventsOf } from '../support/case-steps'
import { type Harness, makeHarness, tipBody } from '../support/harness'

/** One request the receiver got. */
interface Received {
  path: string
  headers: Record<string, string | string[] | undefined>
  raw: string
  body: Record<string, unknown>
}

/** A real HTTP receiver on 127.0.0.1 standing in for the bots; `fail` makes a path answer 500 n times. */
async function receiver() {
  const got: Received[] = []
  const failures = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (raw += chunk))
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!
      const left = failures.get(path) ?? 0
      if (left > 0) {
        failures.set(path, left - 1)
        res.writeHead(500).end('boom')
        return
      }
      got.push({ path, headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown> })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(path.startsWith('/feishu') ? '{"code":0,"msg":"success"}' : path.startsWith('/json') ? '{}' : '{"errcode":0,"errmsg":"ok"}')
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    got,
    fail: (path: string, times: number) => failures.set(path, times),
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

const CRITICAL_TEXT = '我不想活了，药已经买好了，今晚就吃 小明知道'
const MIN = 60_000

let h: Harness
let rx: Awaited<ReturnType<typeof receiver>>
beforeEach(async () => {
  rx = await receiver()
  h = await makeHarness({
    env: {
      LOG_REQUESTS: '0',
      PUBLIC_URL: 'https://tipline.example.edu.cn',
      CALL_DOWN_MINUTES: '5',
      DISTRICT_WEBHOOKS: `wecom=${rx.base}/wecom/district`,
    },
  })
  // QX-P03 is school 9 in the demo district: a JSON channel and two call-down contacts.
  await h.db.insert(notifyTargets).values([
    { schoolId: 9, role: 'channel', label: '东关小学值班群', format: 'json', url: `${rx.base}/json/school`, createdAt: h.clock.now() },
    { schoolId: 9, role: 'contact', callOrder: 1, label: '值班 1 王老师', format: 'dingtalk', url: `${rx.base}/dingtalk/one`, secret: 'SEC-test', mention: '13800000001', createdAt: h.clock.now() },
    { schoolId: 9, role: 'contact', callOrder: 2, label: '值班 2 李校长', format: 'feishu', url: `${rx.base}/feishu/two`, secret: 'feishu-secret', createdAt: h.clock.now() },
    // Another school's channel hears nothing of QX-P03.
    { schoolId: 1, role: 'channel', label: 'other', format: 'json', url: `${rx.base}/json/other`, createdAt: h.clock.now() },
  ])
})
afterEach(async () => {
  await h.close()
  await rx.close()
})

async function criticalTip(): Promise<{ reference: string; receipt: string; caseId: string }> {
  const res = await h.post('/api/tips', tipBody({ text: CRITICAL_TEXT, when: '今晚十点', where: 'toilet' }))
  expect(res.status).toBe(201)
  const { reference, receipt } = (await res.json()) as { reference: string; receipt: string }
  return { reference, receipt, caseId: await caseIdOf(h.services, reference) }
}

const paths = () => rx.got.map((r) => r.path).sort()

describe('alerts through the outbox to a real HTTP receiver', () => {
  it('delivers a critical tip to the school channel, the district and the first on-duty contact, in each format', async () => {
    const { reference } = await criticalTip()
    const report = await deliverOutbox(h.services, h.clock.now())
    expect(report).toMatchObject({ due: 3, claimed: 3, delivered: 3 })
    expect(paths()).toEqual(['/dingtalk/one', '/json/school', '/wecom/district'])

    const json = rx.got.find((r) => r.path === '/json/school')!
    expect(json.body).toMatchObject({
      type: 'tipline.notification',
      kind: 'critical_tip',
      reference,
      level: 'critical',
      school: { code: 'QX-P03', name: '青溪区东关小学' },
      link: `https://tipline.example.edu.cn/cases/${reference}`,
    })
    expect(json.headers['idempotency-key']).toBe(json.body.idempotencyKey)

    const wecom = rx.got.find((r) => r.path === '/wecom/district')!
    expect(wecom.body).toMatchObject({ msgtype: 'text', text: { content: expect.stringContaining(reference) } })

    const ding = rx.got.find((r) => r.path === '/dingtalk/one')!
    expect(ding.body).toMatchObject({ msgtype: 'text', at: { atMobiles: ['13800000001'], isAtAll: false } })
    expect((ding.body.text as { content: string }).content).toContain('@13800000001')
    // 加签: timestamp and sign travel in the query string.
    expect(await h.db.select().from(outbox)).toHaveLength(3)
  })

  it('never puts tip text, the time or place the reporter gave, or the receipt in a notification', async () => {
    const { receipt } = await criticalTip()
    await deliverOutbox(h.services, h.clock.now())
    h.clock.advance(5 * MIN)
    await runDeadlineSweep(h.services, h.clock.now())
    h.clock.advance(20 * MIN)
    await runDeadlineSweep(h.services, h.clock.now())
    await deliverOutbox(h.services, h.clock.now())
    expect(rx.got.length).toBeGreaterThanOrEqual(6)
    const everything = rx.got.map((r) => r.raw).join('\n') + JSON.stringify((await h.db.select().from(outbox)).map((r) => r.message))
    for (const secret of ['不想活', '药已经', '今晚就吃', '小明', '今晚十点', 'toilet', receipt, receipt.replaceAll('-', '')]) {
      expect(everything).not.toContain(secret)
    }
    for (const r of rx.got) expect(Object.keys(r.headers)).not.toContain('x-test-client')
  })

  it('retries after a 500 with backoff and delivers once the receiver recovers', async () => {
    rx.fail('/json/school', 1)
    await criticalTip()
    expect(await deliverOutbox(h.services, h.clock.now())).toMatchObject({ delivered: 2, retrying: 1 })
    // Not due again yet: the first retry waits 15–18 seconds.
    h.clock.advance(10_000)
    expect(await deliverOutbox(h.services, h.clock.now())).toMatchObject({ due: 0 })
    h.clock.advance(10_000)
    expect(await deliverOutbox(h.services, h.clock.now())).toMatchObject({ due: 1, delivered: 1 })
    expect(paths()).toEqual(['/dingtalk/one', '/json/school', '/wecom/district'])
    const [row] = (await h.db.select().from(outbox)).filter((r) => r.targetKey === 'db:1')
    expect(row).toMatchObject({ attempts: 2, lastError: null }) // cleared by the delivery that worked
    expect(row!.deliveredAt).not.toBeNull()
  })

  it('calls down the on-duty list in order, then the district, until someone acknowledges', async () => {
    const { caseId } = await criticalTip()
    await deliverOutbox(h.services, h.clock.now())
    expect(rx.got.filter((r) => r.path === '/dingtalk/one')).toHaveLength(1)

    h.clock.advance(5 * MIN) // nobody acknowledged: contact 2
    expect(await runDeadlineSweep(h.services, h.clock.now())).toMatchObject({ callDowns: 1 })
    await deliverOutbox(h.services, h.clock.now())
    const feishu = rx.got.find((r) => r.path === '/feishu/two')!
    expect(feishu.body).toMatchObject({ msg_type: 'text', content: { text: expect.stringContaining('#2') } })
    expect(feishu.body.sign).toEqual(expect.any(String)) // signed: the bot has a secret

    h.clock.advance(5 * MIN) // the list is exhausted: the district (督办)
    expect(await runDeadlineSweep(h.services, h.clock.now())).toMatchObject({ escalated: 1 })
    await deliverOutbox(h.services, h.clock.now())
    const escalation = rx.got.filter((r) => r.path === '/wecom/district')
    expect(escalation).toHaveLength(2)
    expect((escalation[1]!.body.text as { content: string }).content).toContain('督办')
    expect((await eventsOf(h.services, caseId)).filter((e) => e.action.startsWith('case.call_down') || e.action === 'case.escalated_auto').map((e) => e.payload.step ?? e.payload.reason)).toEqual([1, 2, 'call_down_unanswered'])

    // At 15 minutes the first response is overdue, but the district has it already: no second escalation.
    h.clock.advance(5 * MIN)
    expect(await runDeadlineSweep(h.services, h.clock.now())).toMatchObject({ firstResponseOverdue: 1, escalated: 0 })
  })

  it('stops calling down once someone acknowledges', async () => {
    const { caseId } = await criticalTip()
    h.clock.advance(2 * MIN)
    await acknowledge(h.services, caseId, h.clock.now())
    h.clock.advance(3 * MIN)
    expect(await runDeadlineSweep(h.services, h.clock.now())).toMatchObject({ callDowns: 0, callDownsStopped: 1, escalated: 0 })
    h.clock.advance(60 * MIN)
    expect(await runDeadlineSweep(h.services, h.clock.now())).toMatchObject({ rowsRead: 0 })
    await deliverOutbox(h.services, h.clock.now())
    expect(paths()).toEqual(['/dingtalk/one', '/json/school', '/wecom/district'])
  })

  it('sends nothing twice when two sweeps and two delivery loops on two connections run at once', async () => {
    await criticalTip()
    await criticalTip()
    const second = await openDatabase({ url: `file:${h.dbPath}` })
    const services2 = { ...h.services, db: second.db, writer: new GroupCommitWriter({ db: second.db }) }
    try {
      h.clock.advance(5 * MIN)
      const sweeps = await Promise.all([runDeadlineSweep(h.services, h.clock.now()), runDeadlineSweep(services2, h.clock.now())])
      expect(sweeps[0]!.callDowns + sweeps[1]!.callDowns).toBe(2)
      const loops = await Promise.all([
        deliverOutbox(h.services, h.clock.now()),
        deliverOutbox(services2, h.clock.now()),
        deliverOutbox(h.services, h.clock.now()),
      ])
      expect(loops.reduce((n, r) => n + r.claimed, 0)).toBe(8) // 2 × (school + district + contact 1 + contact 2)
      const keys = rx.got.map((r) => r.headers['idempotency-key'])
      expect(keys).toHaveLength(8)
      expect(new Set(keys).size).toBe(8)
      expect(rx.got.filter((r) => r.path === '/feishu/two')).toHaveLength(2)
    } finally {
      await services2.writer.close()
      second.client.close()
    }
  })

  it('uses the injected fetch', async () => {
    const seen: string[] = []
    h.services.fetch = async (input, init) => {
      seen.push(String(input))
      return fetch(input, init)
    }
    await criticalTip()
    await deliverOutbox(h.services, h.clock.now())
    expect(seen).toHaveLength(3)
    expect(seen.find((u) => u.includes('/dingtalk/one'))).toMatch(/timestamp=\d+&sign=/)
  })
})
