/**
 * Measures the scorer against labelled tips: the confusion matrix, per-level precision and recall, exact and
 * within-one-level accuracy, and every miss. Pure, so the eval command and the tests share it.
 */
import { scoreTip } from './score'
import { levels, type Level, type ScoreResult } from './types'

export interface LabelledTip {
  id: string
  text: string
  level: Level
  reporter?: string
}

/** What a reader made of a tip: the full scorer (`scoreTip`) or the lexicon alone (`lexiconDecision`). */
export type Reading = Pick<ScoreResult, 'level' | 'score' | 'signals'>

export interface Miss {
  tip: LabelledTip
  result: Reading
}

export interface Evaluation {
  total: number
  /** confusion[expected][actual] */
  confusion: Record<Level, Record<Level, number>>
  precision: Record<Level, number>
  recall: Record<Level, number>
  exact: number
  withinOne: number
  criticalScoredLow: number
  misses: Miss[]
}

/**
 * @example
 * evaluate(tips).recall.critical // 0.97
 * evaluate(tips, lexiconDecision).recall.critical // the lexicon alone
 */
export function evaluate(tips: LabelledTip[], read: (text: string) => Reading = scoreTip): Evaluation {
  const confusion = Object.fromEntries(levels.map((e) => [e, Object.fromEntries(levels.map((a) => [a, 0]))])) as Evaluation['confusion']
  const misses: Miss[] = []
  let exact = 0
  let withinOne = 0
  for (const tip of tips) {
    const result = read(tip.text)
    confusion[tip.level][result.level]++
    const distance = Math.abs(levels.indexOf(tip.level) - levels.indexOf(result.level))
    if (distance === 0) exact++
    else misses.push({ tip, result })
    if (distance <= 1) withinOne++
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d)
  const precision = {} as Record<Level, number>
  const recall = {} as Record<Level, number>
  for (const l of levels) {
    const predicted = levels.reduce((sum, e) => sum + confusion[e][l], 0)
    const actual = levels.reduce((sum, a) => sum + confusion[l][a], 0)
    precision[l] = ratio(confusion[l][l], predicted)
    recall[l] = ratio(confusion[l][l], actual)
  }
  return {
    total: tips.length,
    confusion,
    precision,
    recall,
    exact: ratio(exact, tips.length),
    withinOne: ratio(withinOne, tips.length),
    criticalScoredLow: confusion.critical.low,
    misses,
  }
}

/** Plain-text report for the eval command. */
export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const pad = (s: string | number, n = 10) => String(s).padStart(n)
  const lines = [`${e.total} tips`, '', 'confusion (rows: expected, columns: scored)', pad('') + levels.map((l) => pad(l)).join('')]
  for (const exp of levels) lines.push(pad(exp) + levels.map((a) => pad(e.confusion[exp][a])).join(''))
  lines.push('', `${pad('level')}${pad('precision')}${pad('recall')}`)
  for (const l of levels) lines.push(`${pad(l)}${pad(pct(e.precision[l]))}${pad(pct(e.recall[l]))}`)
  lines.push(
    '',
    `exact accuracy:         ${pct(e.exact)}`,
    `within one level:       ${pct(e.withinOne)}`,
    `critical scored as low: ${e.criticalScoredLow}`,
    '',
    `misses (${e.misses.length}):`,
  )
  for (const { tip, result } of e.misses) {
    lines.push(`- ${tip.id}: expected ${tip.level}, scored ${result.level} (${result.score})`, `  ${tip.text.replace(/\s+/g, ' ')}`)
    const signals = result.signals.map((s) => `${s.id}「${s.match.text}」`).join(' ')
    lines.push(`  signals: ${signals || '(none)'}`)
  }
  return lines.join('\n')
}

/**
 * One table row per labelled file, the lexicon alone beside the full scorer, and the files pooled — the
 * README's accuracy table, so it can be made again rather than copied by hand.
 *
 * @example formatSummary([{ name: 'holdout42', lexicon: evaluate(tips, lexiconDecision), full: evaluate(tips) }])
 */
export function formatSummary(rows: { name: string; lexicon: Evaluation; full: Evaluation }[], pooled?: { lexicon: Evaluation; full: Evaluation }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const cells = (e: Evaluation) => `${pct(e.exact)} / ${pct(e.withinOne)} / ${pct(e.recall.critical)} / ${pct(e.precision.critical)} / ${e.criticalScoredLow}`
  const lines = [
    '| set | lexicon alone: exact / within one / critical recall / precision / critical→low | full scorer |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${cells(r.lexicon)} | **${cells(r.full)}** |`),
  ]
  if (pooled) lines.push(`| pooled (${pooled.full.total} tips) | ${cells(pooled.lexicon)} | **${cells(pooled.full)}** |`)
  return lines.join('\n')
}
