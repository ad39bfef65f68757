import { describe, expect, it } from 'vitest'
import { normalize, squeeze } from '../../src/scoring/normalize'
import { scoreTip } from '../../src/scoring/score'

const wishSpan = (text: string) => scoreTip(text).signals.find((s) => s.id === 'self_harm.wish')?.match.text

describe('normalize', () => {
  it('folds full-width letters and digits to half-width and upper case to lower', () => {
    expect(normalize('ＫＩＬＬ１２３').tokens.map((t) => t.text)).toEqual(['kil123'])
  })

  it('folds traditional characters to simplified', () => {
    expect(normalize('他說要自殺').compact).toBe('他说要自杀')
  })

  it('folds Cantonese colloquial characters to the Mandarin words they stand for, one for one', () => {
    const { original, compact, compactStart } = normalize('佢哋搵唔到佢，冇返學')
    expect(compact).toBe('他们找不到他没返学')
    expect(original.slice(compactStart[2], compactStart[4])).toBe('搵唔') // offsets still point at what was written
    // …so a term written once in Mandarin reads the Cantonese too, and the signal shows the Cantonese words.
    expect(scoreTip('我好攰 已經儲咗兩盒安眠藥').signals.find((s) => s.id === 'self_harm.stockpile')?.match.text).toBe('儲咗兩盒安眠藥')
    // A character that is also everyday Mandarin is left alone: 食堂 stays 食堂.
    expect(normalize('食堂').compact).toBe('食堂')
  })

  it('drops spaces and symbols inside Chinese words', () => {
    expect(normalize('自 杀').compact).toBe('自杀')
    expect(normalize('自.杀').compact).toBe('自杀')
  })

  it('rejoins letters spelled out with dots, dashes or spaces', () => {
    expect(normalize('k.i.l.l').tokens.map((t) => t.text)).toEqual(['kil'])
    expect(normalize('s u i c i d e a lot').tokens.map((t) => t.text)).toEqual(['suicide', 'a', 'lot'])
  })

  it('squeezes repeated letters so "diieee" reads "die"', () => {
    expect(squeeze('diieee')).toBe('die')
    expect(squeeze('2000')).toBe('2000')
  })

  it('does not squeeze a word into another everyday word ("off" is not "of", "butt" is not "but")', () => {
    expect(squeeze('off')).toBe('off')
    expect(squeeze('butt')).toBe('butt')
    expect(squeeze('too')).toBe('to') // on purpose: "to scared to" is how children write it
    for (const harmless of ['i am so proud of myself today', 'i grabbed lunch but it was cold', 'was thinking about the test but forgot']) {
      expect(scoreTip(harmless).level, harmless).toBe('low')
    }
    expect(scoreTip('he wants to off himself').signals.map((s) => s.id)).toContain('self_harm.wish')
    expect(scoreTip('he grabbed my butt in the hallway').signals.map((s) => s.id)).toContain('sexual.harassment')
  })

  it('undoes digits used for letters inside a word, and leaves numbers alone', () => {
    expect(normalize('su1c1de k1ll fr33').tokens.map((t) => t.text)).toEqual(['suicide', 'kil', 'fr33'])
    expect(normalize('room12').tokens.map((t) => t.text)).toEqual(['rom12'])
  })

  it('drops apostrophes inside words', () => {
    expect(normalize("didn't").tokens.map((t) => t.text)).toEqual(['didnt'])
  })

  it('ignores emoji variation selectors and skin tones', () => {
    expect(normalize('⚰️').compact).toBe('⚰')
  })
})

describe('signals point at the original text', () => {
  it('keeps spans exact through folding', () => {
    const text = '我真的好想自 殺啊'
    const signal = scoreTip(text).signals.find((s) => s.id === 'self_harm.wish')!
    expect(signal.match.text).toBe('自 殺')
    expect(text.slice(signal.match.start, signal.match.end)).toBe(signal.match.text)
  })

  it('maps obfuscated English back to what was typed', () => {
    expect(wishSpan('i want to k.i.l.l myself')).toBe('k.i.l.l myself')
    expect(wishSpan('I WANT TO DIIIEEE')).toBe('WANT TO DIIIEEE')
    expect(wishSpan('ｉ ｗａｎｔ ｔｏ ｄｉｅ')).toBe('ｗａｎｔ ｔｏ ｄｉｅ')
  })

  it('gives every signal a span that slices the original string', () => {
    const text = '他说明天放学带🔪来学校捅她 she said she wants to die tonight 💊💊'
    for (const s of scoreTip(text).signals) expect(text.slice(s.match.start, s.match.end)).toBe(s.match.text)
  })
})

describe('slang and homophones', () => {
  it.each([
    ['我想紫砂', 'self_harm.wish'],
    ['我想自鲨', 'self_harm.wish'],
    ['好想zs', 'self_harm.wish'],
    ['kms', 'self_harm.wish'],
    ['im going to unalive myself', 'self_harm.wish'],
    ['他书包里有🔪', 'weapon.object'],
    ['he has a 🔫', 'weapon.object'],
    ['💊💊💊', 'self_harm.means'],
    ['🪢', 'self_harm.means'],
    ['⚰️', 'self_harm.means'],
    ['people keep telling me to kys', 'cyber.bullying'],
  ])('%s fires %s', (text, id) => {
    expect(scoreTip(text).signals.map((s) => s.id)).toContain(id)
  })
})
