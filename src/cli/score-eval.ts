/**
 * `npm run -s score:eval -- FILE.jsonl`: scores a labelled file (the format of shared/data/tips-dev.jsonl) and
 * prints the confusion matrix, precision and recall per level, accuracy and every miss.
 */
import { evaluate, formatEvaluation } from '../scoring/evaluate'
import { readLabelledTips } from './labelled-tips'

const path = process.argv[2]
if (!path) {
  console.error('usage: npm run -s score:eval -- FILE.jsonl')
  process.exit(2)
}

try {
  console.log(formatEvaluation(evaluate(readLabelledTips(path))))
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(2)
}
