import { describe, expect, it } from 'vitest'
import { scoreTip } from '../../src/scoring/score'
import { MAX_TIP_CHARS } from '../../src/scoring/types'

const repeat = (unit: string, chars = MAX_TIP_CHARS) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars)

/**
 * Inputs built to make a matcher backtrack, loop or throw. Each must come back with a valid score; the
 * timeout is a hang guard, not a speed target (bench/scoring measures speed).
 */
const hostile: [string, string][] = [
  ['5,000 emoji', repeat('😂')],
  ['5,000 knife emoji', repeat('🔪')],
  ['lone surrogates', repeat('\uD800a\uDC00')],
  ['control characters', repeat('\u0000\u0001\u0007\u001b\u007f')],
  ['one letter', repeat('a')],
  ['spelled-out letters', repeat('k.i.l.l.')],
  ['single letters with spaces', repeat('a ')],
  ['negations and threats', repeat('不没打我弄死你')],
  ['gap-term openers without their ends', repeat('带拿藏揣')],
  ['English gap terms', repeat('bring the the the ')],
  ['every warning word at once', repeat('自杀 kill myself 🔪 今晚 现在 笑死 lol 没 not 已经解决 ')],
  ['zero-width joiners', repeat('自\u200d杀\u200d')],
  ['combining marks', repeat('a\u0301\u0302\u0303')],
  ['right-to-left overrides', repeat('\u202ekill\u202c')],
  ['digits and letters', repeat('k1ll3r ')],
]

describe('hostile input', () => {
  it.each(hostile)('%s gets a valid score', (_name, text) => {
    const result = scoreTip(text)
    expect(['critical', 'high', 'medium', 'low']).toContain(result.level)
    expect(result.score).toBeGreaterThanOrEqual(0)
    expect(result.score).toBeLessThanOrEqual(100)
    for (const s of result.signals) {
      expect(s.match.start).toBeGreaterThanOrEqual(0)
      expect(s.match.end).toBeLessThanOrEqual(text.length)
      expect(s.match.start).toBeLessThan(s.match.end)
    }
    expect(() => JSON.stringify(result)).not.toThrow()
  }, 5000)

  it('still finds the warning sign inside a flood of noise', () => {
    const text = `${repeat('哈', 2400)} 他书包里有一把刀 ${repeat('x ', 2400)}`
    expect(scoreTip(text).level).toBe('critical')
  })

  it('scores an empty string as low instead of throwing (the routes refuse it first)', () => {
    expect(scoreTip('').level).toBe('low')
  })
})
