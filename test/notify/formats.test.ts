import { describe, expect, it } from 'vitest'
import type { NotificationMessage } from '../../src/db/schema'
import { retryDelayMs } from '../../src/notify/backoff'
import { type Target, deliveryOutcome, notificationText, renderRequest } from '../../src/notify/formats'

const message: NotificationMessage = {
  kind: 'overdue',
  reference: 'T-7K3M-9Q2X',
  level: 'high',
  school: { code: 'QX-P03', name: '青溪区东关小学' },
  link: 'https://tipline.example.edu.cn/cases/T-7K3M-9Q2X',
  deadline: 'firstResponse',
  dueAt: Date.UTC(2026, 2, 2, 12),
}
const target = (format: Target['format'], extra: Partial<Target> = {}): Target => ({
  key: 'db:1',
  label: 'x',
  format,
  url: 'https://bot.example/hook?key=abc',
  secret: null,
  mention: null,
  ...extra,
})

describe('webhook formats', () => {
  it('writes the text from the message fields only', () => {
    const text = notificationText(message)
    expect(text).toContain('T-7K3M-9Q2X')
    expect(text).toContain('青溪区东关小学 (QX-P03)')
    expect(text).toContain('首次响应')
    expect(text).toContain('https://tipline.example.edu.cn/cases/T-7K3M-9Q2X')
  })

  it('ignores anything smuggled onto a message beyond its fields', async () => {
    const dirty = { ...message, text: '小明要跳楼', receipt: '7K3M-9Q2X-A1B2-C3D4' } as NotificationMessage
    for (const format of ['wecom', 'dingtalk', 'feishu', 'json'] as const) {
      const { body } = await renderRequest(target(format), dirty, 'k', 0)
      expect(JSON.stringify(body)).not.toMatch(/小明|跳楼|A1B2/)
    }
  })

  it('shapes WeCom, DingTalk, Feishu and generic JSON bodies as their bots document', async () => {
    expect((await renderRequest(target('wecom', { mention: '13800000001' }), message, 'k', 0)).body).toEqual({
      msgtype: 'text',
      text: { content: notificationText(message), mentioned_mobile_list: ['13800000001'] },
    })
    const ding = await renderRequest(target('dingtalk', { secret: 's' }), message, 'k', 1_700_000_000_000)
    expect(ding.url).toMatch(/^https:\/\/bot\.example\/hook\?key=abc&timestamp=1700000000000&sign=/)
    expect(ding.body).toMatchObject({ msgtype: 'text', at: { atMobiles: [], isAtAll: false } })
    const feishu = await renderRequest(target('feishu', { secret: 's' }), message, 'k', 1_700_000_000_000)
    expect(feishu.body).toMatchObject({ msg_type: 'text', content: { text: notificationText(message) }, timestamp: '1700000000' })
    expect((await renderRequest(target('json'), message, 'k', 0)).body).toMatchObject({
      type: 'tipline.notification',
      idempotencyKey: 'k',
      dueAt: '2026-03-02T12:00:00.000Z',
    })
  })

  it('reads bot error codes in a 200 answer, and gives up on configuration errors', () => {
    expect(deliveryOutcome('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true })
    expect(deliveryOutcome('wecom', 200, '{"errcode":45009}')).toEqual({ ok: false, code: 'errcode_45009', retry: true })
    expect(deliveryOutcome('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({ retry: false })
    expect(deliveryOutcome('feishu', 200, '{"code":19021}')).toMatchObject({ ok: false, retry: false })
    expect(deliveryOutcome('json', 503, '')).toEqual({ ok: false, code: 'http_503', retry: true })
    expect(deliveryOutcome('json', 404, '')).toMatchObject({ retry: false })
  })

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 4, 20].map((n) => retryDelayMs(n, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000, 3_600_000])
    expect(retryDelayMs(1, () => 1)).toBe(18_000)
  })
})
