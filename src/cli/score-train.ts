/**
 * `npm run score:train`: trains the scorer's second reader on the labelled tips and writes
 * `src/scoring/similar/level-model.json`. Run it after adding or relabelling tips in `test/fixtures/`
 * (a test fails while the committed model differs from what the fixtures train). Tips in
 * `test/fixtures/unseen/` are never trained on: they measure the scorer on tips it has not seen.
 *
 *   npm run score:train                # every test/fixtures/tips-*.jsonl
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

function trainingFiles(): string[] {
  return readdirSync(TRAINING_DIR)
    .filter((name) => /^tips-.*\.jsonl$/.test(name))
    .sort()
    .map((name) => join(TRAINING_DIR, name))
}
