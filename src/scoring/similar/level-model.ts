import { type Level, levels } from '../types'
import { stem, tipFeatures } from './features'
import { fnv1aHex } from '../fnv1a'
import { IntPairTable, maskBit } from '../int-pair-table'

/**
 * The second reader: a logistic-regression model of how the labelled tips' words go with their levels. The
 * lexicon reads a tip for the warning signs it lists; a child who says the same thing in words nobody
 * listed gets past it. This model has read every labelled tip in `test/fixtures` (thousands, written from
 * the rubric in both languages and every register, and the lexicon families' look-alikes) and judges a new
 * tip by which of their words it shares — the Chinese character runs, words, word pairs and emoji of
 * `features.ts` — so it also weighs phrasings no term names. Measured on sets neither reader had seen it
 * finds far more of the critical tips than the lexicon alone (README → Accuracy); `combine.ts` decides how
 * far it may move the lexicon's level.
 *
 * Logistic regression rather than naive Bayes: the features overlap (a Chinese character, the pairs and the
 * runs of three around it say the same thing three times), and naive Bayes counts each as fresh evidence, so
 * its probability is 0.99 or more on nearly every long tip. Trained jointly, the weights share that evidence
 * out, and the probability means something: `combine.ts` lets the reader act alone only when it is high.
 *
 * The trained model is data (`level-model.json`, made by `npm run score:train`), like the lexicon: a weight
 * per level for every feature used by at least `minTips` tips, and a bias per level.
 */
export interface LevelModelData {
  /** Format of this file. */
  format: 2
  /** How it was trained: passes over the tips, AdaGrad's base rate, L2 penalty. */
  training: { epochs: number; rate: number; l2: number }
  /** Features used by fewer tips than this were left out when training. */
  minTips: number
  /** Which labelled files it was trained on, and how many tips. */
  trainedOn: { files: string[]; tips: number }
  /** Tips per level, in `levels` order (critical first). */
  tips: [number, number, number, number]
  /** Bias per level, in `levels` order. */
  bias: [number, number, number, number]
  /** Per feature: its weight for each level (critical first), rounded to WEIGHT_DIGITS decimals. */
  features: Record<string, [number, number, number, number]>
  /** FNV-1a of everything above, for the scorer version (a retrain that changes anything changes it). */
  fingerprint: string
}

export interface LevelModel {
  /** Bias of each level, in `levels` order. */
  bias: Float64Array
  /** Weight of each feature for each level: 4 values per feature, critical first. */
  weights: Float64Array
  /** Feature names by index (for the evidence shown to staff). */
  names: string[]
  /** 1 where the feature is a single Chinese character (weak evidence), by index. */
  singleChar: Uint8Array
  /** Single Chinese characters by offset from U+4E00, to their index (-1: unknown). */
  chars: Int32Array
  /** Pairs of Chinese characters by their two offsets, and runs of three by the `pairKey` of their first two
   * and the offset of the third, to their index (-1: unknown). */
  runs: IntPairTable
  /** Emoji and symbols by code point, to their index. */
  symbols: Map<number, number>
  /** Words (stemmed), to their index. */
  words: Map<string, number>
  /**
   * Per character and per pair of characters (by feature index), a mask of the characters that follow it in
   * a known pair or run (`maskBit` of their offsets): a clear bit skips the look-up in `runs`.
   */
  nextChars: Int32Array
  /** Pairs of neighbouring words by the indexes of their two words, to their index. */
  pairsOfWords: IntPairTable
  /** Per feature, the last tip it was counted for: each feature counts once per tip without a Set. */
  seen: Int32Array
  tipSerial: number
  /** The features of the tip being read (reused between tips). */
  known: number[]
  /** Per level, the running sum of the tip's weights; once read, its probability. */
  sums: Float64Array
}

/** What the second reader thinks of a tip. */
export interface LevelOpinion {
  level: Level
  /** Its probability for that level, 0–1. */
  probability: number
  /** Its probability that the tip is critical, 0–1, whichever level it finds most likely. */
  critical: number
  /** How many of the tip's features it knows from training: how much it had to go on. */
  known: number
  /**
   * The feature that spoke most for the level the opinion may raise a tip to (`locateFeature` finds it in
   * the text): its own level, or critical when it was only in doubt (`explainCriticalFrom`); left out when
   * the caller said the opinion could not raise anything (`explainAbove`).
   */
  evidence?: string
}

const LEVELS = levels.length

/**
 * Trains the model from labelled tips: softmax regression over the tips' features, AdaGrad, a fixed order of
 * visits per pass (a stride through the tips, no random numbers). Deterministic: the same tips in the same
 * order give the same data, to the last digit.
 *
 * Twelve passes at a base rate of 0.2: eight at 0.1 left it under-trained (on the unseen sets pooled, at the
 * same sure limit of 0.81: critical recall 95.8% against 97.0%, exact 91.6% against 92.4%; 96.5% and 92.1%
 * once the look-alike check raised the limit to 0.86); 16 to 40 passes, or a rate of 0.4, change little.
 *
 * @example
 * const data = trainLevelModel(tips, { files: ['tips-holdout2.jsonl'] })
 */
export function trainLevelModel(
  tips: readonly { text: string; level: Level }[],
  { files, minTips = 2, epochs = 12, rate = 0.2, l2 = 1e-5 }: { files: string[]; minTips?: number; epochs?: number; rate?: number; l2?: number },
): LevelModelData {
  const perLevel: [number, number, number, number] = [0, 0, 0, 0]
  const featuresOf = tips.map((tip) => tipFeatures(tip.text))
  const used = new Map<string, number>()
  for (const features of featuresOf) for (const feature of features) used.set(feature, (used.get(feature) ?? 0) + 1)
  const names = [...used.keys()].filter((name) => used.get(name)! >= minTips).sort()
  const index = new Map(names.map((name, i) => [name, i]))
  const rows = featuresOf.map((features) => features.map((f) => index.get(f)).filter((i) => i !== undefined))
  const labels = tips.map((tip) => levels.indexOf(tip.level))
  for (const label of labels) perLevel[label]!++

  const weights = new Float64Array(names.length * LEVELS)
  const bias = new Float64Array(LEVELS)
  // AdaGrad's running sums of squared gradients, started just above zero.
  const weightSteps = new Float64Array(weights.length).fill(1e-8)
  const biasSteps = new Float64Array(LEVELS).fill(1e-8)
  const probabilities = new Float64Array(LEVELS)
  const stride = strideThrough(rows.length)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let visit = 0; visit < rows.length; visit++) {
      const n = (visit * stride + epoch * EPOCH_OFFSET) % rows.length
      const row = rows[n]!
      softmax(bias, weights, row, probabilities)
      const scale = featureScale(row.length)
      for (let l = 0; l < LEVELS; l++) {
        const error = probabilities[l]! - (l === labels[n] ? 1 : 0)
        biasSteps[l]! += error * error
        bias[l]! -= (rate * error) / Math.sqrt(biasSteps[l]!)
        for (const i of row) {
          const at = i * LEVELS + l
          const gradient = error * scale + l2 * weights[at]!
          weightSteps[at]! += gradient * gradient
          weights[at]! -= (rate * gradient) / Math.sqrt(weightSteps[at]!)
        }
      }
    }
  }
  // `|| 0`: a weight rounded to -0 is written as 0, and must read back equal to what training gives.
  const round = (x: number) => Math.round(x * 10 ** WEIGHT_DIGITS) / 10 ** WEIGHT_DIGITS || 0
  const features: Record<string, [number, number, number, number]> = {}
  names.forEach((name, i) => {
    features[name] = [0, 1, 2, 3].map((l) => round(weights[i * LEVELS + l]!)) as [number, number, number, number]
  })
  const data = {
    format: 2 as const,
    training: { epochs, rate, l2 },
    minTips,
    trainedOn: { files, tips: tips.length },
    tips: perLevel,
    bias: [...bias].map(round) as [number, number, number, number],
    features,
  }
  return { ...data, fingerprint: fnv1aHex(JSON.stringify(data)) }
}

/** Decimals kept of each weight: enough for every decision, and a model file a third the size. */
const WEIGHT_DIGITS = 4
// Each pass visits every tip once, striding through them so the files are mixed, and starts elsewhere.
const VISIT_STRIDE = 7919
const EPOCH_OFFSET = 104729

/** The first stride from VISIT_STRIDE up that shares no factor with `count`: only such a stride visits all. */
function strideThrough(count: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  let stride = VISIT_STRIDE
  while (gcd(stride, count) !== 1) stride++
  return stride
}

/**
 * A tip's weights are summed over its features and scaled by one over the square root of their number: a
 * long tip is not more certain just for having more words.
 */
const featureScale = (known: number) => 1 / Math.sqrt(Math.max(1, known))

/** The level probabilities of one tip's features, into `out`. */
function softmax(bias: Float64Array, weights: Float64Array, row: readonly number[], out: Float64Array): void {
  for (let l = 0; l < LEVELS; l++) {
    let sum = 0
    for (const i of row) sum += weights[i * LEVELS + l]!
    out[l] = sum
  }
  toProbabilities(bias, out, row.length)
}

/**
 * Turns a tip's summed weights per level into its level probabilities, in place — bias plus the scaled sum,
 * then softmax — and returns the rank of the likeliest level (the first, on a tie). The one definition
 * training and reading share, so what is read is what was trained.
 */
function toProbabilities(bias: Float64Array, sums: Float64Array, known: number): number {
  const scale = featureScale(known)
  let best = 0
  for (let l = 0; l < LEVELS; l++) {
    sums[l] = bias[l]! + sums[l]! * scale
    if (sums[l]! > sums[best]!) best = l
  }
  const top = sums[best]!
  let total = 0
  for (let l = 0; l < LEVELS; l++) total += sums[l] = Math.exp(sums[l]! - top)
  for (let l = 0; l < LEVELS; l++) sums[l]! /= total
  return best
}

/**
 * Lays the stored weights out for reading, once, at load.
 *
 * @example
 * const model = loadLevelModel(data)
 */
export function loadLevelModel(data: LevelModelData): LevelModel {
  const names = Object.keys(data.features)
  const vocabulary = names.length
  const weights = new Float64Array(vocabulary * LEVELS)
  const model: LevelModel = {
    bias: Float64Array.from(data.bias),
    weights,
    names,
    singleChar: Uint8Array.from(names, (name) => (name.length === 3 && name.startsWith('c:') ? 1 : 0)),
    chars: new Int32Array(HAN_COUNT).fill(-1),
    runs: IntPairTable.of([]),
    symbols: new Map(),
    words: new Map(),
    pairsOfWords: IntPairTable.of([]),
    nextChars: new Int32Array(vocabulary),
    seen: new Int32Array(vocabulary),
    tipSerial: 0,
    known: [],
    sums: new Float64Array(LEVELS),
  }
  const runs: [number, number, number][] = []
  const wordPairs: [name: string, index: number][] = []
  names.forEach((name, index) => {
    weights.set(data.features[name]!, index * LEVELS)
    if (name.startsWith('b:')) wordPairs.push([name, index])
    else indexFeature(model, runs, name, index)
  })
  model.runs = IntPairTable.of(runs)
  indexRunParts(model, runs)
  // After the words: a pair is keyed by its two words' indexes. Both are always known, as every tip with the
  // pair has both words, so each word was used by at least as many tips as the pair.
  model.pairsOfWords = IntPairTable.of(
    wordPairs.map(([name, index]) => {
      const words = name.slice(2).split('_')
      const [first, second] = words.map((word) => model.words.get(word))
      if (words.length !== 2 || first === undefined || second === undefined) throw new Error(`level model: pair ${name} without its words`)
      return [first, second, index] as const
    }),
  )
  return model
}

// Chinese characters, pairs and emoji are found by small integers rather than strings: a character by its
// offset from U+4E00 (15 bits), a pair by two offsets (30 bits, still a small integer to V8), a run of three
// by its pair, then its third. Reading a tip then builds no string per character run (a 100-character tip
// has some 300 of them); only its English words are strings.
const HAN_FIRST = 0x4e00
const HAN_COUNT = 0x9fff - HAN_FIRST + 1
const SYMBOLS_FROM = 0x2000
const pairKey = (first: number, second: number) => first * 0x8000 + second
const unpairKey = (key: number): [first: number, second: number] => [Math.floor(key / 0x8000), key % 0x8000]
const RUN_OF_THREE = 2 ** 30
const APOSTROPHE = 0x27
const isAsciiLetter = (unit: number) => unit >= 0x61 && unit <= 0x7a
// Module-local: under tsx an imported binding is read through a getter on every use.
const stemWord = stem
const offsetBit = maskBit

function indexFeature(model: LevelModel, runs: [number, number, number][], name: string, index: number): void {
  const body = name.slice(2)
  if (name.startsWith('e:')) model.symbols.set(body.codePointAt(0)!, index)
  else if (name.startsWith('w:')) model.words.set(body, index)
  else {
    const [a, b, c] = [...body].map((ch) => ch.charCodeAt(0) - HAN_FIRST)
    if (b === undefined) model.chars[a!] = index
    // A pair is keyed (first, second); a run of three (pair key + 2^30, third): the two never meet, as offsets are under 2^15.
    else if (c === undefined) runs.push([a!, b, index])
    else runs.push([pairKey(a!, b) + RUN_OF_THREE, c, index])
  }
}

/**
 * Fills `nextChars`: for each pair and run of three, the feature it grows from (the first character, the
 * first pair) lists its last character. Reading skips a pair of characters whose characters are not both
 * known, and a run whose two pairs are not: every tip with the run has its parts, so training never keeps a
 * run without them. A model made otherwise (pruned, or by hand) would silently lose features: refuse it.
 */
function indexRunParts(model: LevelModel, runs: readonly [number, number, number][]): void {
  for (const [key, last, index] of runs) {
    let before: number
    let after: number
    if (key < RUN_OF_THREE) {
      before = model.chars[key]!
      after = model.chars[last]!
    } else {
      const [first, second] = unpairKey(key - RUN_OF_THREE)
      before = model.runs.get(first, second)
      after = model.runs.get(second, last)
    }
    if (before < 0 || after < 0) throw new Error(`level model: ${model.names[index]} without its parts`)
    model.nextChars[before] = model.nextChars[before]! | maskBit(last)
  }
}

/** Adds a known feature's evidence to the tip being read, once per tip. */
function count(model: LevelModel, index: number | undefined): void {
  if (index === undefined || index < 0 || model.seen[index] === model.tipSerial) return
  model.seen[index] = model.tipSerial
  model.known.push(index)
  const base = index * LEVELS
  const { sums, weights } = model
  for (let l = 0; l < LEVELS; l++) sums[l]! += weights[base + l]!
}

/**
 * The level the model finds most likely for a text, how sure it is, and its strongest evidence. Features
 * it never saw in training say nothing either way. The evidence is only shown to staff when the opinion
 * raises a level: given `explainAbove` (the level it could raise), it is worked out only for an opinion
 * above that level (a third of the reading's cost) — or, for a tip at low, for critical when the
 * probability of critical reaches `explainCriticalFrom` (a doubt that may lift it, see `combine`).
 *
 * @example
 * levelOpinion(model, '我吃了一整瓶药，好困').level // 'critical'
 */
export function levelOpinion(model: LevelModel, text: string, explainAbove?: Level, explainCriticalFrom = 1): LevelOpinion {
  const { bias, weights, chars, runs, nextChars, symbols, words, pairsOfWords, known, sums } = model
  // Stamps live in an Int32Array: before the counter would pass its range, clear them and start again.
  if (model.tipSerial === 0x7fffffff) {
    model.seen.fill(0)
    model.tipSerial = 0
  }
  model.tipSerial++
  known.length = 0
  sums.fill(0)

  // The same features as `tipFeatures`, read straight off the text: runs of Chinese characters, emoji and
  // symbols by code point, then words and word pairs.
  const lower = text.toLowerCase()
  let previous = -1 // offset of the Chinese character before this one in the run, or -1
  let beforePrevious = -1
  // The features of the character before and of the pair it ends, or -1. A run is only known when its parts
  // are (every tip with "被打了" has "被打" and "打了"), and only after what `nextChars` lists for them, so
  // most look-ups of pairs and runs are skipped.
  let previousChar = -1
  let previousPair = -1
  let before = -1 // index of the word before this one, or -1 (unknown, or none)
  for (let i = 0; i < lower.length; i++) {
    const unit = lower.charCodeAt(i)
    const offset = unit - HAN_FIRST
    if (offset >= 0 && offset < HAN_COUNT) {
      const char = chars[offset]!
      count(model, char)
      let pair = -1
      const bit = offsetBit(offset)
      if (char >= 0 && previousChar >= 0 && nextChars[previousChar]! & bit) {
        pair = runs.get(previous, offset)
        count(model, pair)
        if (pair >= 0 && previousPair >= 0 && nextChars[previousPair]! & bit)
          count(model, runs.get(pairKey(beforePrevious, previous) + RUN_OF_THREE, offset))
      }
      beforePrevious = previous
      previous = offset
      previousChar = char
      previousPair = pair
      continue
    }
    previous = beforePrevious = -1
    previousChar = previousPair = -1
    if (isAsciiLetter(unit)) {
      // A word as WORD reads it: letters, and at most one apostrophe with letters after it ("didn't").
      const start = i
      while (isAsciiLetter(lower.charCodeAt(i + 1))) i++
      if (lower.charCodeAt(i + 1) === APOSTROPHE && isAsciiLetter(lower.charCodeAt(i + 2))) {
        i += 2
        while (isAsciiLetter(lower.charCodeAt(i + 1))) i++
      }
      const word = words.get(stemWord(lower.slice(start, i + 1))) ?? -1
      count(model, word)
      // A pair of words is only known when both words are (see `loadLevelModel`).
      if (before >= 0 && word >= 0) count(model, pairsOfWords.get(before, word))
      before = word
      continue
    }
    if (unit > SYMBOLS_FROM) {
      const point = lower.codePointAt(i)!
      count(model, symbols.get(point))
      if (point > 0xffff) i++ // the second half of a surrogate pair
    }
  }

  const best = toProbabilities(bias, sums, known.length)
  const critical = sums[0]!
  const opinion: LevelOpinion = { level: levels[best]!, probability: sums[best]!, critical, known: known.length }
  if (explainAbove === undefined || best < levels.indexOf(explainAbove)) opinion.evidence = strongestEvidence(model, best)
  else if (explainAbove === 'low' && critical >= explainCriticalFrom) opinion.evidence = strongestEvidence(model, 0)
  return opinion
}

/**
 * The feature of the tip just read whose weight for level `best` most exceeds its average weight for the
 * others — a word or a run of Chinese characters before a single character (「刚」 explains nothing to a
 * counselor), a single one only when nothing longer spoke for the level.
 */
function strongestEvidence(model: LevelModel, best: number): string | undefined {
  const { known, weights, singleChar } = model
  let margin = Number.NEGATIVE_INFINITY
  let marginOfSingle = Number.NEGATIVE_INFINITY
  let strongest = -1
  let strongestSingle = -1
  for (const index of known) {
    const base = index * LEVELS
    let others = 0
    for (let l = 0; l < LEVELS; l++) if (l !== best) others += weights[base + l]!
    const m = weights[base + best]! - others / (LEVELS - 1)
    if (singleChar[index] && m > marginOfSingle) {
      marginOfSingle = m
      strongestSingle = index
    } else if (!singleChar[index] && m > margin) {
      margin = m
      strongest = index
    }
  }
  const pick = strongest < 0 || (margin <= 0 && marginOfSingle > 0) ? strongestSingle : strongest
  return pick < 0 ? undefined : model.names[pick]
}

/**
 * The model as its file is written: one feature per line, so a retrained model reviews as a readable diff.
 *
 * @example
 * writeFileSync('level-model.json', formatLevelModel(data))
 */
export function formatLevelModel(data: LevelModelData): string {
  const { features, fingerprint, ...head } = data
  const lines = Object.entries(features).map(([name, row]) => `    ${JSON.stringify(name)}: ${JSON.stringify(row)}`)
  const top = JSON.stringify(head, null, 2).slice(0, -2) // without the closing "\n}"
  return `${top},\n  "features": {\n${lines.join(',\n')}\n  },\n  "fingerprint": ${JSON.stringify(fingerprint)}\n}\n`
}
