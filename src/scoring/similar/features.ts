/**
 * What the second reader (`level-model.ts`) looks at in a tip: every run of one to three Chinese characters,
 * every English word (a light stem: "kicking", "kicked" and "kicks" are one word) and every pair of
 * neighbouring words, and every emoji or symbol. Pure; the same function reads the labelled tips the model
 * is trained on and the tips it judges, so the two cannot drift apart.
 *
 * Each kind has a prefix (`c:` Chinese, `w:` word, `b:` word pair, `e:` emoji or symbol), and each feature
 * is counted once per tip however often it occurs: the model asks which words a tip uses, not how often.
 *
 * @example
 * tipFeatures('他要打我 kicking me 🔪')
 * // ['c:他', 'c:他要', 'c:他要打', 'c:要', …, 'w:kick', 'w:me', 'b:kick_me', 'e:🔪']
 */
export function tipFeatures(text: string): string[] {
  const lower = text.toLowerCase()
  const found = new Set<string>()
  let run = ''
  const flushRun = () => {
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= MAX_GRAM && i + n <= run.length; n++) found.add(`c:${run.slice(i, i + n)}`)
    }
    run = ''
  }
  for (const ch of lower) {
    if (isHan(ch)) {
      run += ch
      continue
    }
    if (run) flushRun()
    if (ch.codePointAt(0)! > SYMBOLS_FROM) found.add(`e:${ch}`)
  }
  if (run) flushRun()

  let previous: string | undefined
  for (const [word] of lower.matchAll(WORD)) {
    const stemmed = stem(word)
    found.add(`w:${stemmed}`)
    if (previous !== undefined) found.add(`b:${previous}_${stemmed}`)
    previous = stemmed
  }
  return [...found]
}

/** Longest run of Chinese characters counted as one feature. */
const MAX_GRAM = 3
/** Characters above this (general punctuation onwards) that are not Chinese count as symbols: emoji, arrows, ★. */
const SYMBOLS_FROM = 0x2000
/** An English word (with an apostrophe inside), as both readers of features split them. */
export const WORD = /[a-z]+(?:'[a-z]+)?/g

function isHan(ch: string): boolean {
  return ch >= '\u4e00' && ch <= '\u9fff'
}

/**
 * Drops a common ending from words longer than four letters ("kicking" → "kick", "kisses" → "kiss", "bus"
 * stays): the leftmost of -ing, -ed/-es, -s that ends the word, as the pattern `(ing|ed|es|s)$` finds it.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word
  if (word.endsWith('ing')) return word.slice(0, -3)
  if (word.endsWith('ed') || word.endsWith('es')) return word.slice(0, -2)
  return word.endsWith('s') ? word.slice(0, -1) : word
}

/**
 * Where a feature occurs in the original text, to show a counselor what the second reader went by: the
 * first place the characters, the emoji, or a word starting with the stem (then the next word, for a pair)
 * appear. A plain scan, no pattern built per call.
 *
 * @example
 * locateFeature('He kept KICKING me', 'w:kick') // { start: 8, end: 15 }
 */
export function locateFeature(text: string, feature: string): { start: number; end: number } | undefined {
  const body = feature.slice(2)
  if (feature.startsWith('c:') || feature.startsWith('e:')) {
    const start = text.indexOf(body)
    return start < 0 ? undefined : { start, end: start + body.length }
  }
  // Only A–Z are lower-cased, so every position in `lower` is the same position in `text` (toLowerCase can
  // change the length: "İ" becomes two code units). A word that came from such a letter is not found.
  const lower = text.replace(ASCII_UPPER, (letter) => letter.toLowerCase())
  const [first, second] = feature.startsWith('b:') ? body.split('_') : [body]
  for (let at = lower.indexOf(first!); at >= 0; at = lower.indexOf(first!, at + 1)) {
    if (isLetter(lower.charCodeAt(at - 1))) continue // inside a longer word
    let end = wordEnd(lower, at + first!.length)
    if (second !== undefined) {
      let next = end
      while (next < lower.length && !isLetter(lower.charCodeAt(next))) next++
      if (!lower.startsWith(second, next)) continue
      end = wordEnd(lower, next + second.length)
    }
    return { start: at, end }
  }
  return undefined
}

const ASCII_UPPER = /[A-Z]/g

function isLetter(unit: number): boolean {
  return unit >= 0x61 && unit <= 0x7a // a–z: the words features are made of
}

/** Past the rest of the word: its letters and an apostrophe inside it ("didn't"). */
function wordEnd(lower: string, from: number): number {
  let end = from
  while (end < lower.length && (isLetter(lower.charCodeAt(end)) || (lower[end] === "'" && isLetter(lower.charCodeAt(end + 1))))) end++
  return end
}
