import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { unseal } from '../../src/crypto/seal'
import { cases, messages, tips } from '../../src/db/schema'
import { newId } from '../../src/db/ids'
import { seal } from '../../src/crypto/seal'
import { verifyChain } from '../../src/ledger/chain'
import { readEvents } from '../../src/ledger/ledger'
import { messageContext } from '../../src/tips/followup'
import { newReceipt } from '../../src/tips/receipt'
import { type Harness, makeHarness, tipBody } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

interface View {
  reference: string
  status: string
  statusText: string
  createdAt: string
  messages: { from: string; text: string; createdAt: string }[]
}

async function sendTip(overrides: Record<string, unknown> = {}) {
  const res = await h.post('/api/tips', tipBody(overrides))
  expect(res.status).toBe(201)
  return (await res.json()) as { receipt: string; reference: string }
}

async function view(receipt: string): Promise<View> {
  const res = await h.post('/api/followup', { receipt })
  expect(res.status).toBe(200)
  return (await res.json()) as View
}

/** What a counselor's reply will look like once staff messages land (issue 4): written straight to the table. */
async function staffReply(reference: string, text: string) {
  const [c] = await h.db.select().from(cases).where(eq(cases.reference, reference))
  const [tip] = await h.db.select().from(tips).where(eq(tips.caseId, c!.id))
  const id = newId(h.clock.now())
  const sealed = await seal(h.keys, messageContext(id), text)
  await h.db.insert(messages).values({ id, caseId: c!.id, tipId: tip!.id, direction: 'staff', authorId: 'staff-1', ...sealed, createdAt: h.clock.now() })
}

describe('POST /api/followup', () => {
  it('shows the reference, a plain-words status in the tip’s language and the creation time', async () => {
    const { receipt, reference } = await sendTip()
    expect(await view(receipt)).toEqual({
      reference,
      status: 'received',
      statusText: '我们收到了你的消息。老师会尽快看到它。',
      createdAt: '2026-03-02T08:00:00.000Z',
      messages: [],
    })
  })

  it('answers in English for an English tip', async () => {
    const { receipt } = await sendTip({ text: 'Some older boys keep taking my lunch money every day.' })
    expect((await view(receipt)).statusText).toBe('We got your message. A counselor will read it soon.')
  })

  it('accepts the receipt typed loosely: lower case, spaces, I for 1 and O for 0', async () => {
    const { receipt, reference } = await sendTip()
    const sloppy = receipt.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'i').replaceAll('0', 'o')
    expect((await view(sloppy)).reference).toBe(reference)
  })

  it('follows the case as staff move it, in words a child understands, never showing escalation', async () => {
    const { receipt, reference } = await sendTip()
    const statusOf = async (state: 'acknowledged' | 'investigating' | 'resolved' | 'dismissed', escalated = false) => {
      await h.db.update(cases).set({ state, escalated }).where(eq(cases.reference, reference))
      return view(receipt)
    }
    expect((await statusOf('acknowledged')).status).toBe('in_progress')
    expect((await statusOf('investigating', true)).status).toBe('in_progress')
    expect((await statusOf('resolved')).status).toBe('resolved')
    expect((await statusOf('dismissed')).status).toBe('closed')
    expect(JSON.stringify(await view(receipt))).not.toMatch(/escalat/i)
  })

  it('is a 404 for a well-formed receipt nobody was given', async () => {
    await sendTip()
    const res = await h.post('/api/followup', { receipt: newReceipt().shown })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'unknown_receipt', message: 'We could not find this receipt code. Check it and try again.', field: 'receipt' },
    })
  })

  it('gives every miss the same answer, byte for byte', async () => {
    const a = await h.post('/api/followup', { receipt: newReceipt().shown })
    const b = await h.post('/api/followup', { receipt: newReceipt().shown })
    expect(await a.text()).toBe(await b.text())
    expect([...a.headers.keys()].sort()).toEqual([...b.headers.keys()].sort())
  })

  it.each([
    ['missing', {}],
    ['too short', { receipt: '7K3M-9Q2X' }],
    ['not a code', { receipt: 'hello, it is me' }],
    ['not a string', { receipt: 1234567890123456 }],
  ])('is a 400 naming the receipt when it is %s', async (_, body) => {
    const res = await h.post('/api/followup', body)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('receipt')
  })

  it('does not take a receipt in the URL', async () => {
    const { receipt } = await sendTip()
    expect((await h.get(`/api/followup/${receipt}`)).status).toBe(404)
    expect((await h.get(`/api/followup?receipt=${receipt}`)).status).toBe(404)
  })
})

describe('POST /api/followup/messages', () => {
  it('adds the reporter’s message and shows it back in the conversation (round trip with a counselor)', async () => {
    const { receipt, reference } = await sendTip()
    await staffReply(reference, '谢谢你告诉我们。是在哪个班发生的？')
    h.clock.advance(60_000)
    const res = await h.post('/api/followup/messages', { receipt, text: '初二（3）班，每天午休的时候' })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({
      reference,
      message: { from: 'you', text: '初二（3）班，每天午休的时候', createdAt: '2026-03-02T08:01:00.000Z' },
    })
    const { messages: thread } = await view(receipt)
    expect(thread).toEqual([
      { from: 'counselor', text: '谢谢你告诉我们。是在哪个班发生的？', createdAt: '2026-03-02T08:00:00.000Z' },
      { from: 'you', text: '初二（3）班，每天午休的时候', createdAt: '2026-03-02T08:01:00.000Z' },
    ])
  })

  it('stores the message sealed, marks the case active and writes a ledger event without the text', async () => {
    const { receipt, reference } = await sendTip()
    h.clock.advance(5_000)
    await h.post('/api/followup/messages', { receipt, text: '还有一件事' })
    const [row] = await h.db.select().from(messages)
    expect(row).toMatchObject({ direction: 'reporter', authorId: null, keyId: 'k1' })
    expect(await unseal(h.keys, messageContext(row!.id), row!)).toBe('还有一件事')
    const [c] = await h.db.select().from(cases).where(eq(cases.reference, reference))
    expect(c!.updatedAt.getTime() - c!.createdAt.getTime()).toBe(5_000)
    const ledger = await readEvents(h.db)
    expect(ledger.at(-1)).toMatchObject({ actor: 'reporter', action: 'message.received', caseId: c!.id })
    expect(ledger.at(-1)!.payload).not.toContain('还有一件事')
    expect(verifyChain(ledger).ok).toBe(true)
  })

  it('shows each reporter only their own thread', async () => {
    const a = await sendTip()
    const b = await sendTip()
    await h.post('/api/followup/messages', { receipt: a.receipt, text: 'from a' })
    await h.post('/api/followup/messages', { receipt: b.receipt, text: 'from b' })
    expect((await view(a.receipt)).messages.map((m) => m.text)).toEqual(['from a'])
    expect((await view(b.receipt)).messages.map((m) => m.text)).toEqual(['from b'])
  })

  it('is a 404 for an unknown receipt and stores nothing', async () => {
    const res = await h.post('/api/followup/messages', { receipt: newReceipt().shown, text: 'hello' })
    expect(res.status).toBe(404)
    expect(await h.db.select().from(messages)).toHaveLength(0)
  })

  it.each([
    ['text is missing', { text: undefined }, 'text'],
    ['text is empty', { text: '  ' }, 'text'],
    ['text is too long', { text: 'x'.repeat(5001) }, 'text'],
    ['receipt is malformed', { receipt: 'nope' }, 'receipt'],
  ])('is a 400 naming the field when %s', async (_, overrides, field) => {
    const { receipt } = await sendTip()
    const res = await h.post('/api/followup/messages', { receipt, text: 'ok', ...overrides })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field)
  })
})
