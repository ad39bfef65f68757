import { sha256 } from '@noble/hashes/sha2.js'
import { toHex } from '../crypto/bytes'

/**
 * The ledger's hash chain, as pure functions: canonical encoding, event hashing and verification.
 *
 * Hashing is synchronous (audited pure-JS SHA-256) rather than WebCrypto's `subtle.digest` on purpose: the
 * chain is inherently sequential — each hash covers the previous one — and it is computed inside the
 * group-commit flush for every event of the batch. An async digest costs one event-loop turn per event,
 * and under load a turn is milliseconds, so a batch of 200 events would wait far longer than its fsync.
 * The output is plain SHA-256 and tests check it against WebCrypto, so any verifier can recompute it.
 */

/** The `prev_hash` of the very first event. */
export const GENESIS_HASH = '0'.repeat(64)

/** A JSON value as the ledger accepts it in payloads: no `undefined` inside arrays, no non-finite numbers. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined }

/** Where the chain stands: the last committed event's sequence number and hash. */
export interface ChainHead {
  seq: number
  hash: string
}

/** The empty chain, before any event. */
export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH }

/** What a writer says about an event; the chain adds seq, prevHash and hash. */
export interface EventDraft {
  caseId: string | null
  /** `reporter`, `system`, or a staff id. */
  actor: string
  action: string
  payload: { [key: string]: JsonValue | undefined }
  /** Epoch milliseconds. */
  time: number
}

/** An event as stored: the draft with its place in the chain. `payload` is the canonical JSON text. */
export interface ChainedEvent {
  seq: number
  caseId: string | null
  actor: string
  action: string
  payload: string
  time: number
  prevHash: string
  hash: string
}

/**
 * JSON with object keys in sorted order at every depth, so the same value always gives the same bytes
 * whatever order it was built in. Keys whose value is `undefined` are left out, as `JSON.stringify` does.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }) // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite')
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`
      const keys = Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort()
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`)
  }
}

/**
 * The exact text an event's hash covers: canonical JSON of (seq, case, actor, action, payload, time,
 * prevHash). `payload` enters as a parsed value, so its own key order cannot change the hash.
 *
 * @example
 * hashInput({ seq: 1, caseId: 'c1', actor: 'system', action: 'tip.scored', payload: '{"level":"high"}', time: 0, prevHash: GENESIS_HASH })
 * // '{"action":"tip.scored","actor":"system","case":"c1","payload":{"level":"high"},"prevHash":"000…","seq":1,"time":0}'
 */
export function hashInput(event: Omit<ChainedEvent, 'hash'>): string {
  return hashInputOfCanonical({ ...event, payload: canonicalJson(JSON.parse(event.payload) as JsonValue) })
}

const encoder = new TextEncoder()

/**
 * A SHA-256 implementation: bytes in, 32-byte digest out. The default is @noble/hashes (pure JS, runs
 * anywhere); a host may pass a native one (Node's `createHash`), which gives the same digest several times
 * faster — the writer hashes every event of every batch on the request thread.
 */
export type Sha256 = (bytes: Uint8Array) => Uint8Array

/**
 * Lower-case hex SHA-256 of an event's hash input.
 *
 * @example
 * hashEvent(event) === event.hash // for an untampered event
 */
export function hashEvent(event: Omit<ChainedEvent, 'hash'>, digest: Sha256 = sha256): string {
  return toHex(digest(encoder.encode(hashInput(event))))
}

/**
 * The one layout of the hashed text, for an event whose payload is already canonical JSON (as `chainEvent`
 * makes it; `hashInput` canonicalises a stored payload first): the keys in canonical (sorted) order, the
 * payload text as it is instead of parsed and encoded again.
 */
function hashInputOfCanonical(event: Omit<ChainedEvent, 'hash'>): string {
  return (
    `{"action":${JSON.stringify(event.action)},"actor":${JSON.stringify(event.actor)},"case":${canonicalJson(event.caseId)},` +
    `"payload":${event.payload},"prevHash":${JSON.stringify(event.prevHash)},"seq":${canonicalJson(event.seq)},"time":${canonicalJson(event.time)}}`
  )
}

/**
 * Links a draft onto the chain after `head`, returning the stored form and the new head.
 *
 * @example
 * const { event, head: next } = chainEvent(EMPTY_HEAD, { caseId: 'c1', actor: 'system', action: 'tip.received', payload: {}, time: Date.now() })
 * // event.seq === 1, event.prevHash === GENESIS_HASH, next.hash === event.hash
 */
export function chainEvent(head: ChainHead, draft: EventDraft, digest: Sha256 = sha256): { event: ChainedEvent; head: ChainHead } {
  const unhashed = {
    seq: head.seq + 1,
    caseId: draft.caseId,
    actor: draft.actor,
    action: draft.action,
    payload: canonicalJson(draft.payload),
    time: draft.time,
    prevHash: head.hash,
  }
  const event = { ...unhashed, hash: toHex(digest(encoder.encode(hashInputOfCanonical(unhashed)))) }
  return { event, head: { seq: event.seq, hash: event.hash } }
}

export type ChainProblem = 'hash_mismatch' | 'broken_link' | 'sequence_gap'

/** The verdict on a run of events: intact (with where it ends), or the first event that is not. */
export type ChainVerdict =
  | { ok: true; count: number; head: ChainHead }
  | { ok: false; seq: number; problem: ChainProblem }

/**
 * Checks a run of consecutive events: every hash recomputes, every event points at the one before, and no
 * sequence number is missing. `from` is the head the run continues (the genesis head for a full check),
 * so a long ledger can be verified page by page.
 *
 * @example
 * verifyChain(allEvents) // { ok: true, count: 2, head: { seq: 2, hash: '…' } }
 * verifyChain(page2, lastHeadOfPage1)
 */
export function verifyChain(events: readonly ChainedEvent[], from: ChainHead = EMPTY_HEAD): ChainVerdict {
  let head = from
  for (const event of events) {
    if (event.seq !== head.seq + 1) return { ok: false, seq: event.seq, problem: 'sequence_gap' }
    if (event.prevHash !== head.hash) return { ok: false, seq: event.seq, problem: 'broken_link' }
    if (hashEvent(event) !== event.hash) return { ok: false, seq: event.seq, problem: 'hash_mismatch' }
    head = { seq: event.seq, hash: event.hash }
  }
  return { ok: true, count: events.length, head }
}
