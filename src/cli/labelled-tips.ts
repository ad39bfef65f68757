import { readFileSync } from 'node:fs'
import { type Level, levels } from '../scoring/types'

/**
 * The labelled tips of a JSON-lines file (the format of shared/data/tips-dev.jsonl): text and level of each.
 * Node-only (reads a file): for training and tests, never imported by the scorer itself.
 *
 * @example
 * readLabelledTips('test/fixtures/tips-holdout2.jsonl')[0] // { text: '…', level: 'high' }
 */
export function readLabelledTips(path: string): { text: string; level: Level }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const tip = JSON.parse(line) as { text?: unknown; level?: unknown }
      if (typeof tip.text !== 'string' || !levels.includes(tip.level as Level)) {
        throw new Error(`${path}:${i + 1}: needs "text" and a "level" of ${levels.join('|')}`)
      }
      return { text: tip.text, level: tip.level as Level }
    })
}
