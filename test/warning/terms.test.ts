import { describe, expect, it } from 'vitest'
import { extractTerms, sharedTerms } from '../../src/warning/terms'

const keys = (text: string) => extractTerms(text).map((t) => `${t.kind}:${t.key}`)

describe('extractTerms (Chinese)', () => {
  it.each([
    ['小明天天骂我', ['name:zh:小明']],
    ['王小明天天打我', ['name:zh:王小明']],
    ['被张伟打了', ['name:zh:张伟']],
    ['张某某一直骂她', ['name:zh:张某']],
    ['老王又抢我钱', ['name:zh:老王']],
    ['初二（3）班的刘洋总是欺负我', ['name:zh:刘洋', 'class:g8c3']],
    ['八年级3班有人打人', ['class:g8c3']],
    ['七年级的同学', ['class:g7']],
    ['在三楼厕所被堵', ['place:f3:toilet']],
    ['他们在天台抽烟', ['place:rooftop']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected)
  })

  it.each(['老师说没事', '小心一点', '我在王者荣耀里被骂', '在厕所哭了', '小时候的事'])('finds no one in "%s"', (text) => {
    expect(keys(text)).toEqual([])
  })

  it('knows 初二3班 and 八年级（3）班 are one class', () => {
    expect(sharedTerms(extractTerms('初二3班的人'), extractTerms('八年级（3）班的人'))).toEqual([
      { kind: 'class', key: 'g8c3', words: ['初二3班', '八年级(3)班'] },
    ])
  })
})

describe('extractTerms (English)', () => {
  it.each([
    ["Jake Miller keeps pushing me in Ms. Lee's class", ['name:en:jake miller', 'class:teacher:lee']],
    ['Every day Tom takes my lunch in the 2nd floor bathroom', ['name:en:tom', 'place:f2:toilet']],
    ['He is in 7th grade and Mr. Smith saw it', ['name:en:teacher smith', 'class:g7']],
    ['They wait for me at the bus stop', ['place:bus_stop']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected)
  })

  it('does not take sentence starts, days or school words for names', () => {
    expect(keys('Today after Math on Monday I cried in the bathroom. Someone laughed.')).toEqual([])
  })
})
