import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BAND, type Decision } from '../../src/scoring/rules'
import { lexiconDecision, scoreTip } from '../../src/scoring/score'
import { DOUBT_PROBABILITY, MIN_KNOWN, SHORT_KNOWN, SURE_PROBABILITY, TINY_KNOWN, combine } from '../../src/scoring/similar/combine'
import { locateFeature, stem, tipFeatures } from '../../src/scoring/similar/features'
import { readLabelledTips } from '../../src/cli/labelled-tips'
import { type LevelOpinion, formatLevelModel, levelOpinion, loadLevelModel, trainLevelModel } from '../../src/scoring/similar/level-model'
import { IntPairTable } from '../../src/scoring/int-pair-table'
import { secondReader, secondReaderData } from '../../src/scoring/similar/second-reader'

const root = new URL('../../', import.meta.url)

describe('what the second reader looks at', () => {
  it('takes runs of one to three Chinese characters, stemmed words and word pairs, and emoji, once each', () => {
    const features = tipFeatures('他要打我 他要打我 Kicking me 🔪')
    expect(features).toEqual(expect.arrayContaining(['c:他', 'c:他要', 'c:他要打', 'c:要打我', 'c:我', 'w:kick', 'w:me', 'b:kick_me', 'e:🔪']))
    expect(features.filter((f) => f === 'c:他要打')).toHaveLength(1)
    expect(features).not.toContain('c:我他') // a run ends at a space
    expect(features.some((f) => f.length > 5 && f.startsWith('c:'))).toBe(false) // no run longer than three
  })

  it('stems as the pattern (ing|ed|es|s)$ would, only words longer than four letters', () => {
    expect(['kicking', 'kicked', 'kisses', 'threats', 'bus', 'class', 'glass', 'yes', 'hitting'].map(stem)).toEqual([
      'kick', 'kick', 'kiss', 'threat', 'bus', 'clas', 'glas', 'yes', 'hitt',
    ])
  })

  it('finds the words it went by in the original text, for the signal staff see', () => {
    const text = 'He kept KICKING me after school. 他说要打我🔪'
    const at = (feature: string) => {
      const span = locateFeature(text, feature)
      return span && text.slice(span.start, span.end)
    }
    expect(at('w:kick')).toBe('KICKING')
    expect(at('b:kick_me')).toBe('KICKING me')
    expect(at('c:要打')).toBe('要打')
    expect(at('e:🔪')).toBe('🔪')
    expect(at('w:nothing')).toBeUndefined()
    expect(at('w:me')).toBe('me') // a whole word, not the "me" inside another
    // A letter whose lower case is longer ("İ" → "i̇") earlier in the tip does not shift the span.
    const shifted = 'İstanbul trip: he KICKED me'
    const span = locateFeature(shifted, 'w:kick')!
    expect(shifted.slice(span.start, span.end)).toBe('KICKED')
  })

  it('reads a tip the fast way exactly as the features say: the same known features, the same opinion', () => {
    // levelOpinion reads the text directly (no strings per character run); it must count exactly the
    // features tipFeatures lists that the model knows. Checked on every labelled tip and on odd input.
    const tips = readdirSync(new URL('test/fixtures/', root))
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readLabelledTips(new URL(`test/fixtures/${f}`, root).pathname).map((t) => t.text))
    const odd = ["didn't can't rock'n'roll", 'ÀÉÎ İstanbul ǅ K', '😀😀 a🔪b 𠀀𠀁 \u0000\ud800', '一二三四五六七八九十 abc-def_ghi', '']
    // The reference: each level's score (bias plus the known features' weights over the square root of
    // their number, as in training), straight from tipFeatures.
    const indexOf = new Map(secondReader.names.map((name, i) => [name, i]))
    const reference = (text: string) => {
      const sums = [0, 0, 0, 0]
      let known = 0
      for (const f of tipFeatures(text)) {
        if (!(f in secondReaderData.features)) continue
        known++
        const index = indexOf.get(f)!
        for (let l = 0; l < 4; l++) sums[l]! += secondReader.weights[index * 4 + l]!
      }
      return { known, scores: sums.map((sum, l) => secondReader.bias[l]! + sum / Math.sqrt(Math.max(1, known))) }
    }
    for (const text of [...tips, ...odd]) {
      const opinion = levelOpinion(secondReader, text)
      const { known, scores } = reference(text)
      expect(opinion.known, text).toBe(known)
      const exp = scores.map((score) => Math.exp(score))
      const total = exp.reduce((a, b) => a + b)
      for (let l = 0; l < 4; l++) expect(secondReader.sums[l], text).toBeCloseTo(exp[l]! / total, 9)
      expect(opinion.probability, text).toBeCloseTo(Math.max(...exp) / total, 9)
    }
  }, 30_000) // every labelled tip, twice

  it('keeps counting each feature once per tip past the range of its stamps', () => {
    const model = loadLevelModel(secondReaderData)
    const text = '他们天天在厕所打我 说明天还要打 kicking me again and again'
    const before = levelOpinion(model, text)
    model.tipSerial = 0x7fffffff - 1
    for (let i = 0; i < 3; i++) expect(levelOpinion(model, text)).toEqual(before)
  })
})

describe('reading labelled tips', () => {
  it('keeps each tip with its id, and names the file and line of a tip without a text or a level', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tipline-labelled-'))
    const file = join(dir, 'tips.jsonl')
    writeFileSync(file, '{"id":"a","text":"你好","level":"low"}\n\n{"text":"x","level":"urgent"}\n')
    expect(() => readLabelledTips(file)).toThrow(`${file}:3: needs "text" and a "level"`)
    writeFileSync(file, '{"id":"a","text":"你好","level":"low","reporter":"student"}\n{"text":"他打我","level":"high"}\n')
    expect(readLabelledTips(file)).toEqual([
      { id: 'a', text: '你好', level: 'low', reporter: 'student' },
      { id: '2', text: '他打我', level: 'high' },
    ])
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('training', () => {
  const toy = [
    { text: '他说今晚要杀了我', level: 'critical' as const },
    { text: '他说今晚要杀了你', level: 'critical' as const },
    { text: '他们天天打我', level: 'high' as const },
    { text: '他们天天打你', level: 'high' as const },
    { text: '有人给我起外号', level: 'medium' as const },
    { text: '有人给你起外号', level: 'medium' as const },
    { text: '食堂的饭太咸了', level: 'low' as const },
    { text: '食堂的饭太淡了', level: 'low' as const },
  ]

  it('learns weights that favour each feature’s levels, keeping features used by enough tips', () => {
    const data = trainLevelModel(toy, { files: ['toy'], minTips: 2 })
    expect(data.tips).toEqual([2, 2, 2, 2])
    const weightOf = (feature: string) => data.features[feature]!
    // 杀了 appears only in critical tips: its critical weight is its largest.
    expect(Math.max(...weightOf('c:杀了'))).toBe(weightOf('c:杀了')[0])
    expect(weightOf('c:杀了')[0]).toBeGreaterThan(0)
    expect(Math.max(...weightOf('c:外号'))).toBe(weightOf('c:外号')[2]) // medium only
    // 他 is in critical and high tips alike: both above its medium and low weights.
    expect(Math.min(weightOf('c:他')[0], weightOf('c:他')[1])).toBeGreaterThan(Math.max(weightOf('c:他')[2], weightOf('c:他')[3]))
    expect(data.features['c:咸']).toBeUndefined() // one tip only
    expect(Object.keys(data.features)).toEqual(Object.keys(data.features).sort())
    // The fingerprint (part of the scorer version) follows the content: one relabelled tip changes it.
    const relabelled = trainLevelModel([{ ...toy[0]!, level: 'high' }, ...toy.slice(1)], { files: ['toy'], minTips: 2 })
    expect(data.fingerprint).toMatch(/^[0-9a-f]{8}$/)
    expect(relabelled.fingerprint).not.toBe(data.fingerprint)
    expect(trainLevelModel(toy, { files: ['toy'], minTips: 2 }).fingerprint).toBe(data.fingerprint)
  })

  it('judges new text by the features it shares with the training tips, and is sure only with evidence', () => {
    const model = loadLevelModel(trainLevelModel(toy, { files: ['toy'], minTips: 2 }))
    const opinion = levelOpinion(model, '今晚他要杀了我们')
    expect(opinion.level).toBe('critical')
    expect(opinion.probability).toBeGreaterThan(0.5)
    expect(opinion.probability).toBeLessThanOrEqual(1)
    expect(opinion.evidence).toMatch(/^c:/)
    const nothing = levelOpinion(model, 'xyz')
    expect(nothing.known).toBe(0)
    // No evidence: the probability is the bias's alone.
    const fromBias = model.bias.map((b) => Math.exp(b))
    expect(nothing.probability).toBeCloseTo(Math.max(...fromBias) / fromBias.reduce((a, b) => a + b), 9)
    // Reading is what training optimised: the toy tips read back at their own levels.
    for (const tip of toy) expect(levelOpinion(model, tip.text).level, tip.text).toBe(tip.level)
  })

  it('refuses a model with a pair or run of characters, or a pair of words, whose parts it lacks', () => {
    const data = trainLevelModel([...toy, { text: 'kill you now', level: 'critical' }, { text: 'kill you now please', level: 'critical' }], { files: ['toy'], minTips: 2 })
    expect(() => loadLevelModel(data)).not.toThrow()
    const without = (name: string) => {
      const features = { ...data.features }
      expect(features[name], name).toBeDefined()
      delete features[name]
      return { ...data, features }
    }
    const run = Object.keys(data.features).find((name) => name.startsWith('c:') && name.length === 5)!
    expect(() => loadLevelModel(without(`c:${run[2]}`))).toThrow(/without its parts/) // a character of a pair
    expect(() => loadLevelModel(without(`c:${run.slice(2, 4)}`))).toThrow(/without its parts/) // a pair of a run
    expect(() => loadLevelModel(without('w:kill'))).toThrow(/without its words/)
  })

  it('works out its evidence only for an opinion above the level it could raise', () => {
    const model = loadLevelModel(trainLevelModel(toy, { files: ['toy'], minTips: 2 }))
    const text = '今晚他要杀了我们'
    expect(levelOpinion(model, text, 'low').evidence).toMatch(/^c:/) // critical is above low
    expect(levelOpinion(model, text, 'high').evidence).toMatch(/^c:/)
    expect(levelOpinion(model, text, 'critical').evidence).toBeUndefined() // nothing above critical
    expect(levelOpinion(model, '食堂的饭太咸了', 'low').evidence).toBeUndefined() // a low opinion raises nothing
    // …unless it gives critical enough of a chance to lift the tip out of low: then it explains critical.
    const salty = levelOpinion(model, '食堂的饭太咸了', 'low', 0)
    expect(salty.level).toBe('low')
    expect(salty.critical).toBeGreaterThan(0)
    expect(salty.critical).toBeLessThan(salty.probability)
    expect(salty.evidence).toBeDefined()
    expect(levelOpinion(model, '食堂的饭太咸了', 'low', salty.critical + 0.01).evidence).toBeUndefined()
  })

  it('is deterministic, and the committed model is exactly what its training files give (npm run score:train)', () => {
    const { files } = secondReaderData.trainedOn
    const tips = files.flatMap((f) => readLabelledTips(new URL(f, root).pathname))
    // With the trainer's defaults, as `npm run score:train` runs it: a changed default must show here.
    const retrained = trainLevelModel(tips, { files })
    expect(retrained).toEqual(secondReaderData)
    const committed = readFileSync(new URL('src/scoring/similar/level-model.json', root), 'utf8')
    expect(formatLevelModel(retrained)).toBe(committed)
  }, 30_000) // a full retrain: about 1.5 s here, more on a busy machine

  it('is trained on every developed set and family table in test/fixtures, never on the unseen sets or the shared dev file', () => {
    const { files } = secondReaderData.trainedOn
    const developed = readdirSync(new URL('test/fixtures/', root)).filter((f) => /^tips-.*\.jsonl$/.test(f))
    const families = readdirSync(new URL('test/fixtures/families/', root)).filter((f) => f.endsWith('.jsonl'))
    expect(families.length).toBeGreaterThan(0)
    expect(files).toEqual([...developed.sort().map((f) => `test/fixtures/${f}`), ...families.sort().map((f) => `test/fixtures/families/${f}`)])
    expect(files.some((f) => f.includes('unseen') || f.includes('tips-dev'))).toBe(false)
    expect(readdirSync(new URL('test/fixtures/unseen/', root)).length).toBeGreaterThan(0)
  })
})

describe('how the two readers make one level', () => {
  const decision = (level: Decision['level'], signals = 1): Decision => ({
    level,
    score: BAND[level][0],
    categories: signals ? ['physical'] : [],
    signals: Array.from({ length: signals }, () => ({ id: 'physical.assault', category: 'physical' as const, weight: 55, match: { start: 0, end: 2, text: '打我' } })),
  })
  const opinion = (level: LevelOpinion['level'], known = 40, probability = 0.5, critical = level === 'critical' ? probability : 0): LevelOpinion => ({
    level,
    probability,
    critical,
    known,
    evidence: 'c:药',
  })
  const text = '打我 然后我吃了很多药'

  it('never talks down what the lexicon finds critical', () => {
    expect(combine(decision('critical'), opinion('low'), text).level).toBe('critical')
  })

  it('says nothing on a few words; on a very short tip only lifts low to medium, when it finds critical likeliest; a short one from low to medium at most', () => {
    expect(combine(decision('low', 0), opinion('critical', SHORT_KNOWN - 1), text).level).toBe('medium')
    expect(combine(decision('low', 1), opinion('critical', SHORT_KNOWN - 1, 1), text).level).toBe('medium') // however sure
    expect(combine(decision('low', 0), opinion('critical', TINY_KNOWN), text).level).toBe('medium')
    expect(combine(decision('low', 0), opinion('critical', TINY_KNOWN - 1, 0.9), text).level).toBe('low') // a few words: silent
    expect(combine(decision('low', 0), opinion('high', SHORT_KNOWN - 1, 0.9), text).level).toBe('low') // only critical speaks
    expect(combine(decision('low', 0), opinion('low', SHORT_KNOWN - 1, 0.6, 0.4), text).level).toBe('low') // a doubt does not
    expect(combine(decision('medium', 1), opinion('critical', SHORT_KNOWN - 1, 1), text).level).toBe('medium')
    expect(combine(decision('high', 1), opinion('critical', SHORT_KNOWN - 1, 1), text).level).toBe('high')
    expect(combine(decision('low', 1), opinion('critical', SHORT_KNOWN), text).level).toBe('medium') // harm found: still medium
    expect(combine(decision('low', 0), opinion('critical', MIN_KNOWN - 1, 1), text).level).toBe('medium') // sure: still medium
    expect(combine(decision('medium', 1), opinion('critical', MIN_KNOWN - 1), text).level).toBe('medium')
    expect(combine(decision('high', 1), opinion('critical', MIN_KNOWN - 1), text).level).toBe('high')
    expect(combine(decision('low', 1), opinion('critical', MIN_KNOWN), text).level).toBe('critical') // long enough
  })

  it('leaves a harmless tip of a few words at low, though the reader alone would call it critical', () => {
    for (const text of ['bye!', 'come here bro', '拜拜', 'already done', 'thx bye', 'and']) expect(scoreTip(text).level, text).toBe('low')
  })

  it('never lowers, and raises as far as it judges only where the lexicon found a sign of harm beyond bullying', () => {
    const table: [Decision['level'], number, LevelOpinion['level'], Decision['level']][] = [
      ['high', 1, 'low', 'high'],
      ['medium', 1, 'low', 'medium'],
      ['high', 1, 'high', 'high'],
      ['low', 1, 'critical', 'critical'],
      ['medium', 2, 'critical', 'critical'],
      ['low', 0, 'critical', 'medium'], // nothing found: one level up only
      ['low', 0, 'high', 'medium'],
      ['low', 0, 'medium', 'medium'],
      ['low', 0, 'low', 'low'],
    ]
    const bullying: Decision = { ...decision('medium'), signals: decision('medium').signals.map((s) => ({ ...s, id: 'verbal.insult', category: 'verbal' as const })) }
    expect(combine(bullying, opinion('critical'), text).level).toBe('high') // insults alone: one level
    // A means named without intent (a rope, a bridge) is a low group of its own: no sign of harm either.
    const meansOnly: Decision = { ...decision('low'), signals: decision('low').signals.map((s) => ({ ...s, id: 'self_harm.means', category: 'self_harm' as const })) }
    expect(combine(meansOnly, opinion('critical'), text).level).toBe('medium')
    for (const [rules, signs, model, expected] of table) {
      expect(combine(decision(rules, signs), opinion(model), text).level, `${rules} (${signs} signs) + ${model}`).toBe(expected)
    }
  })

  it('raises past one level where the lexicon found nothing or only bullying only when it is sure', () => {
    const sure = (level: LevelOpinion['level'], probability = SURE_PROBABILITY) => opinion(level, MIN_KNOWN, probability)
    expect(combine(decision('low', 0), sure('critical'), text).level).toBe('critical')
    expect(combine(decision('low', 0), sure('high'), text).level).toBe('high')
    expect(combine(decision('low', 0), sure('critical', SURE_PROBABILITY - 0.01), text).level).toBe('medium') // leaning, not sure
    expect(combine(decision('low', 0), sure('critical'), text).signals.at(-1)?.id).toBe('similar.critical')
    const bullying: Decision = { ...decision('medium'), signals: decision('medium').signals.map((s) => ({ ...s, id: 'verbal.insult', category: 'verbal' as const })) }
    expect(combine(bullying, sure('critical'), text).level).toBe('critical')
    expect(combine(decision('high'), sure('low'), text).level).toBe('high') // sure or not, never lower
  })

  it('never leaves a tip at low when it gives it a real chance of being critical, on a tip long enough to judge', () => {
    const doubt = (critical: number, known = MIN_KNOWN) => opinion('low', known, 1 - critical, critical)
    const lifted = combine(decision('low', 0), doubt(DOUBT_PROBABILITY), text)
    expect(lifted).toMatchObject({ level: 'medium', categories: ['other'] })
    expect(lifted.signals.at(-1)).toMatchObject({ id: 'similar.medium', match: { text: '药' } })
    expect(lifted.score).toBeGreaterThanOrEqual(BAND.medium[0])
    expect(lifted.score).toBeLessThanOrEqual(BAND.medium[1])
    expect(combine(decision('low', 0), doubt(DOUBT_PROBABILITY - 0.01), text).level).toBe('low')
    expect(combine(decision('low', 0), doubt(0.45, MIN_KNOWN - 1), text).level).toBe('low') // a sentence: too little to doubt on
    expect(combine(decision('medium', 1), doubt(0.45), text).level).toBe('medium') // only low is lifted
    // The usual case: low is likeliest at about a half, well short of sure, and critical has 0.3 of the rest.
    const leaning = combine(decision('low', 0), opinion('low', MIN_KNOWN, 0.5, 0.3), text)
    expect(leaning.level).toBe('medium')
    // Its place in the medium band follows the chance of critical, not the probability of low.
    const [min, max] = BAND.medium
    expect(leaning.score).toBe(min + Math.round(0.3 * (max - min)))
  })

  it('lifts a real tip from low by doubt, and points at the words that spoke for critical', () => {
    // Things handed on, "they will need them more than me": no listed word, low the likeliest reading, but a
    // real chance of critical — a counselor should see it within a day.
    const text = 'i gave my hoodie to jess and my games to my brother, they will need them more than me'
    expect(lexiconDecision(text).level).toBe('low')
    const opinion = levelOpinion(secondReader, text, 'low', DOUBT_PROBABILITY)
    expect(opinion.level).toBe('low')
    expect(opinion.critical).toBeGreaterThanOrEqual(DOUBT_PROBABILITY)
    const result = scoreTip(text)
    expect(result.level).toBe('medium')
    const signal = result.signals.at(-1)!
    expect(signal.id).toBe('similar.medium')
    expect(signal.match.end).toBeGreaterThan(signal.match.start)
    expect(text.slice(signal.match.start, signal.match.end)).toBe(signal.match.text)
  })

  it('explains a level it changed with the words it went by, and keeps score and level in step', () => {
    const raised = combine(decision('low', 0), opinion('high'), text)
    expect(raised.level).toBe('medium')
    const signal = raised.signals.at(-1)!
    expect(signal).toMatchObject({ id: 'similar.medium', category: 'other', match: { text: '药' } })
    expect(text.slice(signal.match.start, signal.match.end)).toBe(signal.match.text)
    expect(raised.categories).toEqual(['other'])
    expect(raised.score).toBeGreaterThanOrEqual(BAND.medium[0])
    expect(raised.score).toBeLessThanOrEqual(BAND.medium[1])
    const kept = decision('high')
    expect(combine(kept, opinion('low', 40, 1), text)).toBe(kept) // unchanged, not a copy
    const overruled = combine(decision('low'), opinion('critical', 40, 1), text)
    expect(overruled).toMatchObject({ level: 'critical', score: BAND.critical[1], categories: ['physical'] })
  })
})

describe('the full scorer with its second reader', () => {
  it('catches a critical tip in words no term lists, and says which words', () => {
    // A goodbye on a bridge told without one word of suicide: the lexicon reads a channel and a place, not
    // the danger; the second reader has seen tips like it.
    const text = 'she posted a picture of the bridge on her story with the caption see you all never and now her phone is off, her mum does not know where she is'
    expect(lexiconDecision(text).level).not.toBe('critical')
    const result = scoreTip(text)
    expect(result.level).toBe('critical')
    const raised = result.signals.find((s) => s.id === 'similar.critical')
    expect(raised?.match.text, 'the words it went by').not.toBe('')
    expect(result.score).toBeGreaterThanOrEqual(BAND.critical[0])
    for (const s of result.signals) expect(text.slice(s.match.start, s.match.end)).toBe(s.match.text)
  })

  it('gives the same answer every time (no state carried from one tip to the next)', () => {
    const a = '他们在厕所把我的头按进水里 说明天还要来 我不敢去学校了'
    const first = scoreTip(a)
    scoreTip('食堂的饭太咸了 我们班今天换座位了 今天天气很好 我们去春游了')
    expect(scoreTip(a)).toEqual(first)
  })
})

describe('the integer pair table behind the look-ups', () => {
  it('finds every pair it was built with, and nothing else, even when slots collide', () => {
    const entries: [number, number, number][] = []
    for (let a = 0; a < 300; a++) for (let b = 0; b < 30; b++) entries.push([a * 7919 + 2 ** 30, b, entries.length])
    const table = IntPairTable.of(entries)
    for (const [a, b, value] of entries) expect(table.get(a, b)).toBe(value)
    expect(table.get(5, 5)).toBe(-1)
    expect(table.get(2 ** 30, 31)).toBe(-1)
    expect(IntPairTable.of([]).get(0, 0)).toBe(-1)
    expect(IntPairTable.of([[1, 2, 3], [1, 2, 4]]).get(1, 2)).toBe(4)
  })
})
