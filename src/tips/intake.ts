import { newCaseReference } from '../cases/reference'
import { firstResponseDueAt } from '../cases/deadlines'
import type { Sealed } from '../crypto/seal'
import type { WriteUnit } from '../db/group-commit'
import { insertRow } from '../db/insert-rows'
import { cases, type StoredSignal, tips } from '../db/schema'
import type { Category, ReporterKind, ScoreResult } from '../scoring/types'
import { categoryMask } from '../cases/category-mask'
import type { Channel, Language, Place } from './tip-fields'

/** A tip ready to be written: validated, scored, its text sealed and its receipt hashed. */
export interface NewTip {
  tipId: string
  caseId: string
  school: { id: number; code: string }
  receiptHash: string
  reporter: ReporterKind
  place?: Place | undefined
  ongoing?: boolean | undefined
  informantCodeId?: number | undefined
  reporterCategories?: Category[] | undefined
  lang: Language
  score: ScoreResult
  sealed: Sealed
  at: Date
  /** How it arrived; `web` unless a staff member recorded it. */
  channel?: Channel | undefined
  /** The staff member who recorded it (phone, in person, 12355); the reporter themselves otherwise. */
  recordedBy?: string | undefined
}

/**
 * The additional data a tip's body is sealed with: binds the ciphertext to its row.
 *
 * @example
 * tipContext('0190…') // 'tip:0190…'
 */
export function tipContext(tipId: string): string {
  return `tip:${tipId}`
}

/**
 * The write that takes a tip in: open its case with the first-response deadline for its level, store the
 * tip, and put the first two ledger events (received, scored with the scorer's version) in the same
 * atomic batch — a tip is never stored without its history, nor history without its tip.
 *
 * @example
 * const { reference } = await writer.submit(openCaseForTip(tip))
 */
export function openCaseForTip(tip: NewTip): WriteUnit<{ reference: string }> {
  const { score, at } = tip
  const dueAt = firstResponseDueAt(score.level, at)
  return {
    build(ledger) {
      // Made here, not outside: a lone retry after a reference collision must get a fresh one.
      const reference = newCaseReference()
      const time = at.getTime()
      const writes = [
        insertRow(cases, {
          id: tip.caseId,
          reference,
          schoolId: tip.school.id,
          level: score.level,
          scorerLevel: score.level,
          firstResponseDueAt: dueAt,
          categoryMask: categoryMask(score.categories),
          createdAt: at,
          updatedAt: at,
        }),
        insertRow(tips, {
          id: tip.tipId,
          caseId: tip.caseId,
          schoolId: tip.school.id,
          receiptHash: tip.receiptHash,
          reporter: tip.reporter,
          channel: tip.channel ?? 'web',
          place: tip.place ?? null,
          ongoing: tip.ongoing ?? null,
          informantCodeId: tip.informantCodeId ?? null,
          lang: tip.lang,
          reporterCategories: tip.reporterCategories ?? null,
          level: score.level,
          score: score.score,
          categories: score.categories,
          signals: storedSignals(score),
          scorerVersion: score.scorerVersion,
          keyId: tip.sealed.keyId,
          nonce: tip.sealed.nonce,
          body: tip.sealed.body,
          createdAt: at,
        }),
        ledger.append({
          caseId: tip.caseId,
          actor: tip.recordedBy ?? 'reporter',
          action: 'tip.received',
          payload: {
            tip: tip.tipId,
            reference,
            school: tip.school.code,
            reporter: tip.reporter,
            channel: tip.channel ?? 'web',
            informant: tip.informantCodeId !== undefined,
            firstResponseDueAt: dueAt.getTime(),
          },
          time,
        }),
        ledger.append({
          caseId: tip.caseId,
          actor: 'system',
          action: 'tip.scored',
          payload: {
            tip: tip.tipId,
            level: score.level,
            score: score.score,
            categories: score.categories,
            signals: score.signals.map((s) => s.id),
            scorerVersion: score.scorerVersion,
          },
          time,
        }),
      ]
      return { writes, result: { reference } }
    },
  }
}

/**
 * Signals as stored: the span's offsets without its text, which is tip text and must only exist sealed.
 * Staff views unseal the tip and cut the spans out again.
 *
 * @example
 * storedSignals(score) // [{ id: 'self_harm.wish', category: 'self_harm', weight: 60, start: 0, end: 5 }]
 */
export function storedSignals(score: ScoreResult): StoredSignal[] {
  return score.signals.map((s) => ({ id: s.id, category: s.category, weight: s.weight, start: s.match.start, end: s.match.end }))
}
