/**
 * Decides a tip's level from its hits. The order matters and mirrors how a counselor reads a tip:
 *
 * 1. Masks and longer phrases win over what they contain ("笑死" hides "死", "不想活" is not a negation,
 *    "last friday" is not an upcoming Friday).
 * 2. Negation cancels what follows it closely in its clause ("他没带刀", "not going to hurt anyone").
 * 3. Jokes cancel jokeable signals in their sentence unless the writer says they are serious; benign
 *    contexts (games, cooking, sport, films) cancel contextual signals close to them, and an accident
 *    ("不小心", "by accident") cancels the pushes, scuffles and breakages close to it — unless the tip says
 *    it was on purpose ("故意", "pretends it's an accident").
 * 4. Raisers lift a signal one level: imminence next to a threat, "right now" next to an assault, means or a
 *    goodbye next to a wish to die, repetition next to an insult.
 * 5. Something said to be over ("已经解决了", "we're cool now", "已经找到了") cancels the signals before it,
 *    and those signals raise nothing either; what comes after it ("但是现在又开始了") still counts.
 * 6. The most severe remaining signal sets the level.
 *
 * Every step works on hits sorted by position and looks only a bounded distance around each one, so a
 * 5,000-character tip full of trigger words costs about as much per character as a short one.
 */
import { lexicon, type Window } from './load-lexicon'
import type { Hit } from './match'
import { levels, type Category, type Level, type Signal } from './types'

/** Characters that end a clause, beyond which a negation does not reach. */
const CLAUSE_BREAK = /[，,。！？!?；;：:\n、…]/
/** How far (in characters of the original text) a `near` raiser may stand from the signal. */
export const NEAR_CHARS = 15
/**
 * How far a benign context reaches. Narrower than a sentence because students write whole tips without a
 * full stop: "打游戏到一两点 … 枕头底下藏着一把匕首" must keep the dagger.
 */
export const CONTEXT_CHARS = 20
/**
 * How many Chinese characters or English words may stand between a negation and what it negates. One Chinese
 * character: "没带刀", "没有拿刀", but not the condition in "不借就等着瞧". A time is denied only a word away
 * (`timeWords`: "not tonight").
 */
const NEGATION_REACH = { han: 1, words: 3, chars: 24, timeWords: 1 }

export const LEVEL_WEIGHT: Record<Level, number> = { critical: 80, high: 55, medium: 30, low: 10 }
const RAISE_WEIGHT = 15
/** The score range of each level (ScoreResult.score). */
export const BAND: Record<Level, [number, number]> = { critical: [75, 100], high: [50, 74], medium: [25, 49], low: [0, 24] }

export interface Decision {
  level: Level
  score: number
  categories: Category[]
  signals: Signal[]
}

interface Candidate extends Hit {
  sentence: number
  dead: boolean
  level?: Level
  raisedBy?: Candidate
}

/** @example decide(text, findHits(normalize(text), lexicon)).level */
export function decide(original: string, hits: Hit[]): Decision {
  if (hits.length === 0) return nothingFound()
  const live = dropContained(hits, sentenceBreaks(original))
  applyNegation(original, live)
  const kept = applyCancellers(original, live)
  // A sign the tip says is over (a knife that was a misunderstanding) cannot raise anything else.
  const lastOver = lastOverStart(kept)
  const raisable: Candidate[] = []
  for (const c of kept) if (!(c.group.level && c.end <= lastOver)) raisable.push(c)
  const index = new TagIndex(raisable)
  const signals: Candidate[] = []
  for (const c of kept) {
    if (!c.group.level) continue
    raise(c, index)
    signals.push(c)
  }
  const standing: Candidate[] = []
  for (const c of signals) if (c.end > lastOver) standing.push(c)
  return summarize(original, standing)
}

/** Longest list of hits `sortByPosition` sorts by insertion; longer ones could make it quadratic. */
const INSERTION_SORT_MAX = 32
const byPosition = (a: Hit, b: Hit) => a.start - b.start || b.end - b.start - (a.end - a.start)

/**
 * Sorts hits in place by `byPosition`, keeping the order of equal ones. A typical tip has a dozen hits, found
 * in two runs (compact, then words) each nearly in order: an insertion sort does a few comparisons per hit
 * there, cheaper than `Array.prototype.sort`'s calls through a comparator. Two long interleaved runs would
 * make it quadratic, so long lists go to the built-in sort (stable too).
 */
function sortByPosition(hits: Hit[]): Hit[] {
  if (hits.length > INSERTION_SORT_MAX) return hits.sort(byPosition)
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!
    let j = i - 1
    while (j >= 0 && byPosition(hits[j]!, h) > 0) {
      hits[j + 1] = hits[j]!
      j--
    }
    hits[j + 1] = h
  }
  return hits
}

/**
 * Sorts hits by position and keeps every one not strictly inside a longer hit (a mask also swallows hits
 * of its own exact span), tagging each with its sentence on the way.
 */
function dropContained(hits: Hit[], breaks: number[]): Candidate[] {
  const all = sortByPosition(hits) as Candidate[]
  let longest = 0
  let sentence = 0
  const live: Candidate[] = []
  for (let i = 0; i < all.length; i++) {
    const h = all[i]!
    h.dead = false
    while (sentence < breaks.length && breaks[sentence]! < h.start) sentence++
    h.sentence = sentence
    // Only hits starting at most `longest` characters earlier, or at the same place, can contain this one.
    let inside = false
    for (let j = i - 1; j >= 0 && all[j]!.start >= h.start - longest && !inside; j--) inside = contains(all[j]!, h, true)
    for (let j = i + 1; j < all.length && all[j]!.start === h.start && !inside; j++) inside = contains(all[j]!, h, false)
    longest = Math.max(longest, h.end - h.start)
    if (!inside) live.push(h)
  }
  return live
}

/**
 * Whether `o` hides `h`: a longer hit hides what it contains ("不想活" is no negation, "上周五" no upcoming
 * Friday); of two identical hits the earlier in order survives. A mask hides warning signs, raisers and
 * negations of its own span, and a gapped hit whose first word sits inside it ("打瞌睡" is not "打~头"); it
 * never hides a joke, a context or an "it's over", which only qualify what is around them. Nothing hides
 * what stands wholly in a gapped hit's gap, the term skipped it; nor a raiser that reaches into the gap.
 */
function contains(o: Hit, h: Hit, oIsEarlier: boolean): boolean {
  if (o.start > h.start || o.end < h.end) return o.group.effect === 'mask' && masks(h) && h.gapped && h.start >= o.start && h.start < o.end
  // What a gapped term stepped over is no part of it: "我没被欺负 也没人打我" keeps its second "没", and a
  // raiser reaching into the gap speaks for itself: "里面有个小孩一直在拍门" keeps "在拍门" (now).
  if (o.gaps && (inGap(o.gaps, h) || (isRaiser(h) && intoGap(o.gaps, h)))) return false
  if (o.group.effect === 'mask') return masks(h) && (o !== h && (o.end - o.start > h.end - h.start || h.group.effect !== 'mask'))
  // A raiser never hides a sign: "being beaten" is both "now" and an assault, "在摸" both "now" and touching.
  // A sign still hides a raiser it contains: "明天不用醒来" is a wish, not an appointment for tomorrow.
  if (isRaiser(o) && h.group.level) return false
  // "故意撞" keeps its "故意"; only a longer qualifier ("不是故意") takes it back.
  if (h.group.effect === 'deliberate' && !(o.group.effect && QUALIFIERS.has(o.group.effect))) return false
  // "pointed the knife at me" keeps its knife: saying it was aimed at someone hides nothing.
  if (o.group.effect === 'deliberate' && h.group.level) return false
  if (o.end - o.start > h.end - h.start) return true
  return o.group === h.group && oIsEarlier
}

function inGap(gaps: number[], h: Hit): boolean {
  for (let k = 0; k < gaps.length; k += 2) if (h.start >= gaps[k]! && h.end <= gaps[k + 1]!) return true
  return false
}

function intoGap(gaps: number[], h: Hit): boolean {
  for (let k = 0; k < gaps.length; k += 2) if (h.start < gaps[k + 1]! && h.end > gaps[k]!) return true
  return false
}

/** Modifiers that stay among the hits after cancelling: their tags still hold or lower signs. */
const KEPT_EFFECTS = new Set(['over', 'past', 'denial'])
const QUALIFIERS = new Set(['joke', 'serious', 'context', 'accident', 'deliberate', 'over', 'past'])
/** A modifier that only carries tags (now, imminent, repeat, plan…), which raise or lower signs near it. */
const isRaiser = (h: Hit) => !h.group.level && !h.group.effect
/** A raiser that says when: a time to come or "now". */
const isTime = (h: Hit) => isRaiser(h) && (h.group.tags.includes('imminent') || h.group.tags.includes('now'))
const masks = (h: Hit) => !h.group.effect || !QUALIFIERS.has(h.group.effect)

/** Marks as dead the warning signs and raisers a negation reaches ("没带刀", "not going to hurt anyone"). */
function applyNegation(original: string, live: Candidate[]) {
  for (let i = 0; i < live.length; i++) {
    const n = live[i]!
    const denial = n.group.effect === 'denial'
    if (n.group.effect !== 'negation' && !denial) continue
    for (let j = i + 1; j < live.length; j++) {
      const c = live[j]!
      if (c.start - n.end > NEGATION_REACH.chars) break
      // Never other modifiers: "问题不大😂" keeps its laugh.
      if (c.start < n.end || c.group.effect) continue
      // "denies suicidal ideation" clears a state; "denies hitting her" leaves the allegation standing.
      if (denial && c.group.category && c.group.category !== 'self_harm') continue
      const gap = measureGap(original, n.end, c.start)
      if (gap.clauseBreak) break
      // A time or "now" is denied only right beside the negation ("not tonight", "不是现在"): in "if i dont send
      // a video tonight" the "dont" denies the sending, and tonight still stands.
      const words = isTime(c) ? NEGATION_REACH.timeWords : NEGATION_REACH.words
      if (gap.han <= NEGATION_REACH.han && gap.words <= words) c.dead = true
    }
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57

function measureGap(text: string, from: number, to: number) {
  let han = 0
  let words = 0
  let inWord = false
  for (let i = from; i < to; i++) {
    const ch = text[i]!
    if (CLAUSE_BREAK.test(ch)) return { clauseBreak: true, han, words }
    const code = ch.charCodeAt(0)
    // A full stop ends the clause ("she isn't home. Last seen at the stop"); a decimal point does not.
    if (code === 46 && !isDigit(text.charCodeAt(i + 1))) return { clauseBreak: true, han, words }
    const latin = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    if (latin && !inWord) words++
    inWord = latin
    if (code >= 0x3400 && code <= 0x9fff) han++
  }
  return { clauseBreak: false, han, words }
}

/** Drops modifiers and the signals a joke or a benign context cancels; returns what is left. */
function applyCancellers(original: string, live: Candidate[]): Candidate[] {
  // "not joking", "这次是真的": once the writer says they mean it, no laugh in the tip softens anything.
  let serious = false
  const jokeSentences: number[] = []
  const contexts: Candidate[] = []
  const accidents: Candidate[] = []
  // "故意", "on purpose", "pretends it's an accident": neither the game nor the excuse softens it.
  const deliberate: Candidate[] = []
  // "上周五放学", "yesterday after school": a time that has passed; "现在", "again" say the danger is still live.
  const pasts: Candidate[] = []
  const stillLive: Candidate[] = []
  const nows: Candidate[] = []
  for (const c of live) {
    if (c.dead) continue
    if (c.group.effect === 'serious') serious = true
    else if (c.group.effect === 'joke') jokeSentences.push(c.sentence)
    else if (c.group.effect === 'context') contexts.push(c)
    else if (c.group.effect === 'accident') accidents.push(c)
    else if (c.group.effect === 'deliberate') deliberate.push(c)
    else if (c.group.effect === 'past') pasts.push(c)
    else if (!c.group.effect && (c.group.tags.includes('now') || c.group.tags.includes('repeat'))) {
      stillLive.push(c)
      if (c.group.tags.includes('now')) nows.push(c)
    }
  }
  const kept: Candidate[] = []
  for (const c of live) {
    if (c.dead || (c.group.effect && !KEPT_EFFECTS.has(c.group.effect))) continue
    if (pasts.length > 0 && isPastTime(original, c, pasts, stillLive)) continue
    if (c.group.jokeable && !serious && jokeSentences.includes(c.sentence)) continue
    // "摔伤了 现在一直在流血", "bleeding a lot right now": serious harm happening now is no game and no mere
    // accident (a push during a game is still a push during a game).
    const meant = (deliberate.length > 0 && nearest(deliberate, c, CONTEXT_CHARS)) || (c.group.raisedBy.now !== undefined && levelRank[c.group.level!] <= levelRank.high && nowInSentence(nows, c))
    // "not joking", "认真的": a writer who says they mean it is not talking about a game or a film either.
    if (c.group.contextual && !meant && !serious && contexts.length > 0 && nearest(contexts, c, CONTEXT_CHARS)) continue
    if (c.group.accidental && !meant && accidents.length > 0 && nearest(accidents, c, CONTEXT_CHARS)) continue
    kept.push(c)
  }
  return kept
}

/**
 * Whether a time that may be past or to come ("放学后", "熄灯后", "after school", "on Friday": `datable`)
 * has passed: a past marker ("上周五", "昨晚", "last week", "yesterday") stands in its clause, and nothing in
 * that clause says the danger is still live ("现在", "again", "一直"). A deictic future ("明天", "今晚",
 * "tomorrow", "期末考完") is never in the past: "上周他说明天要打我" still points at tomorrow.
 */
function isPastTime(original: string, c: Candidate, pasts: Candidate[], stillLive: Candidate[]): boolean {
  const tags = c.group.tags
  if (c.group.effect || !tags.includes('datable')) return false
  if (!sameClause(original, pasts, c)) return false
  return !sameClause(original, stillLive, c)
}

/** Whether one of `sorted` stands in `c`'s clause, within a sentence's reach of it. */
function sameClause(original: string, sorted: Candidate[], c: Candidate): boolean {
  for (let i = lowerBound(sorted, c.sentence, sentenceOf); i < sorted.length; i++) {
    const o = sorted[i]!
    if (o.sentence !== c.sentence) break
    if (o === c || distance(o, c) > PAST_CHARS) continue
    const gap = o.end <= c.start ? measureGap(original, o.end, c.start) : measureGap(original, c.end, o.start)
    if (!gap.clauseBreak) return true
  }
  return false
}

function nowInSentence(nows: Candidate[], c: Candidate): boolean {
  const i = lowerBound(nows, c.sentence, sentenceOf)
  return i < nows.length && nows[i]!.sentence === c.sentence
}

/** How far a past marker reaches to the time it dates ("last week he said he'd beat my son after school"). */
const PAST_CHARS = 60

/** Hits grouped by tag, in position order, for bounded look-ups of raisers. */
class TagIndex {
  private byTag = new Map<string, Candidate[]>()
  constructor(kept: Candidate[]) {
    for (const c of kept) {
      for (const tag of c.group.tags) {
        if (!raisingTags.has(tag)) continue
        const list = this.byTag.get(tag)
        if (list) list.push(c)
        else this.byTag.set(tag, [c])
      }
    }
  }

  find(tag: string, signal: Candidate, window: Window): Candidate | undefined {
    const list = this.byTag.get(tag)
    if (!list) return undefined
    if (window === 'tip') return list[0] !== signal ? list[0] : list[1]
    if (window === 'near') return nearest(list, signal, NEAR_CHARS, true)
    for (let i = lowerBound(list, signal.sentence, sentenceOf); i < list.length; i++) {
      const o = list[i]!
      if (o.sentence !== signal.sentence) break
      if (o !== signal) return o
    }
    return undefined
  }
}

/** Every tag some group can be raised or lowered by; hits with none of these never need indexing. */
const raisingTags = new Set([...lexicon.groups.values()].flatMap((g) => [...g.raisers, ...g.lowerers, ...g.holders].map(([tag]) => tag)))

function raise(signal: Candidate, index: TagIndex) {
  signal.level = signal.group.level
  // "老把他关在厕所": what keeps happening is not happening now — unless the sentence says it is
  // ("门从外面锁了 一直在敲门喊救命 现在").
  const happeningNow = signal.group.lowerers.length > 0 && index.find('now', signal, 'sentence') !== undefined
  for (const [tag, window] of signal.group.lowerers) {
    if (!happeningNow && index.find(tag, signal, window)) {
      signal.level = levelBelow(signal.group.level!)
      return
    }
  }
  // "否认有计划", "I'm not going to do anything": a wish the writer says has no plan behind it stays a wish.
  for (const [tag, window] of signal.group.holders) if (index.find(tag, signal, window)) return
  for (const [tag, window] of signal.group.raisers) {
    const by = index.find(tag, signal, window)
    if (by) {
      signal.level = levelAbove(signal.group.level!)
      signal.raisedBy = by
      return
    }
  }
}

const startOf = (h: Hit) => h.start
const sentenceOf = (c: Candidate) => c.sentence

/** The first hit of a position-sorted list within `reach` characters of `target` (in its sentence if asked). */
function nearest(sorted: Candidate[], target: Candidate, reach: number, sameSentence = false): Candidate | undefined {
  const longest = 64 // no term spans more; a longer hit is only missed as a raiser, never misplaced
  for (let i = lowerBound(sorted, target.start - reach - longest, startOf); i < sorted.length; i++) {
    const o = sorted[i]!
    if (o.start > target.end + reach) break
    if (o === target || distance(o, target) > reach) continue
    if (!sameSentence || o.sentence === target.sentence) return o
  }
  return undefined
}

/** Index of the first item whose key is ≥ `value` in a list sorted by that key. */
function lowerBound<T>(sorted: T[], value: number, key: (item: T) => number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (key(sorted[mid]!) >= value) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Characters between two spans; 0 when they touch or overlap. */
function distance(a: Hit, b: Hit): number {
  return a.start >= b.end ? a.start - b.end : b.start >= a.end ? b.start - a.end : 0
}

function lastOverStart(kept: Candidate[]): number {
  let last = -1
  for (const c of kept) if (c.group.effect === 'over') last = Math.max(last, c.start)
  return last
}

function nothingFound(): Decision {
  return { level: 'low', score: 0, categories: ['other'], signals: [] }
}

function summarize(original: string, kept: Candidate[]): Decision {
  if (kept.length === 0) return nothingFound()

  // Plain loops and module-level comparators: this runs for every tip.
  let best = levels.length - 1
  const present = new Array<boolean>(categoryOrder.length).fill(false)
  for (const s of kept) {
    best = Math.min(best, levelRank[s.level!])
    present[categoryRank[s.group.category!]] = true
  }
  const level = levels[best]!
  const signals: Signal[] = []
  const raisers = new Map<Candidate, Category>()
  let atLevel = 0
  for (const s of kept.slice().sort(bySeverityThenPosition)) {
    if (s.level === level) atLevel++
    signals.push(toSignal(original, s, s.group.id, s.group.category!, LEVEL_WEIGHT[s.group.level!]))
    if (s.raisedBy && !raisers.has(s.raisedBy)) raisers.set(s.raisedBy, s.group.category!)
  }
  for (const [r, category] of raisers) signals.push(toSignal(original, r, `raise.${r.group.id}`, category, RAISE_WEIGHT))

  const categories: Category[] = []
  for (let i = 0; i < categoryOrder.length; i++) if (present[i]) categories.push(categoryOrder[i]!)
  const [min, max] = BAND[level]
  const strength = level === 'low' ? 5 * kept.length : 6 * (atLevel - 1) + 3 * (kept.length - atLevel) + 4 * raisers.size
  return { level, score: Math.min(max, min + strength), categories, signals }
}

const categoryOrder: Category[] = [
  'self_harm', 'weapon', 'threat', 'sexual', 'physical', 'extortion', 'cyber', 'verbal', 'social', 'hazard', 'other',
]
const categoryRank = Object.fromEntries(categoryOrder.map((c, i) => [c, i])) as Record<Category, number>
const levelRank = Object.fromEntries(levels.map((l, i) => [l, i])) as Record<Level, number>
const bySeverityThenPosition = (a: Candidate, b: Candidate) => levelRank[a.level!] - levelRank[b.level!] || a.start - b.start

function toSignal(original: string, c: Hit, id: string, category: Category, weight: number): Signal {
  return { id, category, weight, match: { start: c.start, end: c.end, text: original.slice(c.start, c.end) } }
}

function levelBelow(level: Level): Level {
  return levels[Math.min(levels.length - 1, levels.indexOf(level) + 1)]!
}

function levelAbove(level: Level): Level {
  return levels[Math.max(0, levels.indexOf(level) - 1)]!
}

/** A sentence ends at 。！？!?；; a line break or an ellipsis, or at a full stop followed by a space or the end. */
const SENTENCE_BREAKS = /[。！？!?；;\n\r…]|\.(?=\s|$)/g

/** Offsets of sentence ends, in order: one native regex scan. */
function sentenceBreaks(text: string): number[] {
  const breaks: number[] = []
  for (const m of text.matchAll(SENTENCE_BREAKS)) breaks.push(m.index)
  return breaks
}
