/**
 * `npm run -s score:eval -- FILE.jsonl`: scores a labelled file (the format of shared/data/tips-dev.jsonl) and
 * prints the confusion matrix, precision and recall per level, accuracy and every miss.
 */
import { evaluate, formatEvaluation, type LabelledTip } from '../scoring/evaluate'
import { levels } from '../scoring/types'
import { readLines } from './read-lines'

const path = process.argv[2]
if (!path) {
  console.error('usage: npm run -s score:eval -- FILE.jsonl')
  process.exit(2)
}

const tips: LabelledTip[] = []
let lineNo = 0
for await (const line of readLines(path)) {
  lineNo++
  if (line.trim() === '') continue
  const tip = JSON.parse(line) as LabelledTip
  if (typeof tip.text !== 'string' || !levels.includes(tip.level)) {
    console.error(`${path}:${lineNo}: needs "text" and a "level" of ${levels.join('|')}`)
    process.exit(2)
  }
  tips.push(tip)
}
console.log(formatEvaluation(evaluate(tips)))
