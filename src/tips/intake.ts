import { newCaseReference } from '../cases/reference'
import { type DeadlinePolicy, openingDeadlines, rubricDeadlines } from '../cases/deadlines'
import { callDownCallWrites } from '../cases/sweep'
import type { Sealed } from '../crypto/seal'
import type { WriteUnit } from '../db/group-commit'
import { type Write, insertRow } from '../db/insert-rows'
import { type NotificationMessage, cases, type StoredSignal, tips } from '../db/schema'
import type { LedgerAppender } from '../ledger/ledger'
import { outboxRows } from '../notify/outbox'
import type { Audience } from '../notify/targets'
import type { Category, Level, ReporterKind, ScoreResult } from '../scoring/types'
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
  /** The configured deadlines (DEADLINES_*); the rubric's when absent. */
  policy?: DeadlinePolicy | undefined
  /** Early warning: the tip's index rows and related-tip links, and a level raise for repetition. */
  earlyWarning?: { writes: Write[]; raise?: { from: Level; to: Level; tips: number; related: string[] } | undefined } | undefined
  /**
   * For a critical case: who to alert (loaded by the route), the staff link for a reference, and the
   * call-down interval. The alerts go into the outbox in this same batch.
   */
  alerts?: { audience: Audience; link: (reference: string) => string | null; callDownMs: number } | undefined
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
  const level = tip.earlyWarning?.raise?.to ?? score.level
  const { firstResponseDueAt: dueAt, resolutionDueAt } = openingDeadlines(level, at, tip.policy ?? rubricDeadlines)
  const callDown = level === 'critical' && tip.alerts !== undefined
  return {
    build(ledger) {
      // Made here, not outside: a lone retry after a reference collision must get a fresh one.
      const reference = newCaseReference()
      const time = at.getTime()
      const writes: Write[] = [
        insertRow(cases, {
          id: tip.caseId,
          reference,
          schoolId: tip.school.id,
          level,
          scorerLevel: score.level,
          firstResponseDueAt: dueAt,
          resolutionDueAt,
          // A critical case calls its first on-duty contact now and the next one if nobody acknowledges.
          callDownStep: callDown ? 1 : 0,
          callDownNextAt: callDown ? new Date(time + tip.alerts!.callDownMs) : null,
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
            resolutionDueAt: resolutionDueAt.getTime(),
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
      if (tip.earlyWarning) {
        writes.push(...tip.earlyWarning.writes)
        const raise = tip.earlyWarning.raise
        if (raise) {
          writes.push(
            ledger.append({
              caseId: tip.caseId,
              actor: 'system',
              action: 'case.level_changed',
              payload: { from: raise.from, to: raise.to, reason: 'repetition', tipsAboutOneTarget: raise.tips, related: raise.related },
              time,
            }),
          )
        }
      }
      if (callDown) writes.push(...criticalAlertWrites(ledger, tip, reference, level))
      return { writes, result: { reference } }
    },
  }
}

/**
 * A critical tip's alerts, in its intake batch: the school's and the district's on-duty channels, and the
 * first contact of the school's call-down list (a `case.call_down` event). Only references and labels go
 * out — see NotificationMessage.
 */
function criticalAlertWrites(ledger: LedgerAppender, tip: NewTip, reference: string, level: Level): Write[] {
  const { audience, link } = tip.alerts!
  const base = { reference, level, school: { code: audience.school.code, name: audience.school.name }, link: link(reference) }
  const critical: NotificationMessage = { kind: 'critical_tip', ...base }
  return [
    ...outboxRows(tip.caseId, critical, [...audience.schoolChannels, ...audience.districtChannels], `${tip.caseId}:critical`, tip.at),
    ...callDownCallWrites(ledger, { caseId: tip.caseId, step: 1, contact: audience.contacts[0], at: tip.at, message: { kind: 'call_down', step: 1, ...base } }),
  ]
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
