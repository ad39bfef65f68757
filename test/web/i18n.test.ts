import { describe, expect, it } from 'vitest'
import { en } from '../../src/web/i18n/en'
import { catalogFor, negotiateLocale, parseLocale } from '../../src/web/i18n/locale'
import { zhCN } from '../../src/web/i18n/zh-CN'

/** Every leaf of a catalogue as `path: value`, functions called with a sample argument. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'function') return [[path, value(path === 'reporter.status' ? 'received' : '1')]]
  if (value instanceof Intl.DateTimeFormat) return [[path, value.format(new Date(0))]]
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  return [[path, value]]
}

describe('the message catalogues', () => {
  it('have the same strings in zh-CN and en, none empty', () => {
    const zh = leaves(zhCN)
    const english = leaves(en)
    expect(zh.map(([p]) => p).filter((p) => !/^reporter\.(nextSteps|help)/.test(p))).toEqual(english.map(([p]) => p).filter((p) => !/^reporter\.(nextSteps|help)/.test(p)))
    for (const [path, text] of [...zh, ...english]) expect(typeof text === 'string' && text.trim().length > 0, path).toBe(true)
  })

  it('are written in their own language', () => {
    const han = /\p{Script=Han}/u
    expect(leaves(zhCN).filter(([, t]) => han.test(String(t))).length).toBeGreaterThan(100)
    // English strings may name Chinese school names in examples, never whole sentences.
    expect(leaves(en).filter(([, t]) => han.test(String(t)))).toEqual([])
  })

  it('reach the sentences the API returns, in the catalogue’s language', () => {
    expect(catalogFor('en').reporter.status('received')).toBe('We got your message. A counselor will read it soon.')
    expect(catalogFor('zh-CN').reporter.help.contacts.map((c) => c.number)).toEqual(['110', '120', '12355'])
  })
})

describe('negotiateLocale', () => {
  it.each([
    [undefined, undefined, 'zh-CN'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr-FR,fr;q=0.9,en;q=0.5,zh;q=0.4', 'en'],
    [undefined, 'zh-TW,en;q=0.8', 'zh-CN'],
    [undefined, 'en;q=0.2,zh-CN;q=0.9', 'zh-CN'],
    [undefined, 'de,fr', 'zh-CN'],
    [undefined, 'en;q=0', 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh', 'en', 'zh-CN'],
    ['klingon', 'en', 'en'],
  ] as const)('lang=%s, Accept-Language %s → %s', (explicit, header, expected) => {
    expect(negotiateLocale(explicit, header)).toBe(expected)
  })

  it('reads tags loosely', () => {
    expect(parseLocale('EN-gb')).toBe('en')
    expect(parseLocale('zh-Hans-CN')).toBe('zh-CN')
    expect(parseLocale('')).toBeUndefined()
  })
})
