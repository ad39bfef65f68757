/**
 * `npm run score:train`: trains the scorer's second reader on the labelled tips and writes
 * `src/scoring/similar/level-model.json`. Run it after adding or relabelling tips in `test/fixtures/`
 * (a test fails while the committed model differs from what the fixtures train): the labelled sets
 * `tips-*.jsonl` and the lexicon families' cases `families/*.jsonl` (the look-alikes teach it that a word of
 * danger in a game, a film or a finished story is no emergency). Tips in `test/fixtures/unseen/` are never
 * trained on: they measure the scorer on tips it has not seen.
 *
 *   npm run score:train                # every test/fixtures/tips-*.jsonl and families/*.jsonl
 *   npm run score:train -- A.jsonl …   # these files instead
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readLabelledTips } from './labelled-tips'
import { formatLevelModel, trainLevelModel } from '../scoring/similar/level-model'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const TRAINING_DIR = join(root, 'test/fixtures')
const out = join(root, 'src/scoring/similar/level-model.json')

const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : trainingFiles()
const tips = files.flatMap((file) => readLabelledTips(file))
const data = trainLevelModel(tips, { files: files.map((f) => relative(root, f)) })
writeFileSync(out, formatLevelModel(data))
console.log(`trained on ${tips.length} tips from ${files.length} files; ${Object.keys(data.features).length} features → ${relative(root, out)}`)

/** The labelled sets, then the families' cases, each in name order (training is deterministic). */
function trainingFiles(): string[] {
  const inFolder = (dir: string, pattern: RegExp) =>
    readdirSync(dir)
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => join(dir, name))
  return [...inFolder(TRAINING_DIR, /^tips-.*\.jsonl$/), ...inFolder(join(TRAINING_DIR, 'families'), /\.jsonl$/)]
}
