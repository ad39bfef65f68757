import { desc } from 'drizzle-orm'
import type { Db } from '../db/db'
import type { WriteUnit } from '../db/group-commit'
import { type RowInsert, type Write, insertRow } from '../db/insert-rows'
import { events } from '../db/schema'
import { type ChainHead, type ChainedEvent, EMPTY_HEAD, type EventDraft, type JsonValue, type Sha256, chainEvent } from './chain'

/**
 * Appends events to the ledger inside one batch: each `append` links the event onto the head left by the
 * previous one and returns its row, so a batch's events form an unbroken run of the chain.
 *
 * @example
 * const ledger = new LedgerAppender(await readChainHead(db))
 * await runBatch(db, batchStatements(db, [insertCase, ledger.append({ caseId, actor: 'system', action: 'case.opened', payload: {}, time })], insertOrder))
 */
export class LedgerAppender {
  constructor(
    /** Where the chain stands after the events appended so far. */
    public head: ChainHead,
    /** How events are hashed; pure-JS SHA-256 unless the host gave a native one (same digests). */
    private readonly digest?: Sha256,
  ) {}

  append(draft: EventDraft): RowInsert<typeof events> {
    const { event, head } = chainEvent(this.head, draft, this.digest)
    this.head = head
    return insertRow(events, toRow(event))
  }
}

/** An administrative change — accounts, informant codes — recorded in the ledger without a case. */
export interface AdminEvent {
  actor: string
  action: string
  payload: { [key: string]: JsonValue | undefined }
  at: Date
}

/**
 * One administrative change as a write unit: its row writes and its ledger event, committed together so
 * nothing changes unrecorded.
 *
 * @example
 * await writer.submit(adminChange([db.update(informantCodes).set({ active: false }).where(…)], { actor, action: 'informant.revoked', payload: { informantCode: id }, at }))
 */
export function adminChange<T = undefined>(writes: Write[], event: AdminEvent, result?: T): WriteUnit<T> {
  return {
    build: (ledger) => ({
      writes: [
        ...writes,
        ledger.append({ caseId: null, actor: event.actor, action: event.action, payload: event.payload, time: event.at.getTime() }),
      ],
      result: result as T,
    }),
  }
}

/**
 * The last committed event's seq and hash, or the empty head for an empty ledger.
 *
 * @example
 * await readChainHead(db) // { seq: 42, hash: '9f…' }
 */
export async function readChainHead(db: Db): Promise<ChainHead> {
  const [last] = await db.select({ seq: events.seq, hash: events.hash }).from(events).orderBy(desc(events.seq)).limit(1)
  return last ?? EMPTY_HEAD
}

/**
 * Events as the chain functions see them, for verification.
 *
 * @example
 * verifyChain(await readEvents(db))
 */
export async function readEvents(db: Db, fromSeq = 1, limit = 10_000): Promise<ChainedEvent[]> {
  const rows = await db.query.events.findMany({
    where: (e, { gte }) => gte(e.seq, fromSeq),
    orderBy: (e, { asc }) => asc(e.seq),
    limit,
  })
  return rows.map(({ createdAt, ...event }) => ({ ...event, time: createdAt.getTime() }))
}

function toRow(event: ChainedEvent): typeof events.$inferInsert {
  return {
    seq: event.seq,
    caseId: event.caseId,
    actor: event.actor,
    action: event.action,
    payload: event.payload,
    createdAt: new Date(event.time),
    prevHash: event.prevHash,
    hash: event.hash,
  }
}
