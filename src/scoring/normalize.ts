/**
 * Turns a tip into the two views the matcher reads, each position mapped back to the original string so a
 * signal can point at the exact words the reporter wrote.
 *
 * - `compact`: every meaningful character (Han, letters, digits, emoji), folded (NFKC, lower case,
 *   traditional → simplified, Cantonese → Mandarin) with spaces and punctuation dropped, so "自 杀", "自.杀"
 *   and "自殺" all read "自杀". Chinese and emoji terms match here.
 * - `tokens`: Latin words, folded the same way, with apostrophes removed ("didn't" → "didnt"), letters spaced
 *   out to dodge filters rejoined ("k.i.l.l" → "kill"), digits-for-letters undone inside words ("k1ll"), and
 *   runs of one letter squeezed ("diieee" → "die") unless that makes another everyday word ("off" is not
 *   "of"). English terms match here, squeezed the same way.
 *
 * One pass, linear in the length of the text, no regular expression that can backtrack.
 */
import variants from './lexicon/variants.json'

export interface Token {
  /** Folded and squeezed word. */
  text: string
  /** Offsets into the original string. */
  start: number
  end: number
}

export interface NormalizedText {
  original: string
  compact: string
  /** compactStart[i] / compactEnd[i]: the original span of compact code unit i. */
  compactStart: number[]
  compactEnd: number[]
  tokens: Token[]
}

/** Traditional → simplified, and Cantonese colloquial characters → Mandarin (唔 → 不, 冇 → 没, 咗 → 了). */
const chineseFolds: Record<string, string> = { ...variants.traditionalToSimplified, ...variants.cantoneseToMandarin }

const HAN = /\p{Script=Han}/u
const LETTER = /\p{L}/u
const EMOJI = /\p{Extended_Pictographic}/u
/** Characters that carry no meaning of their own: variation selectors, joiners, skin tones. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/u
/** Separators that hide a word when put between its letters: "k.i.l.l", "k-i-l-l", "k i l l". */
const SPELLED_OUT_SEPARATORS = new Set([' ', '.', '-', '_', '*', '·', '/', '|', '+', '~'])
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' }

type CharClass = 'latin' | 'digit' | 'word' | 'apostrophe' | 'invisible' | 'separator'

function classify(ch: string): CharClass {
  if (ch >= 'a' && ch <= 'z') return 'latin'
  if (ch >= '0' && ch <= '9') return 'digit'
  if (ch === "'" || ch === '’' || ch === '‘') return 'apostrophe'
  if (INVISIBLE.test(ch)) return 'invisible'
  if (HAN.test(ch) || LETTER.test(ch) || EMOJI.test(ch)) return 'word'
  return 'separator'
}

/**
 * Folds one code point: full-width → half-width, case, traditional → simplified, Cantonese → Mandarin. May
 * yield several.
 */
export function foldChar(ch: string): string {
  const mapped = chineseFolds[ch]
  if (mapped) return mapped
  const code = ch.codePointAt(0)!
  // ASCII needs no folding beyond case; skipping normalize() keeps the hot path fast.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
  const folded = ch.normalize('NFKC').toLowerCase()
  return folded.length === 1 || folded.length === ch.length ? (chineseFolds[folded] ?? folded) : folded
}

/**
 * Words whose squeezed form is another everyday word: left whole, or "proud of myself" reads as "off myself"
 * and "grabbed lunch but" as a grab of a butt. A stretched "offff" still squeezes to "of"; that is rarer than
 * the harm. ("too" is squeezed on purpose: children write "to scared to", and "too" and "to" mean the same
 * to every term.)
 */
const NOT_SQUEEZED = new Set(['off', 'offs', 'offed', 'offing', 'butt', 'butts', 'ass', 'asses'])

/** Collapses runs of one letter ("diieee" → "die"); digits are left alone. */
export function squeeze(word: string): string {
  // Most words have no run at all: return them as they are instead of rebuilding them.
  if (!hasRepeatedLetter(word) || NOT_SQUEEZED.has(word)) return word
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!
    if (ch === word[i - 1] && ch >= 'a' && ch <= 'z') continue
    out += ch
  }
  return out
}

function hasRepeatedLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code === word.charCodeAt(i - 1) && code >= 97 && code <= 122) return true
  }
  return false
}

interface RawToken {
  text: string
  /** The token's code units in the compact view: a word's letters and digits are all there, in a row. */
  from: number
  to: number
  start: number
  end: number
  hasLetter: boolean
  hasDigit: boolean
}

/**
 * @example
 * normalize('他說要自 殺').compact // '他说要自杀'
 * normalize("I'm gonna k.i.l.l").tokens.map((t) => t.text) // ['im', 'gona', 'kil']
 */
export function normalize(input: string): NormalizedText {
  const original = input.isWellFormed() ? input : input.toWellFormed()
  const compactCodes: number[] = []
  const starts: number[] = []
  const ends: number[] = []
  const raw: RawToken[] = []
  let current: RawToken | null = null

  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i)
    // Surrogates are the only code units that need codePointAt: the text is well formed by now.
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1
    const folds = foldCode(width === 2 ? original.codePointAt(i)! : code)
    for (let f = 0; f < folds.length; f++) {
      const { ch, kind } = folds[f]!
      if (kind === 'invisible') continue
      if (kind === 'separator' || (kind === 'apostrophe' && !current)) {
        if (current) raw.push(current)
        current = null
        continue
      }
      // Inside a word the apostrophe vanishes ("didn't" → "didnt").
      if (kind === 'apostrophe') continue
      for (let u = 0; u < ch.length; u++) {
        compactCodes.push(ch.charCodeAt(u))
        starts.push(i)
        ends.push(i + width)
      }
      if (kind === 'latin' || kind === 'digit') {
        if (!current) current = { text: '', from: compactCodes.length - 1, to: 0, start: i, end: i + width, hasLetter: false, hasDigit: false }
        current.to = compactCodes.length
        current.end = i + width
        if (kind === 'latin') current.hasLetter = true
        else current.hasDigit = true
      } else if (current) {
        raw.push(current)
        current = null
      }
    }
    i += width
  }
  if (current) raw.push(current)
  const compact = fromCharCodes(compactCodes)
  // One slice per word instead of a new string per letter.
  for (const t of raw) t.text = compact.slice(t.from, t.to)

  return {
    original,
    compact,
    compactStart: starts,
    compactEnd: ends,
    tokens: finishTokens(raw, original),
  }
}

/**
 * One flat string from code units. A string built with `+=` is a rope, and the matcher's many reads of
 * single code units would each walk it; joining an array of one-character strings costs more still.
 */
function fromCharCodes(codes: number[]): string {
  let out = ''
  // In chunks: a call takes only so many arguments.
  for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode.apply(null, codes.slice(k, k + 4096))
  return out
}

interface FoldedChar {
  ch: string
  kind: CharClass
}

/**
 * Folding and classifying a code point is the costly part of a pass (Unicode normalization, property
 * regexes), and tips reuse a few thousand characters, so results are kept per code point: in a plain array
 * for the Basic Multilingual Plane (all of Chinese and English, at most 65,536 entries), in a bounded map
 * beyond it (emoji).
 */
const bmpFolds: (FoldedChar[] | undefined)[] = new Array(0x10000)
const astralFolds = new Map<number, FoldedChar[]>()
const ASTRAL_CACHE_LIMIT = 50_000

function foldCode(code: number): FoldedChar[] {
  if (code < 0x10000) return (bmpFolds[code] ??= foldAndClassify(code))
  const cached = astralFolds.get(code)
  if (cached) return cached
  const folded = foldAndClassify(code)
  if (astralFolds.size < ASTRAL_CACHE_LIMIT) astralFolds.set(code, folded)
  return folded
}

function foldAndClassify(code: number): FoldedChar[] {
  return [...foldChar(String.fromCodePoint(code))].map((ch) => ({ ch, kind: classify(ch) }))
}

function finishTokens(raw: RawToken[], original: string): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < raw.length; i++) {
    const run = spelledOutRun(raw, i, original)
    if (run > 1) {
      const last = raw[i + run - 1]!
      const text = raw
        .slice(i, i + run)
        .map((t) => t.text)
        .join('')
      tokens.push({ text: squeeze(text), start: raw[i]!.start, end: last.end })
      i += run - 1
      continue
    }
    const t = raw[i]!
    const text = t.hasLetter && t.hasDigit ? undoLeet(t.text) : t.text
    tokens.push({ text: squeeze(text), start: t.start, end: t.end })
  }
  return tokens
}

/** "su1c1de" → "suicide": a digit between letters stands for a letter; "room12" keeps its number. */
function undoLeet(word: string): string {
  const isLetter = (ch: string | undefined) => ch !== undefined && ch >= 'a' && ch <= 'z'
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!
    const leet = LEET[ch]
    if (!leet) {
      out += ch
      continue
    }
    let before = i - 1
    while (before >= 0 && LEET[word[before]!]) before--
    let after = i + 1
    while (after < word.length && LEET[word[after]!]) after++
    out += isLetter(word[before]) && isLetter(word[after]) ? leet : ch
  }
  return out
}

/** How many single-letter tokens from `i` spell a word out ("k.i.l.l"); 1 when they do not. */
function spelledOutRun(raw: RawToken[], i: number, original: string): number {
  let n = 0
  while (i + n < raw.length) {
    const t = raw[i + n]!
    if (t.text.length !== 1 || !t.hasLetter) break
    if (n > 0) {
      const gap = original.slice(raw[i + n - 1]!.end, t.start)
      if (gap.length === 0 || gap.length > 2 || ![...gap].every((ch) => SPELLED_OUT_SEPARATORS.has(ch))) break
    }
    n++
  }
  // "s u i c i d e a lot": a trailing "a" or "i" is the next word, not the last letter.
  if (n > 4 && (raw[i + n - 1]!.text === 'a' || raw[i + n - 1]!.text === 'i')) n--
  return n >= 3 ? n : 1
}
