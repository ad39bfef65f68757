import { lexicon } from './load-lexicon'
import { findHits } from './match'
import { type NormalizedText, normalize } from './normalize'
import { type Decision, decide } from './rules'
import { combine, opinionFor } from './similar/combine'
import type { LevelModel } from './similar/level-model'
import { secondReader } from './similar/second-reader'
import type { ReporterKind, ScoreResult } from './types'
import { scorerVersion } from './version'

/**
 * Scores a tip for warning signs. Pure and synchronous: no I/O, linear in the text's length.
 *
 * Two readers: the lexicon's rules find the warning signs they list and decide a level from them; the
 * second reader (`similar/`), trained on the labelled tips, weighs the tip's words as a whole, and
 * `combine` lets it raise that level within limits (never lower; one level where the lexicon found nothing
 * or only bullying unless it is sure; a low tip it gives a real chance of being critical goes to medium).
 *
 * The reporter kind is accepted for the record but does not change the level: the rubric weighs a report
 * made for someone else exactly like one made for oneself.
 *
 * @example
 * scoreTip('他说明天放学带刀来堵我').level // 'critical'
 */
export function scoreTip(text: string, _reporter?: ReporterKind): ScoreResult {
  const { level, score, categories, signals } = readBoth(normalize(text), secondReader)
  // Built field by field rather than spread: same keys in the same order, without copying an object.
  return { level, score, categories, signals, scorerVersion }
}

/**
 * What the lexicon and its rules alone make of a tip, before the second reader: the warning signs they list
 * and the level those give. For the lexicon's own tests and for tools that compare the two readers.
 *
 * @example
 * lexiconDecision('他书包里有刀').level // 'critical'
 */
export function lexiconDecision(text: string): Decision {
  return readLexicon(normalize(text))
}

/**
 * What both readers make of a tip with another second reader: for measuring a reader trained without some
 * labelled tips on exactly those tips (the family tables' tests). `scoreTip` is this with the trained one.
 *
 * @example
 * decideWith(loadLevelModel(trainLevelModel(otherTips, { files })), text).level
 */
export function decideWith(reader: LevelModel, text: string): Decision {
  return readBoth(normalize(text), reader)
}

function readBoth(normalized: NormalizedText, reader: LevelModel): Decision {
  const { original } = normalized
  const decision = readLexicon(normalized)
  // The second reader can only raise a level: a tip the lexicon finds critical needs no second look.
  return decision.level === 'critical' ? decision : combine(decision, opinionFor(reader, decision, original), original)
}

function readLexicon(normalized: NormalizedText): Decision {
  return decide(normalized.original, findHits(normalized, lexicon))
}
