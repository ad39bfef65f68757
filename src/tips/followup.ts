import { asc, eq, sql } from 'drizzle-orm'
import type { CaseState } from '../cases/state-machine'
import { type Keys, lookupHash } from '../crypto/keys'
import { type Sealed, unseal } from '../crypto/seal'
import type { Db } from '../db/db'
import type { WriteUnit } from '../db/group-commit'
import { insertRow } from '../db/insert-rows'
import { perDatabase } from '../db/prepared'
import { cases, messages, tips } from '../db/schema'
import { type ReporterStatus, reporterStatus, statusText } from './reporter-text'
import type { Language } from './tip-fields'

/** The tip a receipt opens, with what the follow-up views need of its case. */
export interface ReceiptTip {
  tipId: string
  caseId: string
  reference: string
  state: CaseState
  lang: Language
  createdAt: Date
}

/**
 * The tip behind a normalised receipt, or undefined. The receipt is hashed and looked up by its unique
 * index, so a miss costs the same whatever was typed: one HMAC and one index probe.
 *
 * @example
 * await findTipByReceipt(db, keys, '7K3M9Q2XA1B2C3D4')
 */
export async function findTipByReceipt(db: Db, keys: Keys, receipt: string): Promise<ReceiptTip | undefined> {
  return tipByReceiptHash(db).get({ hash: await lookupHash(keys, 'receipt', receipt) })
}

const tipByReceiptHash = perDatabase((db) =>
  db
    .select({
      tipId: tips.id,
      caseId: tips.caseId,
      lang: tips.lang,
      createdAt: tips.createdAt,
      reference: cases.reference,
      state: cases.state,
    })
    .from(tips)
    .innerJoin(cases, eq(cases.id, tips.caseId))
    .where(eq(tips.receiptHash, sql.placeholder('hash')))
    .limit(1)
    .prepare(),
)

/** A message as the reporter sees it: who wrote it, never which staff member. */
export interface ReporterMessage {
  from: 'you' | 'counselor'
  text: string
  createdAt: string
}

export interface FollowupView {
  reference: string
  status: ReporterStatus
  statusText: string
  createdAt: string
  messages: ReporterMessage[]
}

/**
 * What a receipt shows: the case's state in plain words and this reporter's conversation, unsealed.
 *
 * @example
 * await followupView(db, keys, tip) // { reference: 'T-…', status: 'received', statusText: '我们收到了…', messages: [] }
 */
export async function followupView(db: Db, keys: Keys, tip: ReceiptTip): Promise<FollowupView> {
  const rows = await db
    .select({
      id: messages.id,
      direction: messages.direction,
      keyId: messages.keyId,
      nonce: messages.nonce,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(eq(messages.tipId, tip.tipId))
    .orderBy(asc(messages.createdAt), asc(messages.id))
  const status = reporterStatus(tip.state)
  return {
    reference: tip.reference,
    status,
    statusText: statusText(tip.lang, status),
    createdAt: tip.createdAt.toISOString(),
    messages: await Promise.all(
      rows.map(async (m) => ({
        from: m.direction === 'reporter' ? ('you' as const) : ('counselor' as const),
        text: await unseal(keys, messageContext(m.id), m),
        createdAt: m.createdAt.toISOString(),
      })),
    ),
  }
}

/**
 * The additional data a message's body is sealed with: binds the ciphertext to its row.
 *
 * @example
 * messageContext('0190…') // 'message:0190…'
 */
export function messageContext(messageId: string): string {
  return `message:${messageId}`
}

/**
 * The write for a reporter's message: the message row, the case's activity time, and a ledger event
 * naming the message (never its text), in one batch.
 *
 * @example
 * await writer.submit(addReporterMessage(db, { tip, messageId, sealed, at }))
 */
export function addReporterMessage(
  db: Db,
  message: { tip: ReceiptTip; messageId: string; sealed: Sealed; at: Date },
): WriteUnit<void> {
  const { tip, messageId, sealed, at } = message
  return {
    build(ledger) {
      return {
        writes: [
          insertRow(messages, {
            id: messageId,
            caseId: tip.caseId,
            tipId: tip.tipId,
            direction: 'reporter',
            authorId: null,
            keyId: sealed.keyId,
            nonce: sealed.nonce,
            body: sealed.body,
            createdAt: at,
          }),
          db.update(cases).set({ updatedAt: at }).where(eq(cases.id, tip.caseId)),
          ledger.append({
            caseId: tip.caseId,
            actor: 'reporter',
            action: 'message.received',
            payload: { tip: tip.tipId, message: messageId },
            time: at.getTime(),
          }),
        ],
        result: undefined,
      }
    },
  }
}
