import { describe, expect, it } from 'vitest'
import rules from '../../src/scoring/lexicon/signals.json'
import { compileLexicon } from '../../src/scoring/load-lexicon'
import { findHits, inflectionStems, inflects, stemCandidates } from '../../src/scoring/match'
import { normalize } from '../../src/scoring/normalize'

// A small lexicon of real groups, so each case names exactly the terms it is about.
const lexiconOf = (terms: Record<string, string[]>) => compileLexicon(rules, [{ terms }])
const found = (text: string, terms: Record<string, string[]>) =>
  findHits(normalize(text), lexiconOf(terms)).map((hit) => `${hit.group.id}:${text.slice(hit.start, hit.end)}`)

describe('compact matching (the trie of first parts)', () => {
  it('finds terms that share their first characters, of every length, at one place', () => {
    expect(found('他说要自杀了', { 'self_harm.wish': ['自杀', '自杀了'], 'self_harm.attempt': ['自'] })).toEqual([
      'self_harm.wish:自杀',
      'self_harm.wish:自杀了',
      'self_harm.attempt:自',
    ])
  })

  it('reports the terms found at one place in lexicon order, those starting with one character last', () => {
    // Ties between hits are decided by the order they are found in, so the walk down the trie (shorter
    // first parts first) must not reorder them.
    const terms = { 'weapon.object': ['带刀来', '带~来', '带刀'], 'threat.attack': ['带刀~来'] }
    expect(found('明天带刀来', terms)).toEqual([
      'weapon.object:带刀来',
      'weapon.object:带刀',
      'threat.attack:带刀来',
      'weapon.object:带刀来',
    ])
    const reversed = { 'threat.attack': ['带刀~来'], 'weapon.object': ['带刀', '带~来', '带刀来'] }
    expect(found('明天带刀来', reversed)).toEqual([
      'threat.attack:带刀来',
      'weapon.object:带刀',
      'weapon.object:带刀来',
      'weapon.object:带刀来',
    ])
  })

  it('tries a gapped term only where its second part starts within the gap, and reports it once', () => {
    const terms = { 'physical.assault': ['被~按着打', '被~关'], 'physical.confinement': ['被~锁'] }
    expect(found('他被他们按着打', terms)).toEqual(['physical.assault:被他们按着打'])
    // The second part's first character twice in the window: still one hit, at the first place it fits.
    expect(found('被按按着打', terms)).toEqual(['physical.assault:被按按着打'])
    expect(found('被锁在厕所了后来又被关', terms)).toEqual(['physical.confinement:被锁', 'physical.assault:被关'])
    // A gap of six characters is the most allowed; seven is too far.
    expect(found('被一二三四五六按着打', terms)).toEqual(['physical.assault:被一二三四五六按着打'])
    expect(found('被一二三四五六七按着打', terms)).toEqual([])
  })

  it('records the stretches of the original text a gapped term skipped, and none when it skipped nothing', () => {
    const gapsOf = (text: string, terms: Record<string, string[]>) =>
      findHits(normalize(text), lexiconOf(terms)).map((hit) => hit.gaps?.map((at, k) => (k % 2 ? '' : text.slice(at, hit.gaps![k + 1]))).filter(Boolean))
    const zh = { 'physical.assault': ['欺负~打'] }
    expect(gapsOf('欺负 也没人打我', zh)).toEqual([[' 也没人']])
    expect(gapsOf('欺负打', zh)).toEqual([undefined])
    const en = { 'weapon.object': ['bring ~ knife'] }
    expect(gapsOf('he will bring his big knife', en)).toEqual([[' his big ']])
    expect(gapsOf('bring knife', en)).toEqual([undefined])
  })
})

describe('word matching: inflections', () => {
  it('takes a word for its stem or a regular inflection of it, and nothing else', () => {
    const yes: [string, string][] = [
      ['kill', 'kill'], ['kills', 'kill'], ['killed', 'kill'], ['killing', 'kill'],
      ['die', 'die'], ['dies', 'die'], ['died', 'die'], ['like', 'like'], ['liking', 'like'], ['liked', 'like'],
      ['cry', 'cry'], ['cries', 'cry'], ['cried', 'cry'], ['crying', 'cry'], ['hits', 'hit'], ['is', 'i'], ['likeing', 'like'],
    ]
    const no: [string, string][] = [
      ['kil', 'kill'], ['killings', 'kill'], ['skill', 'kill'], ['cryies', 'cry'],
      ['dying', 'die'], ['killer', 'kill'], ['kiss', 'kill'], ['i', 'is'], ['a', 'i'],
    ]
    for (const [word, stem] of yes) expect(inflects(word, stem), `${word} ← ${stem}`).toBe(true)
    for (const [word, stem] of no) expect(inflects(word, stem), `${word} ← ${stem}`).toBe(false)
  })

  it('lists the stems a word could come from, each of which it inflects', () => {
    expect(stemCandidates('killed')).toEqual(['killed', 'kill', 'kille'])
    expect(stemCandidates('liking')).toEqual(['liking', 'lik', 'like'])
    expect(stemCandidates('cries')).toEqual(['cries', 'crie', 'cri', 'cry'])
    expect(stemCandidates('is')).toEqual(['is'])
    for (const word of ['killed', 'liking', 'cries', 'hits', 'dies']) {
      expect(stemCandidates(word).some((stem) => stem !== word && inflects(word, stem)), word).toBe(true)
    }
  })

  it('lists every stem a word inflects, however short, for the word after a gap', () => {
    expect(inflectionStems('as')).toEqual(['as', 'a'])
    expect(inflectionStems('airportd')).toEqual(['airportd', 'airport'])
    // Every stem `inflects` accepts, and only those: each word against each of its prefixes and their
    // -e and -y forms (the only stems that can inflect to it).
    const words = ['as', 'ad', 'sed', 'sing', 'ind', 'is', 'kills', 'killed', 'killing', 'liking', 'cries', 'cried', 'dies', 'died', 'airportd', 'pills', 'x']
    for (const word of words) {
      const stems = inflectionStems(word)
      for (let cut = 0; cut < word.length; cut++) {
        for (const stem of [word.slice(0, word.length - cut), `${word.slice(0, word.length - cut)}e`, `${word.slice(0, word.length - cut)}y`]) {
          if (stem) expect(stems.includes(stem), `${word} ← ${stem}`).toBe(inflects(word, stem))
        }
      }
    }
  })

  it('finds "word ~ word" terms wherever the word after the gap inflects the term’s, as a plain scan would', () => {
    // Indexed by "in" and "a", the words after their gaps: "ind" and "as" inflect them ("in" + d, "a" + s).
    const terms = { 'physical.confinement': ['locked ~ in ~ stall'], 'weapon.object': ['showed ~ a strap'] }
    expect(found('they locked me ind the stall', terms)).toEqual(['physical.confinement:locked me ind the stall'])
    expect(found('she showed me as strap', terms)).toEqual(['weapon.object:showed me as strap'])
    expect(found('they locked me in the big stalls', terms)).toEqual(['physical.confinement:locked me in the big stalls'])
    expect(found('they locked the door and left it in the stall', terms)).toEqual([])
  })
})
