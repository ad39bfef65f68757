import { afterAll, describe, expect, it } from 'vitest'
import { readLabelledTips } from '../../src/cli/labelled-tips'
import type { LabelledTip } from '../../src/scoring/evaluate'
import { decideWith, lexiconDecision } from '../../src/scoring/score'
import { type LevelModel, loadLevelModel, trainLevelModel } from '../../src/scoring/similar/level-model'
import { secondReader, secondReaderData } from '../../src/scoring/similar/second-reader'
import { type Level, levels } from '../../src/scoring/types'

/** A tip and the level the rubric gives it. */
export type Case = [string, Level]

/**
 * One test per case: the lexicon and its rules read the tip at exactly the level given. A failure names every
 * signal that fired and the words it fired on, which is what one needs to see to fix a term.
 *
 * The full scorer adds the second reader (src/scoring/similar/), a model of whole tips; it is held to the
 * tables as a whole rather than line by line: after the file's cases, the full scorer must be within one
 * level of the rubric on at least FULL_WITHIN_ONE of them and may put at most FULL_LOW_TO_CRITICAL of the
 * low ones at critical. What it got wrong is listed on failure. The committed second reader is trained on
 * the family files too, so for a family file (`describeFamilies`) the check uses one trained on everything
 * but that file: a measure of look-alikes it never read, not a recital of what it learned.
 *
 * @example expectLevels([['他没带刀', 'low'], ['他书包里有刀', 'critical']])
 */
export const expectLevels = (cases: Case[]) => {
  it.each(cases)('%s → %s', (text, level) => {
    const result = lexiconDecision(text)
    expect(result.level, JSON.stringify(result.signals.map((s) => `${s.id}:${s.match.text}`))).toBe(level)
    tally.push({ text, expected: level, full: decideWith(fullScorerReader, text).level })
  })
}

/**
 * The families of `test/fixtures/families/NAME.jsonl` (lines `{ family, text, level }`), a describe block
 * per family in file order, each case checked by `expectLevels`.
 *
 * @example describeFamilies('danger')
 */
export function describeFamilies(name: string) {
  const file = `test/fixtures/families/${name}.jsonl`
  const families = new Map<string, Case[]>()
  const seen = new Set<string>()
  for (const tip of readLabelledTips(new URL(file, root)) as (LabelledTip & { family?: unknown })[]) {
    if (typeof tip.family !== 'string') throw new Error(`${file}: case "${tip.text}" names no family`)
    // A case twice would be tested twice and trained on twice.
    if (seen.has(tip.text)) throw new Error(`${file}: case "${tip.text}" is there twice`)
    seen.add(tip.text)
    let cases = families.get(tip.family)
    if (!cases) families.set(tip.family, (cases = []))
    cases.push([tip.text, tip.level])
  }
  fullScorerReader = readerTrainedWithout(file)
  for (const [family, cases] of families) describe(family, () => expectLevels(cases))
}

const root = new URL('../../', import.meta.url)
/** The second reader the full scorer's check uses: the committed one, or one that never read the file. */
let fullScorerReader: LevelModel = secondReader

/** The second reader trained as the committed one is (same files, the trainer's settings), but without `file`. */
function readerTrainedWithout(file: string): LevelModel {
  const { trainedOn } = secondReaderData
  if (!trainedOn.files.includes(file)) throw new Error(`the second reader was not trained on ${file}: run npm run score:train`)
  const files = trainedOn.files.filter((f) => f !== file)
  const tips = files.flatMap((f) => readLabelledTips(new URL(f, root)))
  return loadLevelModel(trainLevelModel(tips, { files }))
}

/** Share of a file's cases the full scorer must place within one level of the rubric. */
export const FULL_WITHIN_ONE = 0.95
/** Share of a file's low cases the full scorer may place at critical. */
export const FULL_LOW_TO_CRITICAL = 0.03

const tally: { text: string; expected: Level; full: Level }[] = []
// Registered as this module is imported, at the top of the importing test file: so it runs once, after all
// of that file's cases (each test file has its own copy of this module, and of the tally).
afterAll(checkFullScorer)

function checkFullScorer() {
  if (tally.length === 0) return
  const off = (a: Level, b: Level) => Math.abs(levels.indexOf(a) - levels.indexOf(b))
  const far = tally.filter((t) => off(t.full, t.expected) > 1)
  const lows = tally.filter((t) => t.expected === 'low')
  const lowToCritical = lows.filter((t) => t.full === 'critical')
  const list = (items: typeof tally) => items.map((t) => `  ${t.expected} → ${t.full}: ${t.text}`).join('\n')
  expect(1 - far.length / tally.length, `full scorer more than one level off on ${far.length} of ${tally.length}:\n${list(far)}`).toBeGreaterThanOrEqual(FULL_WITHIN_ONE)
  expect(lowToCritical.length / Math.max(1, lows.length), `full scorer made ${lowToCritical.length} of ${lows.length} low cases critical:\n${list(lowToCritical)}`).toBeLessThanOrEqual(FULL_LOW_TO_CRITICAL)
}
