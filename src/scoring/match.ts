/**
 * Finds every lexicon term in a normalized tip. Each hit keeps the span of the original text it came from.
 * Work is linear in the text: from each compact character a walk down a trie as deep as the longest term
 * starting there (plus at most COMPACT_GAP + 1 look-ups where gapped terms start), a handful of look-ups per
 * word (plus at most TOKEN_GAP + 1 per word starting "took ~ pills" terms), then a short bounded check per
 * candidate term.
 */
import { type IntPairTable, maskBit } from './int-pair-table'
import { COMPACT_GAP as GAP_CHARS, PREFIX_KEY as PREFIX_CHARS, TOKEN_GAP as GAP_WORDS, compactPairBit as pairBit, type CompactNode, type CompactTerm, type Group, type Lexicon, type StemEntry, type TokenTerm, type WordPattern } from './load-lexicon'
import type { NormalizedText, Token } from './normalize'

// Module-local copies of the lexicon's constants: some module loaders (tsx's among them) turn every read
// of an imported binding into a getter call, and these are read in the innermost loops.
const COMPACT_GAP = GAP_CHARS
const TOKEN_GAP = GAP_WORDS
const PREFIX_KEY = PREFIX_CHARS
const compactPairBit = pairBit
const unitBit = maskBit

export interface Hit {
  group: Group
  start: number
  end: number
  /** Matched with a gap ("带~刀"): its start word may sit inside a longer everyday word a mask names. */
  gapped: boolean
  /**
   * The stretches of the original text the term skipped between its parts, as start, end pairs; undefined
   * when it skipped nothing. What stands there is no part of the term: "欺负 也没人打我" keeps its "没".
   */
  gaps: number[] | undefined
}

/** @example findHits(normalize('他说明天带刀'), lexicon) // hits for "明天" and "带刀" */
export function findHits(text: NormalizedText, lexicon: Lexicon): Hit[] {
  const hits: Hit[] = []
  findCompactHits(text, lexicon, hits)
  findTokenHits(text.tokens, lexicon, hits)
  return hits
}

function findCompactHits(text: NormalizedText, lexicon: Lexicon, hits: Hit[]) {
  const { compact } = text
  const { compactByFirst, compactPairBits, compactChildren: children, compactNodes: nodes } = lexicon
  const length = compact.length
  for (let i = 0; i < length; i++) {
    const first = compact.charCodeAt(i)
    const top = compactByFirst[first]
    if (!top) continue
    // Terms whose first part has two or more code units first, then those whose first part is this one
    // (one-character terms and gapped ones such as "被~按着打"): the order hits are found in decides ties.
    if (i + 1 < length) {
      const bit = compactPairBit(first, compact.charCodeAt(i + 1))
      if (compactPairBits[bit >>> 5]! & (1 << (bit & 31))) {
        queued = 0
        for (let id = child(top, compact.charCodeAt(i + 1), children), at = i + 2; id >= 0; at++) {
          const node = nodes[id]!
          queueCandidates(node, compact, at, lexicon)
          id = at < length ? child(node, compact.charCodeAt(at), children) : -1
        }
        if (queued > 0) tryQueued(text, i, hits)
      }
    }
    if (top.whole || top.leadUnits) {
      queued = 0
      queueCandidates(top, compact, i + 1, lexicon)
      if (queued > 0) tryQueued(text, i, hits)
    }
  }
}

/** The id of `node`'s child for `unit`, or -1. */
function child(node: CompactNode, unit: number, children: IntPairTable): number {
  return node.childUnits & unitBit(unit) ? children.get(node.id, unit) : -1
}

// The candidate term lists met at one place of the tip (the first `queued`), where each one's first part
// ended, and how far each has been tried. Module-level and reused, so matching allocates no arrays: safe
// because findHits is synchronous and calls out to nothing that could match again before it returns.
const lists: CompactTerm[][] = []
const ends: number[] = []
const heads: number[] = []
let queued = 0

/** Queues the terms of `node` that could match when their first part ends just before `next`. */
function queueCandidates(node: CompactNode, compact: string, next: number, lexicon: Lexicon) {
  if (node.whole) queue(node.whole, next)
  const leadUnits = node.leadUnits
  if (!leadUnits) return
  // A second part starts at most COMPACT_GAP characters on: only terms whose second part starts with one of
  // those characters can match (a character seen twice in that window queues its terms once).
  const from = queued
  const { compactByNextLead: byLead, compactLeadLists: leadLists } = lexicon
  for (let at = next; at <= next + COMPACT_GAP && at < compact.length; at++) {
    const unit = compact.charCodeAt(at)
    if (!(leadUnits & unitBit(unit))) continue
    const list = byLead.get(node.id, unit)
    if (list >= 0 && !isListedFrom(lists, from, queued, leadLists[list]!)) queue(leadLists[list]!, next)
  }
}

function queue(list: CompactTerm[], next: number) {
  lists[queued] = list
  ends[queued] = next
  heads[queued] = 0
  queued++
}

/** Tries the queued terms in the lexicon's order: each list is in that order already, so they are merged. */
function tryQueued(text: NormalizedText, i: number, hits: Hit[]) {
  if (queued === 1) {
    for (const term of lists[0]!) tryCompactTerm(term, text, i, ends[0]!, hits)
    return
  }
  for (let q = nextInOrder(lists, heads, queued); q >= 0; q = nextInOrder(lists, heads, queued))
    tryCompactTerm(lists[q]![heads[q]!++]!, text, i, ends[q]!, hits)
}

/**
 * Which of the first `count` lists holds the next term in lexicon order at its head (`heads[q]`), or -1 when
 * all are tried. Terms found at one place are tried in that order whichever lists they came from: the order
 * hits are found in decides ties between them.
 */
function nextInOrder(lists: { order: number }[][], heads: number[], count: number): number {
  let pick = -1
  let order = Number.POSITIVE_INFINITY
  for (let q = 0; q < count; q++) {
    const term = lists[q]![heads[q]!]
    if (term && term.order < order) {
      pick = q
      order = term.order
    }
  }
  return pick
}

/** A term whose first part matched from `i` up to `next`: its other parts are looked for after gaps. */
function tryCompactTerm(term: CompactTerm, text: NormalizedText, i: number, next: number, hits: Hit[]) {
  skippedCount = 0
  const end = matchRest(text.compact, next, term.parts)
  if (end < 0) return
  const gaps = skippedCount > 0 ? skippedSpans((k) => text.compactEnd[k]!, (k) => text.compactStart[k]!) : undefined
  hits.push({ group: term.group, start: text.compactStart[i]!, end: text.compactEnd[end - 1]!, gapped: term.parts.length > 1, gaps })
}

/**
 * Where the term being matched skipped text, as index pairs (compact indexes for Chinese terms, token
 * indexes for English ones): the first `skippedCount`. Module-level and reused, like the queue above; a
 * count rather than `length = 0`, since every candidate term tried resets it.
 */
const skipped: number[] = []
let skippedCount = 0

/**
 * The recorded gaps as spans of the original text: from the end of the unit (character or word) before each
 * gap, `endOf`, to the start of the one after it, `startOf`.
 */
function skippedSpans(endOf: (index: number) => number, startOf: (index: number) => number): number[] {
  const spans: number[] = []
  for (let k = 0; k < skippedCount; k += 2) spans.push(endOf(skipped[k]! - 1), startOf(skipped[k + 1]!))
  return spans
}

/**
 * Matches the parts after the first, which ended just before `pos`; returns the index past the match, or -1.
 * Records in `skipped` the characters it stepped over.
 */
function matchRest(compact: string, pos: number, parts: string[]): number {
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p]!
    // Look only COMPACT_GAP characters ahead, never to the end of the text: matching stays linear.
    let found = -1
    const lead = part.charCodeAt(0)
    for (let gap = 0; gap <= COMPACT_GAP && pos + gap < compact.length; gap++) {
      if (compact.charCodeAt(pos + gap) === lead && partAt(compact, pos + gap, part)) {
        found = pos + gap
        break
      }
    }
    if (found < 0) return -1
    if (found > pos) {
      skipped[skippedCount++] = pos
      skipped[skippedCount++] = found
    }
    pos = found + part.length
  }
  return pos
}

/**
 * `text.startsWith(part, at)`, compared code unit by code unit: most candidates differ at their first or
 * second unit, and this runs for every candidate at every position of the tip.
 */
function partAt(text: string, at: number, part: string): boolean {
  if (at + part.length > text.length) return false
  for (let k = 0; k < part.length; k++) if (text.charCodeAt(at + k) !== part.charCodeAt(k)) return false
  return true
}

function findTokenHits(tokens: Token[], lexicon: Lexicon, hits: Hit[]) {
  const words: WordTerms[] = new Array(tokens.length)
  const cache = wordTermsOf(lexicon)
  for (let i = 0; i < tokens.length; i++) words[i] = wordTerms(tokens[i]!.text, lexicon, cache)
  for (let i = 0; i < tokens.length; i++) {
    const { entries, prefixTerms } = words[i]!
    for (const entry of entries) {
      tryRestAndAfterGap(entry, words, tokens, i, hits)
      if (entry.bySecond.size === 0 || i + 1 >= tokens.length) continue
      for (const next of words[i + 1]!.inflected) {
        const terms = entry.bySecond.get(next)
        if (terms) for (const term of terms) tryTerm(tokens, i, term, 2, hits)
      }
    }
    for (const term of prefixTerms) tryTerm(tokens, i, term, 1, hits)
  }
}

/**
 * Tries the word's `rest` terms and those of its "took ~ pills" terms whose word after the gap stands
 * within the gap's reach (each list once, however often its word appears there), in lexicon order. The
 * lists met, and how far each has been tried, are kept like the compact queue above.
 */
function tryRestAndAfterGap(entry: StemEntry, words: WordTerms[], tokens: Token[], i: number, hits: Hit[]) {
  wordLists[0] = entry.rest
  wordHeads[0] = 0
  let count = 1
  for (let at = i + 1; entry.afterGap.size > 0 && at <= i + 1 + TOKEN_GAP && at < tokens.length; at++) {
    for (const stem of words[at]!.stems) {
      const terms = entry.afterGap.get(stem)
      if (!terms || isListedFrom(wordLists, 0, count, terms)) continue
      wordLists[count] = terms
      wordHeads[count++] = 0
    }
  }
  if (count === 1) {
    for (const term of entry.rest) tryTerm(tokens, i, term, 1, hits)
    return
  }
  for (let q = nextInOrder(wordLists, wordHeads, count); q >= 0; q = nextInOrder(wordLists, wordHeads, count))
    tryTerm(tokens, i, wordLists[q]![wordHeads[q]!++]!, 1, hits)
}

const wordLists: TokenTerm[][] = []
const wordHeads: number[] = []

function isListedFrom<T>(lists: T[][], from: number, count: number, list: T[]): boolean {
  for (let q = from; q < count; q++) if (lists[q] === list) return true
  return false
}

/** What one word can start or continue, worked out once per distinct word. */
interface WordTerms {
  /** The stems the word is an inflection of ("kills" → kill), in `stemCandidates` order. */
  inflected: string[]
  /**
   * Every stem `inflects` accepts the word for, a few more than `stemCandidates` proposes ("as" → a,
   * "sed" → se): a word after a gap is matched by `inflects`, and the look-up must find what it would.
   */
  stems: string[]
  /** The look-up entries of those stems: terms whose first word the word matches. */
  entries: StemEntry[]
  /** Prefix terms ("suicid*") whose first word the word starts with, in the order they are tried. */
  prefixTerms: TokenTerm[]
}

/**
 * Tips reuse a few thousand words, and what a word can match depends on the word alone, so it is kept per
 * word and lexicon. The cache is emptied when full: a flood of made-up words costs time, never memory.
 */
const wordTermsCache = new WeakMap<Lexicon, Map<string, WordTerms>>()
const WORD_CACHE_LIMIT = 20_000

function wordTermsOf(lexicon: Lexicon): Map<string, WordTerms> {
  let cache = wordTermsCache.get(lexicon)
  if (!cache) wordTermsCache.set(lexicon, (cache = new Map()))
  return cache
}

function wordTerms(word: string, lexicon: Lexicon, cache: Map<string, WordTerms>): WordTerms {
  let found = cache.get(word)
  if (!found) {
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear()
    cache.set(word, (found = lookUpWord(word, lexicon)))
  }
  return found
}

function lookUpWord(word: string, lexicon: Lexicon): WordTerms {
  const inflected: string[] = []
  const entries: StemEntry[] = []
  for (const stem of stemCandidates(word)) {
    // Every term under a stem starts with it: when the word is no inflection of it, none can match.
    if (!inflects(word, stem)) continue
    inflected.push(stem)
    const entry = lexicon.tokenByStem.get(stem)
    if (entry) entries.push(entry)
  }
  // A prefix term keyed "su" can only start a word beginning "su" (or be a one-letter stem).
  const prefixTerms: TokenTerm[] = []
  const keys = word.length > 1 ? [word.slice(0, PREFIX_KEY), word.slice(0, 1)] : [word]
  for (const key of keys) for (const term of lexicon.tokenByPrefix.get(key) ?? []) if (word.startsWith(term.lead)) prefixTerms.push(term)
  return { inflected, stems: inflectionStems(word), entries, prefixTerms }
}

/** Tries a term whose first `matched` words are known to match the words from `i`. */
function tryTerm(tokens: Token[], i: number, term: TokenTerm, matched: number, hits: Hit[]) {
  skippedCount = 0
  const last = matchWords(tokens, i + matched, term.words, matched)
  if (last < 0) return
  const gaps = skippedCount > 0 ? skippedSpans((k) => tokens[k]!.end, (k) => tokens[k]!.start) : undefined
  hits.push({ group: term.group, start: tokens[i]!.start, end: tokens[last]!.end, gapped: term.gapped, gaps })
}

/**
 * Index of the last token of the match, or -1; records in `skipped` the words a gap stepped over. Gaps are
 * bounded, so the recursion is too.
 */
function matchWords(tokens: Token[], i: number, words: WordPattern[], w: number): number {
  const pattern = words[w]
  if (!pattern) return i - 1
  if (pattern.kind === 'gap') {
    for (let skip = 0; skip <= TOKEN_GAP; skip++) {
      const found = matchWords(tokens, i + skip, words, w + 1)
      if (found < 0) continue
      // Pushed on the way back out, so only the gaps of the match that succeeded are kept.
      if (skip > 0) {
        skipped[skippedCount++] = i
        skipped[skippedCount++] = i + skip
      }
      return found
    }
    return -1
  }
  const token = tokens[i]
  if (!token || !wordMatches(token.text, pattern)) return -1
  return matchWords(tokens, i + 1, words, w + 1)
}

function wordMatches(word: string, pattern: Exclude<WordPattern, { kind: 'gap' }>): boolean {
  if (pattern.kind === 'prefix') return word.startsWith(pattern.stem)
  return inflects(word, pattern.stem)
}

/**
 * True when `word` is `stem` or a regular inflection of it (kill → kills, killed, killing; die → dies;
 * like → liking; cry → cries). Compares in place, no string cut out: it runs for every word a candidate
 * term is tried on.
 */
export function inflects(word: string, stem: string): boolean {
  if (word === stem) return true
  const n = stem.length
  const extra = word.length - n // every inflection adds one to three letters
  if (extra < 1 || extra > 3) return false
  for (let k = 0; k < n - 1; k++) if (word.charCodeAt(k) !== stem.charCodeAt(k)) return false
  const last = stem.charCodeAt(n - 1)
  if (word.charCodeAt(n - 1) === last) {
    // The whole stem, then -s, -d, -es, -ed or -ing.
    if (extra === 1) return word.endsWith('s') || word.endsWith('d')
    if (extra === 2) return word.endsWith('es') || word.endsWith('ed')
    return word.endsWith('ing')
  }
  // The stem's last letter replaced: like → liking, cry → cries, cried.
  if (extra !== 2) return false
  if (last === E) return word.endsWith('ing')
  return last === Y && (word.endsWith('ies') || word.endsWith('ied'))
}

const E = 0x65
const Y = 0x79

/**
 * Every stem `word` is `inflects`-equal to: itself, and with -s, -d, -es, -ed or -ing taken off, or -ing
 * for an -e and -ies/-ied for a -y put back. Unlike `stemCandidates`, no length is too short.
 *
 * @example inflectionStems('as') // ['as', 'a']; inflectionStems('liking') // ['liking', 'lik', 'like']
 */
export function inflectionStems(word: string): string[] {
  const n = word.length
  const out = [word]
  const add = (stem: string) => {
    if (stem.length > 0 && !out.includes(stem) && inflects(word, stem)) out.push(stem)
  }
  add(word.slice(0, n - 1))
  add(word.slice(0, n - 2))
  add(word.slice(0, n - 3))
  add(`${word.slice(0, n - 3)}e`)
  add(`${word.slice(0, n - 3)}y`)
  return out
}

/** The stems a word could be an inflection of, for the look-up table. */
export function stemCandidates(word: string): string[] {
  // Plain pushes, no helper closure: this runs once per word of every tip.
  const out = [word]
  const n = word.length
  if (n < 3) return out
  if (word.endsWith('s')) out.push(word.slice(0, -1))
  if (n > 3 && word.endsWith('es')) out.push(word.slice(0, -2))
  if (n > 3 && word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1))
  if (n > 4 && word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`)
  if (n > 4 && (word.endsWith('ies') || word.endsWith('ied'))) out.push(`${word.slice(0, -3)}y`)
  return out
}
