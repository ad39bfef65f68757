/**
 * Decides a tip's level from its hits. The order matters and mirrors how a counselor reads a tip:
 *
 * 1. Masks and longer phrases win over what they contain ("笑死" hides "死", "不想活" is not a negation,
 *    "last friday" is not an upcoming Friday).
 * 2. Negation cancels what follows it closely in its clause ("他没带刀", "not going to hurt anyone").
 * 3. Jokes cancel jokeable signals in their sentence unless the writer says they are serious; benign
 *    contexts (games, cooking, sport, films) cancel contextual signals close to them.
 * 4. Raisers lift a signal one level: imminence next to a threat, "right now" next to an assault, means or a
 *    goodbye next to a wish to die, repetition next to an insult.
 * 5. Something said to be over ("已经解决了", "we're cool now") cancels the signals before it that nothing
 *    raised.
 * 6. The most severe remaining signal sets the level.
 *
 * Every step works on hits sorted by position and looks only a bounded distance around each one, so a
 * 5,000-character tip full of trigger words costs about as much per character as a short one.
 */
import type { Window } from './lexicon'
import type { Hit } from './match'
import { levels, type Category, type Level, type Signal } from './types'

/** Characters closing a sentence. A full stop counts only when a space or the end follows it. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '\r', '…'])
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
 * character: "没带刀", "没有拿刀", but not the condition in "不借就等着瞧".
 */
const NEGATION_REACH = { han: 1, words: 3, chars: 24 }

export const LEVEL_WEIGHT: Record<Level, number> = { critical: 80, high: 55, medium: 30, low: 10 }
const RAISE_WEIGHT = 15
const BAND: Record<Level, [number, number]> = { critical: [75, 100], high: [50, 74], medium: [25, 49], low: [0, 24] }

export interface Decision {
  level: Level
  score: number
  categories: Category[]
  signals: Signal[]
}

interface Candidate extends Hit {
  sentence: number
  level?: Level
  raisedBy?: Candidate
}

/** @example decide(text, findHits(normalize(text), lexicon)).level */
export function decide(original: string, hits: Hit[]): Decision {
  const sentenceOf = sentenceIndexer(original)
  let live: Candidate[] = dropContained(hits).map((h) => ({ ...h, sentence: sentenceOf(h.start) }))

  live = applyNegation(original, live)
  live = applyCancellers(live)
  const signals = live.filter((c) => c.group.level)
  const raisers = new TagIndex(live)
  for (const s of signals) raise(s, raisers)
  const kept = applyOver(signals, live)

  return summarize(original, kept)
}

const byPosition = (a: Hit, b: Hit) => a.start - b.start || b.end - b.start - (a.end - a.start)

/** Keeps every hit not strictly inside a longer one; a mask also swallows hits of its own exact span. */
function dropContained(hits: Hit[]): Hit[] {
  const unique = new Map<string, Hit>()
  for (const h of hits) unique.set(`${h.group.id}:${h.start}:${h.end}`, h)
  const all = [...unique.values()].sort(byPosition)
  const longest = all.reduce((max, h) => Math.max(max, h.end - h.start), 0)
  return all.filter((h, i) => {
    // Only hits starting at most `longest` characters earlier can contain this one.
    for (let j = i - 1; j >= 0 && all[j]!.start >= h.start - longest; j--) if (contains(all[j]!, h)) return false
    for (let j = i + 1; j < all.length && all[j]!.start === h.start; j++) if (contains(all[j]!, h)) return false
    return true
  })
}

function contains(o: Hit, h: Hit): boolean {
  if (o.start > h.start || o.end < h.end) return false
  return o.end - o.start > h.end - h.start || (o.group.effect === 'mask' && h.group.effect !== 'mask')
}

function applyNegation(original: string, live: Candidate[]): Candidate[] {
  const sorted = [...live].sort(byPosition)
  const negated = new Set<Candidate>()
  for (let i = 0; i < sorted.length; i++) {
    const n = sorted[i]!
    if (n.group.effect !== 'negation') continue
    for (let j = i + 1; j < sorted.length; j++) {
      const c = sorted[j]!
      if (c.start - n.end > NEGATION_REACH.chars) break
      // Negation reaches warning signs and raisers ("没说要打我", "not tonight"), never other modifiers:
      // "问题不大😂" keeps its laugh.
      if (c.start < n.end || c.group.effect) continue
      const gap = original.slice(n.end, c.start)
      if (CLAUSE_BREAK.test(gap)) break
      const han = gap.match(/\p{Script=Han}/gu)?.length ?? 0
      const words = gap.match(/[a-z0-9]+/gi)?.length ?? 0
      if (han <= NEGATION_REACH.han && words <= NEGATION_REACH.words) negated.add(c)
    }
  }
  return live.filter((c) => c.group.effect !== 'negation' && !negated.has(c))
}

function applyCancellers(live: Candidate[]): Candidate[] {
  // "not joking", "这次是真的": once the writer says they mean it, no laugh in the tip softens anything.
  const serious = live.some((c) => c.group.effect === 'serious')
  const jokeSentences = new Set(serious ? [] : live.filter((c) => c.group.effect === 'joke').map((c) => c.sentence))
  const contexts = live.filter((c) => c.group.effect === 'context').sort(byPosition)
  return live.filter((c) => {
    if (c.group.effect && c.group.effect !== 'over') return false
    if (c.group.jokeable && jokeSentences.has(c.sentence)) return false
    if (c.group.contextual && nearest(contexts, c, CONTEXT_CHARS)) return false
    return true
  })
}

/** Hits grouped by tag and sorted by position, for bounded look-ups of raisers. */
class TagIndex {
  private byTag = new Map<string, Candidate[]>()
  constructor(live: Candidate[]) {
    for (const c of [...live].sort(byPosition)) {
      for (const tag of c.group.tags) {
        const list = this.byTag.get(tag)
        if (list) list.push(c)
        else this.byTag.set(tag, [c])
      }
    }
  }

  find(tag: string, signal: Candidate, window: Window): Candidate | undefined {
    const list = this.byTag.get(tag)
    if (!list) return undefined
    if (window === 'tip') return list.find((o) => o !== signal)
    if (window === 'near') return nearest(list, signal, NEAR_CHARS, (o) => o.sentence === signal.sentence)
    // Same sentence: start from the first hit at or after the sentence's first candidate.
    let i = lowerBound(list, (o) => o.sentence >= signal.sentence)
    for (; i < list.length && list[i]!.sentence === signal.sentence; i++) if (list[i] !== signal) return list[i]
    return undefined
  }
}

function raise(signal: Candidate, index: TagIndex) {
  signal.level = signal.group.level
  for (const [tag, window] of Object.entries(signal.group.raisedBy) as [string, Window][]) {
    const by = index.find(tag, signal, window)
    if (by) {
      signal.level = levelAbove(signal.group.level!)
      signal.raisedBy = by
      return
    }
  }
}

/** The first hit of a position-sorted list within `reach` characters of `target` (and passing `also`). */
function nearest<T extends Hit>(sorted: T[], target: Hit, reach: number, also: (o: T) => boolean = () => true) {
  const longest = 64 // no term spans more; a longer hit is only missed as a raiser, never misplaced
  for (let i = lowerBound(sorted, (o) => o.start >= target.start - reach - longest); i < sorted.length; i++) {
    const o = sorted[i]!
    if (o.start > target.end + reach) break
    if (o !== target && distance(o, target) <= reach && also(o)) return o
  }
  return undefined
}

function lowerBound<T>(sorted: T[], atOrAfter: (item: T) => boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (atOrAfter(sorted[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Characters between two spans; 0 when they touch or overlap. */
function distance(a: Hit, b: Hit): number {
  return a.start >= b.end ? a.start - b.end : b.start >= a.end ? b.start - a.end : 0
}

function applyOver(signals: Candidate[], live: Candidate[]): Candidate[] {
  const lastOver = live.reduce((last, c) => (c.group.effect === 'over' ? Math.max(last, c.start) : last), -1)
  return signals.filter((s) => s.raisedBy || s.end > lastOver)
}

function summarize(original: string, kept: Candidate[]): Decision {
  if (kept.length === 0) return { level: 'low', score: 0, categories: ['other'], signals: [] }

  const rank = (l: Level) => levels.indexOf(l)
  const level = kept.reduce<Level>((best, s) => (rank(s.level!) < rank(best) ? s.level! : best), 'low')
  const signals: Signal[] = []
  const raisers = new Map<Candidate, Category>()
  for (const s of [...kept].sort((a, b) => rank(a.level!) - rank(b.level!) || a.start - b.start)) {
    signals.push(toSignal(original, s, s.group.id, s.group.category!, LEVEL_WEIGHT[s.group.level!]))
    if (s.raisedBy && !raisers.has(s.raisedBy)) raisers.set(s.raisedBy, s.group.category!)
  }
  for (const [r, category] of raisers) signals.push(toSignal(original, r, `raise.${r.group.id}`, category, RAISE_WEIGHT))

  const categories = [...new Set(kept.map((s) => s.group.category!))].sort(
    (a, b) => categoryOrder.indexOf(a) - categoryOrder.indexOf(b),
  )
  const atLevel = kept.filter((s) => s.level === level).length
  const [min, max] = BAND[level]
  const strength = level === 'low' ? 5 * kept.length : 6 * (atLevel - 1) + 3 * (kept.length - atLevel) + 4 * raisers.size
  return { level, score: Math.min(max, min + strength), categories, signals }
}

const categoryOrder: Category[] = [
  'self_harm', 'weapon', 'threat', 'sexual', 'physical', 'extortion', 'cyber', 'verbal', 'social', 'hazard', 'other',
]

function toSignal(original: string, c: Hit, id: string, category: Category, weight: number): Signal {
  return { id, category, weight, match: { start: c.start, end: c.end, text: original.slice(c.start, c.end) } }
}

function levelAbove(level: Level): Level {
  return levels[Math.max(0, levels.indexOf(level) - 1)]!
}

/** Maps an offset to the index of its sentence, in O(1) after one linear pass. */
function sentenceIndexer(text: string): (offset: number) => number {
  const index = new Uint32Array(text.length + 1)
  let sentence = 0
  for (let i = 0; i < text.length; i++) {
    index[i] = sentence
    const ch = text[i]!
    if (SENTENCE_END.has(ch) || (ch === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]!)))) sentence++
  }
  index[text.length] = sentence
  return (offset) => index[offset] ?? sentence
}
