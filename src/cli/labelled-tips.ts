import { readFileSync } from 'node:fs'
import type { LabelledTip } from '../scoring/evaluate'
import { levels } from '../scoring/types'

/**
 * The labelled tips of a JSON-lines file (the format of shared/data/tips-dev.jsonl). Node-only (reads a
 * file): for the command line and tests, never imported by the scorer itself. Throws naming the file and
 * line when a line is not a tip with a text and a level.
 *
 * @example
 * readLabelledTips('test/fixtures/tips-holdout2.jsonl')[0] // { id: 'h2-001', text: '…', level: 'high', … }
 */
export function readLabelledTips(path: string | URL): LabelledTip[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, lineNo]) => {
      const tip = JSON.parse(line) as Partial<LabelledTip>
      if (typeof tip.text !== 'string' || !levels.includes(tip.level!)) {
        throw new Error(`${path}:${lineNo}: needs "text" and a "level" of ${levels.join('|')}`)
      }
      return { ...tip, id: String(tip.id ?? lineNo), text: tip.text, level: tip.level! }
    })
}
