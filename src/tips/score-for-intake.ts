import type { Logger } from '../http/logger'
import { scoreTip } from '../scoring/score'
import type { ReporterKind, ScoreResult } from '../scoring/types'

/** The scorer version recorded when the scorer itself failed and the fallback below was used. */
export const FALLBACK_SCORER_VERSION = 'fallback'

/**
 * Scores a tip for intake. The scorer is pure and should never throw; if a bug makes it throw on some
 * text anyway, the tip is still taken — a child must never be turned away by a scorer bug — at `high`
 * (a person looks within 4 hours) with the fallback version on record so staff can tell it was not scored.
 *
 * @example
 * scoreForIntake('他说再告老师就弄死我', 'student', log).level // 'high'
 */
export function scoreForIntake(text: string, reporter: ReporterKind, log: Logger): ScoreResult {
  try {
    return scoreTip(text, reporter)
  } catch (error) {
    log({ level: 'error', msg: 'scorer failed; tip taken at the fallback level', error: error instanceof Error ? error.name : 'unknown' })
    return { level: 'high', score: 50, categories: ['other'], signals: [], scorerVersion: FALLBACK_SCORER_VERSION }
  }
}
