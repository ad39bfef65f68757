/**
 * `npm run bench:scoring`: how fast the scorer is, on one core, in this process.
 *
 * Prints tips scored per second on the dev tips (and on ~100-character tips, the target of
 * ≥ 20,000/s), and the cost per 1,000 characters at 100, 1,000 and 5,000 characters to show the growth is
 * linear. Each figure sits beside a baseline measured in the same run: one NFKC + lower-case pass over the
 * same text, the least any scorer must do, so the ratio means something on any machine. Rates are the
 * median of 200 ms rounds.
 */
import { existsSync, readFileSync } from 'node:fs'
import { scoreTip } from '../src/scoring/score'

const devPath = new URL('../../shared/data/tips-dev.jsonl', import.meta.url)
const fixturePath = new URL('../test/fixtures/tips-extra.jsonl', import.meta.url)
const source = existsSync(devPath) ? devPath : fixturePath
const tips = readFileSync(source, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text)

const baseline = (text: string) => text.normalize('NFKC').toLowerCase().length

/**
 * Runs `fn` over `inputs` in rounds of about 200 ms for about `ms` in all; returns calls per second in the
 * median round. On a shared machine a round now and then runs at half speed (a neighbour's burst, a GC):
 * the median of many short rounds says what the code does, an average over one long stretch says what the
 * machine did.
 */
function rate(inputs: string[], fn: (t: string) => unknown, ms = 2000): number {
  for (let i = 0; i < 200; i++) fn(inputs[i % inputs.length]!) // warm up the JIT
  const rounds: number[] = []
  let calls = 0
  for (const end = performance.now() + ms; performance.now() < end; ) {
    const start = performance.now()
    let roundCalls = 0
    while (performance.now() - start < 200) {
      for (let i = 0; i < 50; i++) fn(inputs[(calls + i) % inputs.length]!)
      calls += 50
      roundCalls += 50
    }
    rounds.push((roundCalls / (performance.now() - start)) * 1000)
  }
  return rounds.sort((a, b) => a - b)[rounds.length >> 1]!
}

/** Tips of exactly `chars` characters, built by joining dev tips, so the words stay realistic. */
function tipsOfLength(chars: number, count = 50): string[] {
  const out: string[] = []
  for (let k = 0; out.length < count; k++) {
    let text = ''
    for (let i = k; text.length < chars; i++) text += `${tips[i % tips.length]} `
    out.push(text.slice(0, chars))
  }
  return out
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const avgLength = tips.reduce((s, t) => s + t.length, 0) / tips.length

console.log(`scorer benchmark — Node ${process.version}, one core, ${tips.length} tips from ${source.pathname.split('/').pop()}`)
const dev = rate(tips, scoreTip)
console.log(`dev tips (avg ${avgLength.toFixed(0)} chars): ${fmt(dev)} tips/s (baseline ${fmt(rate(tips, baseline))}/s)`)

console.log('\nlength  tips/s     µs per 1,000 chars  baseline µs/1,000  ratio')
let per1k1000 = 0
let at100 = 0
for (const chars of [100, 1000, 5000]) {
  const inputs = tipsOfLength(chars)
  const tipsPerSecond = rate(inputs, scoreTip)
  const perThousand = (1e6 / tipsPerSecond) * (1000 / chars)
  const base = (1e6 / rate(inputs, baseline)) * (1000 / chars)
  if (chars === 100) at100 = tipsPerSecond
  if (chars === 1000) per1k1000 = perThousand
  console.log(
    `${String(chars).padStart(6)}  ${fmt(tipsPerSecond).padStart(9)}  ${perThousand.toFixed(1).padStart(18)}  ${base.toFixed(1).padStart(17)}  ${(perThousand / base).toFixed(1).padStart(5)}×`,
  )
  // Against 1,000 characters, not 100: at 100 the fixed cost of a call hides how the cost grows.
  if (chars === 5000) console.log(`\ncost per character at 5,000 vs 1,000 chars: ${(perThousand / per1k1000).toFixed(2)}× (1.00 = linear)`)
}
console.log(`goal: ≥ 20,000 tips/s for 100-character tips — ${at100 >= 20000 ? 'met' : 'NOT met'} (${fmt(at100)}/s)`)
