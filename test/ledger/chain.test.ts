import { describe, expect, it } from 'vitest'
import { toHex } from '../../src/crypto/bytes'
import {
  type ChainedEvent,
  EMPTY_HEAD,
  type EventDraft,
  GENESIS_HASH,
  canonicalJson,
  chainEvent,
  hashEvent,
  hashInput,
  verifyChain,
} from '../../src/ledger/chain'

const draft = (n: number, over: Partial<EventDraft> = {}): EventDraft => ({
  caseId: `case-${n % 2}`,
  actor: n % 2 ? 'system' : 'reporter',
  action: n % 2 ? 'tip.scored' : 'tip.received',
  payload: { n, level: 'high', nested: { b: [1, 2], a: null } },
  time: 1_772_438_400_000 + n,
  ...over,
})

function chainOf(count: number): ChainedEvent[] {
  const out: ChainedEvent[] = []
  let head = EMPTY_HEAD
  for (let i = 0; i < count; i++) {
    const linked = chainEvent(head, draft(i))
    out.push(linked.event)
    head = linked.head
  }
  return out
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] })).toBe('{"a":[true,{"c":"x","d":null}],"b":1}')
  })

  it('gives the same text whatever order an object was built in', () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } })).toBe(canonicalJson({ y: { p: 3, q: 2 }, x: 1 }))
  })

  it('drops undefined members like JSON.stringify, and escapes strings the same way', () => {
    expect(canonicalJson({ a: undefined, b: '引号"\n' })).toBe(JSON.stringify({ b: '引号"\n' }))
  })

  it('refuses values that have no single JSON form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError)
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError)
  })
})

describe('chainEvent', () => {
  it('starts the chain at seq 1 on the genesis hash', () => {
    const { event, head } = chainEvent(EMPTY_HEAD, draft(0))
    expect(event.seq).toBe(1)
    expect(event.prevHash).toBe(GENESIS_HASH)
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(head).toEqual({ seq: 1, hash: event.hash })
  })

  it('links each event to the one before', () => {
    const events = chainOf(3)
    expect(events[1]!.prevHash).toBe(events[0]!.hash)
    expect(events[2]!.prevHash).toBe(events[1]!.hash)
  })

  it('stores the payload as canonical JSON, so the stored text is what was hashed', () => {
    const { event } = chainEvent(EMPTY_HEAD, draft(0, { payload: { z: 1, a: 2 } }))
    expect(event.payload).toBe('{"a":2,"z":1}')
  })

  it('hashes exactly (seq, case, actor, action, payload, time, prevHash) with plain SHA-256, as WebCrypto computes it', async () => {
    const { event } = chainEvent(EMPTY_HEAD, draft(0))
    const input = hashInput(event)
    expect(JSON.parse(input)).toEqual({
      seq: 1,
      case: 'case-0',
      actor: 'reporter',
      action: 'tip.received',
      payload: { n: 0, level: 'high', nested: { a: null, b: [1, 2] } },
      time: 1_772_438_400_000,
      prevHash: GENESIS_HASH,
    })
    const webcrypto = toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input)))
    expect(event.hash).toBe(webcrypto)
  })

  it('lays the hashed text out as canonical JSON, byte for byte (events already stored depend on it)', () => {
    const input = hashInput({ seq: 1, caseId: 'c1', actor: 'system', action: 'tip.scored', payload: '{"level":"high","a":[1,null]}', time: 0, prevHash: GENESIS_HASH })
    expect(input).toBe(
      `{"action":"tip.scored","actor":"system","case":"c1","payload":{"a":[1,null],"level":"high"},"prevHash":"${GENESIS_HASH}","seq":1,"time":0}`,
    )
    expect(hashInput({ seq: 2, caseId: null, actor: 'staff:7', action: 'account.created', payload: '{}', time: 5, prevHash: 'ab' })).toBe(
      '{"action":"account.created","actor":"staff:7","case":null,"payload":{},"prevHash":"ab","seq":2,"time":5}',
    )
  })

  it('does not depend on the key order of the stored payload text', () => {
    const { event } = chainEvent(EMPTY_HEAD, draft(0, { payload: { a: 1, b: 2 } }))
    expect(hashEvent({ ...event, payload: '{"b":2,"a":1}' })).toBe(event.hash)
  })
})

describe('verifyChain', () => {
  it('accepts an untouched chain and reports its head', () => {
    const events = chainOf(5)
    expect(verifyChain(events)).toEqual({ ok: true, count: 5, head: { seq: 5, hash: events[4]!.hash } })
  })

  it('accepts an empty run', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: EMPTY_HEAD })
  })

  it('verifies a long chain page by page from the previous page’s head', () => {
    const events = chainOf(6)
    const first = verifyChain(events.slice(0, 3))
    expect(first.ok).toBe(true)
    if (first.ok) expect(verifyChain(events.slice(3), first.head).ok).toBe(true)
  })

  it('finds an edited payload', () => {
    const events = chainOf(4)
    events[2] = { ...events[2]!, payload: '{"level":"low"}' }
    expect(verifyChain(events)).toEqual({ ok: false, seq: 3, problem: 'hash_mismatch' })
  })

  it('finds an edited actor or time even when the hash is left alone', () => {
    const events = chainOf(3)
    expect(verifyChain([events[0]!, { ...events[1]!, actor: 'staff-9' }, events[2]!])).toMatchObject({ ok: false, seq: 2 })
    expect(verifyChain([events[0]!, { ...events[1]!, time: 0 }, events[2]!])).toMatchObject({ ok: false, seq: 2 })
  })

  it('finds a deleted event (a whole case removed leaves a gap in the one global chain)', () => {
    const events = chainOf(4)
    expect(verifyChain([events[0]!, events[1]!, events[3]!])).toEqual({ ok: false, seq: 4, problem: 'sequence_gap' })
  })

  it('finds a deleted event whose successors were renumbered', () => {
    const events = chainOf(4)
    const renumbered = [events[0]!, events[2]!, events[3]!].map((e, i) => ({ ...e, seq: i + 1 }))
    expect(verifyChain(renumbered)).toEqual({ ok: false, seq: 2, problem: 'broken_link' })
  })

  it('finds a rewritten event even when its own hash was recomputed, because the next one no longer links', () => {
    const events = chainOf(3)
    const forged = { ...events[1]!, payload: '{"level":"low"}' }
    forged.hash = hashEvent(forged)
    expect(verifyChain([events[0]!, forged, events[2]!])).toEqual({ ok: false, seq: 3, problem: 'broken_link' })
  })
})

describe('chainEvent', () => {
  it('hashes exactly what hashEvent recomputes from the stored row, for every kind of payload', () => {
    const payloads: EventDraft['payload'][] = [
      {},
      { z: 1, a: 2, m: { y: [true, null, 'x'], b: -0.5 } },
      { text: '小明 "quoted" \\ back\nslash 🐷', list: [], empty: {}, skipped: undefined },
      { big: 9_007_199_254_740_991, small: 1e-7, exp: 1e21 },
    ]
    let head = EMPTY_HEAD
    for (const [i, payload] of payloads.entries()) {
      for (const caseId of ['c-1', null]) {
        const { event, head: next } = chainEvent(head, draft(i, { payload, caseId, actor: 'staff "x"', action: 'case.note' }))
        expect(event.hash).toBe(hashEvent(event))
        head = next
      }
    }
  })

  it('gives the same hashes with another SHA-256 implementation', async () => {
    const { nodeSha256 } = await import('../../src/hosts/node-crypto')
    const a = chainEvent(EMPTY_HEAD, draft(1))
    const b = chainEvent(EMPTY_HEAD, draft(1), nodeSha256)
    expect(b.event.hash).toBe(a.event.hash)
    expect(hashEvent(a.event, nodeSha256)).toBe(a.event.hash)
  })
})
