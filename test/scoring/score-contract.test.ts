import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluate, type LabelledTip } from '../../src/scoring/evaluate'
import { scoreTip } from '../../src/scoring/score'
import { categories, levels } from '../../src/scoring/types'
import { scorerVersion } from '../../src/scoring/version'

const readTips = (path: string): LabelledTip[] =>
  readFileSync(new URL(path, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledTip)

describe('the result contract', () => {
  it('keeps the score inside its level’s band', () => {
    const bands = { critical: [75, 100], high: [50, 74], medium: [25, 49], low: [0, 24] } as const
    for (const text of ['他说明天带刀来', '我不想活了', '他天天骂我', '你好', '他说明天带刀来 还说要弄死我 今晚 🔪🔪']) {
      const { level, score } = scoreTip(text)
      expect(score).toBeGreaterThanOrEqual(bands[level][0])
      expect(score).toBeLessThanOrEqual(bands[level][1])
    }
  })

  it('names only categories from the rubric and levels from the rubric', () => {
    const r = scoreTip('他们把我按在地上打 还拍视频发群里 说再告老师就弄死我')
    expect(levels).toContain(r.level)
    for (const c of r.categories) expect(categories).toContain(c)
    expect(r.categories).toEqual(expect.arrayContaining(['physical', 'threat', 'cyber']))
  })

  it('says "other" when nothing fired', () => {
    expect(scoreTip('请问手机可以带到学校吗')).toMatchObject({ level: 'low', score: 0, categories: ['other'], signals: [] })
  })

  it('records the scorer version with every score', () => {
    expect(scoreTip('hi').scorerVersion).toBe(scorerVersion)
    expect(scorerVersion).toMatch(/^\d+\.[0-9a-f]{8}$/)
  })

  it('explains a raised level with the words that raised it', () => {
    const r = scoreTip('他说今晚要找人打我')
    expect(r.signals.map((s) => [s.id, s.match.text])).toContainEqual(['raise.mod.imminent', '今晚'])
  })
})

describe('accuracy on labelled tips', () => {
  const measure = (path: string) => evaluate(readTips(path))

  // The targets, on the tips the lexicon was developed against: shared/data/tips-dev.jsonl and
  // test/fixtures/tips-extra.jsonl (written from the rubric by a second author).
  const development = {
    dev: '../../../shared/data/tips-dev.jsonl',
    extra: '../fixtures/tips-extra.jsonl',
  }
  for (const [name, path] of Object.entries(development)) {
    it(`meets the targets on the ${name} set`, () => {
      if (name === 'dev' && !existsSync(new URL(path, import.meta.url))) return // shared/ lives beside the repo
      const e = measure(path)
      expect(e.criticalScoredLow).toBe(0)
      expect(e.recall.critical).toBeGreaterThanOrEqual(0.95)
      expect(e.precision.critical).toBeGreaterThanOrEqual(0.8)
      expect(e.exact).toBeGreaterThanOrEqual(0.8)
      expect(e.withinOne).toBeGreaterThanOrEqual(0.97)
    })
  }

  // Held-out tips are the honest figure (README, "Scorer accuracy"). These floors catch a regression; they
  // sit at or just under the last measured values, not at what we would like them to be.
  it('keeps its held-out figures', () => {
    const e = measure('../fixtures/tips-holdout.jsonl')
    expect(e.criticalScoredLow).toBe(0)
    expect(e.recall.critical).toBeGreaterThanOrEqual(0.9)
    expect(e.precision.critical).toBeGreaterThanOrEqual(0.8)
    expect(e.exact).toBeGreaterThanOrEqual(0.9)
    expect(e.withinOne).toBeGreaterThanOrEqual(0.97)
  })
})
