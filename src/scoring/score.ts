import { lexicon } from './load-lexicon'
import { findHits } from './match'
import { normalize } from './normalize'
import { decide } from './rules'
import type { ReporterKind, ScoreResult } from './types'
import { scorerVersion } from './version'

/**
 * Scores a tip for warning signs. Pure and synchronous: no I/O, linear in the text's length.
 *
 * The reporter kind is accepted for the record but does not change the level: the rubric weighs a report
 * made for someone else exactly like one made for oneself.
 *
 * @example
 * scoreTip('他说明天放学带刀来堵我').level // 'critical'
 */
export function scoreTip(text: string, _reporter?: ReporterKind): ScoreResult {
  const normalized = normalize(text)
  const { level, score, categories, signals } = decide(normalized.original, findHits(normalized, lexicon))
  // Built field by field rather than spread: same keys in the same order, without copying an object.
  return { level, score, categories, signals, scorerVersion }
}
