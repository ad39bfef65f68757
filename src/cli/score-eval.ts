/**
 * `npm run -s score:eval -- FILE.jsonl`: scores a labelled file (the format of shared/data/tips-dev.jsonl) and
 * prints the confusion matrix, precision and recall per level, accuracy and every miss.
 *
 * `npm run -s score:eval -- --summary FILE.jsonl…`: one row per file, the lexicon alone beside the full
 * scorer, and all the files pooled (the table in the README's "Accuracy").
 */
import { basename } from 'node:path'
import { evaluate, formatEvaluation, formatSummary, type Reading } from '../scoring/evaluate'
import { lexiconDecision, scoreTip } from '../scoring/score'
import { readLabelledTips } from './labelled-tips'

const args = process.argv.slice(2)
const summary = args[0] === '--summary'
const paths = summary ? args.slice(1) : args.slice(0, 1)
if (paths.length === 0) {
  console.error('usage: npm run -s score:eval -- FILE.jsonl\n       npm run -s score:eval -- --summary FILE.jsonl…')
  process.exit(2)
}

try {
  if (!summary) {
    console.log(formatEvaluation(evaluate(readLabelledTips(paths[0]!))))
  } else {
    const sets = paths.map((path) => ({ name: basename(path, '.jsonl').replace(/^tips-/, ''), tips: readLabelledTips(path) }))
    // The pooled row reads the same tips again: each reader reads each text once.
    const lexicon = remembering(lexiconDecision)
    const full = remembering(scoreTip)
    const rows = sets.map(({ name, tips }) => ({ name, lexicon: evaluate(tips, lexicon), full: evaluate(tips, full) }))
    const all = sets.flatMap((s) => s.tips)
    console.log(formatSummary(rows, sets.length > 1 ? { lexicon: evaluate(all, lexicon), full: evaluate(all, full) } : undefined))
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(2)
}

function remembering(read: (text: string) => Reading): (text: string) => Reading {
  const seen = new Map<string, Reading>()
  return (text) => {
    let reading = seen.get(text)
    if (!reading) seen.set(text, (reading = read(text)))
    return reading
  }
}
