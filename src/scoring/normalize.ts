/**
 * Turns a tip into the two views the matcher reads, each position mapped back to the original string so a
 * signal can point at the exact words the reporter wrote.
 *
 * - `compact`: every meaningful character (Han, letters, digits, emoji), folded (NFKC, lower case,
 *   traditional → simplified) with spaces and punctuation dropped, so "自 杀", "自.杀" and "自殺" all read
 *   "自杀". Chinese and emoji terms match here.
 * - `tokens`: Latin words, folded the same way, with apostrophes removed ("didn't" → "didnt"), letters spaced
 *   out to dodge filters rejoined ("k.i.l.l" → "kill"), digits-for-letters undone inside words ("k1ll"), and
 *   runs of one letter squeezed ("diieee" → "die"). English terms match here, squeezed the same way.
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

const traditionalToSimplified: Record<string, string> = variants.traditionalToSimplified

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

/** Folds one code point: full-width → half-width, case, traditional → simplified. May yield several. */
export function foldChar(ch: string): string {
  const mapped = traditionalToSimplified[ch]
  if (mapped) return mapped
  const code = ch.codePointAt(0)!
  // ASCII needs no folding beyond case; skipping normalize() keeps the hot path fast.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
  const folded = ch.normalize('NFKC').toLowerCase()
  return folded.length === 1 || folded.length === ch.length ? (traditionalToSimplified[folded] ?? folded) : folded
}

/** Collapses runs of one letter ("diieee" → "die"); digits are left alone. */
export function squeeze(word: string): string {
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!
    if (ch === word[i - 1] && ch >= 'a' && ch <= 'z') continue
    out += ch
  }
  return out
}

interface RawToken {
  text: string
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
  const compactChars: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  const raw: RawToken[] = []
  let current: RawToken | null = null

  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i)!
    const width = code > 0xffff ? 2 : 1
    for (const { ch, kind } of foldCode(code)) {
      if (kind === 'invisible') continue
      if (kind === 'separator' || (kind === 'apostrophe' && !current)) {
        if (current) raw.push(current)
        current = null
        continue
      }
      // Inside a word the apostrophe vanishes ("didn't" → "didnt").
      if (kind === 'apostrophe') continue
      for (let u = 0; u < ch.length; u++) {
        compactChars.push(ch[u]!)
        starts.push(i)
        ends.push(i + width)
      }
      if (kind === 'latin' || kind === 'digit') {
        if (!current) current = { text: '', start: i, end: i + width, hasLetter: false, hasDigit: false }
        current.text += ch
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

  return {
    original,
    compact: compactChars.join(''),
    compactStart: starts,
    compactEnd: ends,
    tokens: finishTokens(raw, original),
  }
}

interface FoldedChar {
  ch: string
  kind: CharClass
}

/**
 * Folding and classifying a code point is the costly part of a pass (Unicode normalization, property
 * regexes), and tips reuse a few thousand characters, so results are kept per code point.
 */
const foldCache = new Map<number, FoldedChar[]>()
const FOLD_CACHE_LIMIT = 50_000

/** ASCII, most of an English tip, from a plain array rather than the map. */
const asciiFolds: FoldedChar[][] = Array.from({ length: 128 }, (_, code) => {
  const ch = foldChar(String.fromCharCode(code))
  return [{ ch, kind: classify(ch) }]
})

function foldCode(code: number): FoldedChar[] {
  if (code < 128) return asciiFolds[code]!
  const cached = foldCache.get(code)
  if (cached) return cached
  const folded = [...foldChar(String.fromCodePoint(code))].map((ch) => ({ ch, kind: classify(ch) }))
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(code, folded)
  return folded
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
