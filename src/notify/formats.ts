import { toBase64 } from '../auth/base64'
import type { NotificationMessage, notifyFormats } from '../db/schema'

/** A webhook format: the group bots of WeCom (企业微信), DingTalk (钉钉), Feishu (飞书), or generic JSON. */
export type NotifyFormat = (typeof notifyFormats)[number]

/** A resolved place to send to. `key` names it on outbox rows (`db:<id>` or `env:<hash>`). */
export interface Target {
  key: string
  label: string
  format: NotifyFormat
  url: string
  /** DingTalk / Feishu signing secret (加签), if the bot has one. */
  secret: string | null
  /** A mobile number the bot @-mentions (WeCom, DingTalk), so the person's phone rings. */
  mention: string | null
}

const kindTitles: Record<NotificationMessage['kind'], string> = {
  critical_tip: '严重线索 / Critical tip',
  overdue: '超时未处置 / Overdue',
  escalation: '督办：超时未响应 / Escalated to the district',
  call_down: '值班呼叫 / On-duty call',
  follow_up_due: '回访到期 / Follow-up check due',
}

const deadlineTitles: Record<string, string> = { firstResponse: '首次响应 first response', resolution: '办结 resolution' }

/**
 * The plain text of a notification, bilingual (the district's staff read Chinese, international schools
 * English). Built from the message's fields only — reference, level, school, link and the deadline — so it
 * cannot carry tip text or anything about the reporter, whatever the caller puts elsewhere.
 *
 * @example
 * notificationText(message) // '【Tipline】严重线索 / Critical tip\n案件 Case: T-7K3M-9Q2X\n…'
 */
export function notificationText(m: NotificationMessage): string {
  const lines = [
    `【Tipline】${kindTitles[m.kind]}`,
    `案件 Case: ${m.reference}`,
    `等级 Level: ${m.level}`,
    `学校 School: ${m.school.name} (${m.school.code})`,
  ]
  if (m.deadline) lines.push(`时限 Deadline: ${deadlineTitles[m.deadline] ?? m.deadline}${m.dueAt ? ` ${new Date(m.dueAt).toISOString()}` : ''}`)
  if (m.step) lines.push(`呼叫 Call: #${m.step}`)
  if (m.owner) lines.push(`负责人 Owner: ${m.owner}`)
  if (m.link) lines.push(`处理 Open: ${m.link}`)
  return lines.join('\n')
}

/** The generic JSON body: the message's fields as they are, plus the idempotency key and a text line. */
export interface GenericJsonBody {
  type: 'tipline.notification'
  idempotencyKey: string
  kind: NotificationMessage['kind']
  reference: string
  level: string
  school: { code: string; name: string }
  link: string | null
  deadline?: string
  dueAt?: string
  step?: number
  owner?: string | null
  text: string
}

/**
 * The request body for a target's format. `nowMs` is only used to sign (DingTalk and Feishu accept a
 * signature within an hour of its timestamp).
 *
 * @example
 * await renderRequest(target, message, 'critical:T-…:db:3', Date.now()) // { url, body: { msgtype: 'text', … } }
 */
export async function renderRequest(
  target: Target,
  message: NotificationMessage,
  idempotencyKey: string,
  nowMs: number,
): Promise<{ url: string; body: unknown }> {
  const text = notificationText(message)
  switch (target.format) {
    case 'wecom':
      // WeCom group bot, text message; `mentioned_mobile_list` @-mentions a member by phone.
      return {
        url: target.url,
        body: { msgtype: 'text', text: { content: text, ...(target.mention ? { mentioned_mobile_list: [target.mention] } : {}) } },
      }
    case 'dingtalk': {
      // DingTalk group bot: the @ only rings when the number also appears in the text.
      const body = {
        msgtype: 'text',
        text: { content: target.mention ? `${text}\n@${target.mention}` : text },
        at: { atMobiles: target.mention ? [target.mention] : [], isAtAll: false },
      }
      if (!target.secret) return { url: target.url, body }
      // 加签: sign = base64(HMAC-SHA256(secret, `${timestampMs}\n${secret}`)), both in the query string.
      const sign = await hmacBase64(target.secret, `${nowMs}\n${target.secret}`)
      const url = new URL(target.url)
      url.searchParams.set('timestamp', String(nowMs))
      url.searchParams.set('sign', sign)
      return { url: url.toString(), body }
    }
    case 'feishu': {
      const body: Record<string, unknown> = { msg_type: 'text', content: { text } }
      if (target.secret) {
        // 签名校验: the key is `${timestampSeconds}\n${secret}` and the signed message is empty.
        const timestamp = String(Math.floor(nowMs / 1000))
        body.timestamp = timestamp
        body.sign = await hmacBase64(`${timestamp}\n${target.secret}`, '')
      }
      return { url: target.url, body }
    }
    case 'json': {
      const body: GenericJsonBody = {
        type: 'tipline.notification',
        idempotencyKey,
        kind: message.kind,
        reference: message.reference,
        level: message.level,
        school: { code: message.school.code, name: message.school.name },
        link: message.link,
        ...(message.deadline ? { deadline: message.deadline } : {}),
        ...(message.dueAt ? { dueAt: new Date(message.dueAt).toISOString() } : {}),
        ...(message.step ? { step: message.step } : {}),
        ...(message.owner !== undefined ? { owner: message.owner } : {}),
        text,
      }
      return { url: target.url, body }
    }
  }
}

/** How one attempt went: delivered, or a short failure code and whether trying again can help. */
export type DeliveryOutcome = { ok: true } | { ok: false; code: string; retry: boolean }

/**
 * Judges a response. The bots answer HTTP 200 even when they refused the message, with an error code in
 * the body (WeCom/DingTalk `errcode`, Feishu `code`), so the body is read for them. Client errors other
 * than 408/429 will not get better by retrying (a deleted bot, a wrong key) and are given up at once.
 *
 * @example
 * deliveryOutcome('wecom', 200, '{"errcode":0,"errmsg":"ok"}') // { ok: true }
 * deliveryOutcome('json', 500, '') // { ok: false, code: 'http_500', retry: true }
 */
export function deliveryOutcome(format: NotifyFormat, status: number, bodyText: string): DeliveryOutcome {
  if (status < 200 || status >= 300) {
    const retry = status >= 500 || status === 408 || status === 429
    return { ok: false, code: `http_${status}`, retry }
  }
  if (format === 'json') return { ok: true }
  let parsed: { errcode?: unknown; code?: unknown; StatusCode?: unknown }
  try {
    parsed = JSON.parse(bodyText) as typeof parsed
  } catch {
    return { ok: false, code: 'bad_response', retry: true }
  }
  const code = format === 'feishu' ? (parsed.code ?? parsed.StatusCode) : parsed.errcode
  if (code === 0 || code === undefined) return { ok: true }
  // Rate limits (WeCom 45009, DingTalk 130101, Feishu 9499/11232) pass; everything else is configuration.
  const retry = [45009, 130101, 9499, 11232, -1].includes(Number(code))
  return { ok: false, code: `${format === 'feishu' ? 'code' : 'errcode'}_${String(code)}`, retry }
}

async function hmacBase64(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder()
  const k = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', k, encoder.encode(message))))
}
