import { lexicon } from '../load-lexicon'
import { BAND, type Decision, LEVEL_WEIGHT } from '../rules'
import { levels } from '../types'
import { locateFeature } from './features'
import type { LevelOpinion } from './level-model'

/** Fewer known features than this, and the second reader stays silent (but see SHORT_KNOWN). */
export const MIN_KNOWN = 25
/**
 * On a short tip with at least this many known features, the second reader may still make the tip critical
 * where the lexicon found a sign of harm beyond bullying and it is sure (SURE_PROBABILITY): "吃了妈妈的药
 * 一整瓶 头好晕" names only a means, in seven words.
 */
export const SHORT_KNOWN = 15
/**
 * When the second reader is this sure (its probability for the level, on at least SURE_KNOWN known
 * features), it may raise a tip to its level even where the lexicon found no sign of harm beyond bullying.
 */
export const SURE_PROBABILITY = 0.99
export const SURE_KNOWN = 35

/**
 * Whether a sign the lexicon found is harm beyond bullying. Groups marked `bullying` in signals.json
 * (insults, exclusion, online and money bullying, belongings damaged) are never an emergency on their own: a
 * tip whose only signs are these is raised one level at most — "called me a pig every day on the third floor"
 * is not made critical because tips about third floors often were. A `raise.*` signal only modifies another.
 */
const isHarmBeyondBullying = (s: Decision['signals'][number]) => !s.id.startsWith('raise.') && !lexicon.groups.get(s.id)?.bullying

/**
 * How the lexicon's decision and the second reader's opinion make one level:
 * - what the lexicon finds critical stays critical: a named warning sign is never talked down;
 * - on a short tip (fewer than MIN_KNOWN features the second reader knows, about ten Chinese characters or
 *   a dozen English words) the lexicon decides alone: a sentence is too little for a model of whole tips,
 *   which over-reads single words there — unless the lexicon found a sign of harm beyond bullying and the
 *   second reader is sure the tip is critical (SHORT_KNOWN);
 * - otherwise the second reader may raise the level, never lower it: it does not wave away what the lexicon
 *   found (on a tip padded with other words it once read "他们打我，还说要杀了我" as medium). Where the
 *   lexicon found a sign of harm beyond bullying (violence, a weapon, self-harm, a threat, sexual harm, a
 *   hazard, a missing child, a call for help, a child afraid of school), it may raise the tip as far as it
 *   judges — this is where it catches what no term names (a child's own words for the overdose, the plan,
 *   the place). Where the lexicon found only bullying (groups marked `bullying`) or nothing at all, it may
 *   raise the tip one level — or as far as it judges when it is sure (SURE_PROBABILITY on SURE_KNOWN
 *   features): a child on a ledge, a stranger waiting at the gate, a farewell with a time in it are often
 *   told in words no term lists, and most of the critical tips the lexicon missed on unseen sets were these.
 * A level the second reader changed gets a `similar.<level>` signal on the words it went by, a score inside
 * the new level's band, and `other` as the category when the lexicon found none. Pure. The limits were set
 * on labelled tips neither reader had seen, look-alikes among them (README → Accuracy).
 *
 * @example
 * combine(lexiconDecision(text), levelOpinion(secondReader, text), text).level
 */
export function combine(decision: Decision, opinion: LevelOpinion, original: string): Decision {
  if (decision.level === 'critical') return decision
  const harmFound = decision.signals.some(isHarmBeyondBullying)
  const sureOfCritical = opinion.level === 'critical' && opinion.probability >= SURE_PROBABILITY
  if (opinion.known < MIN_KNOWN && !(harmFound && sureOfCritical && opinion.known >= SHORT_KNOWN)) return decision
  // Ranks run critical first: a smaller rank is a higher level.
  const ruleRank = levels.indexOf(decision.level)
  const sure = opinion.probability >= SURE_PROBABILITY && opinion.known >= SURE_KNOWN
  const ceilingRank = harmFound || sure ? 0 : Math.max(0, ruleRank - 1)
  const rank = Math.max(ceilingRank, Math.min(levels.indexOf(opinion.level), ruleRank))
  const level = levels[rank]!
  if (level === decision.level) return decision

  const [min, max] = BAND[level]
  const score = min + Math.round(opinion.probability * (max - min))
  const categories = decision.categories.length > 0 || level === 'low' ? decision.categories : (['other'] as Decision['categories'])
  const evidence = (opinion.evidence ? locateFeature(original, opinion.evidence) : undefined) ?? { start: 0, end: 0 }
  const signal = {
    id: `similar.${level}`,
    category: categories[0] ?? 'other',
    weight: LEVEL_WEIGHT[level],
    match: { start: evidence.start, end: evidence.end, text: original.slice(evidence.start, evidence.end) },
  }
  return { level, score, categories, signals: [...decision.signals, signal] }
}
