import { type Catalog, DEFAULT_LOCALE, type Locale, locales } from './catalog'
import { en } from './en'
import { zhCN } from './zh-CN'

const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, en }

/**
 * The catalogue for a locale.
 *
 * @example
 * catalogFor('en').form.send // 'Send'
 */
export function catalogFor(locale: Locale): Catalog {
  return catalogs[locale]
}

/** The other language, for the toggle (two languages today; a third would make this a list). */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh-CN' : 'en'
}

/**
 * A locale named explicitly (`?lang=` or a form's hidden `lang`), matched loosely: `en-US` is `en`, `zh` is `zh-CN`.
 *
 * @example
 * parseLocale('en-GB') // 'en'
 * parseLocale('fr') // undefined
 */
export function parseLocale(value: string | undefined | null): Locale | undefined {
  const tag = value?.trim().toLowerCase()
  if (!tag) return undefined
  if (tag === 'en' || tag.startsWith('en-')) return 'en'
  if (tag === 'zh' || tag.startsWith('zh-') || tag === 'zh_cn') return 'zh-CN'
  return undefined
}

/**
 * Which language to answer in: an explicit choice wins (there are no cookies, so the toggle's choice
 * travels in `?lang=` and hidden form fields), then the browser's Accept-Language by weight, then zh-CN.
 *
 * @example
 * negotiateLocale(undefined, 'en-US,en;q=0.9,zh;q=0.8') // 'en'
 * negotiateLocale('zh-CN', 'en') // 'zh-CN'
 */
export function negotiateLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  const chosen = parseLocale(explicit)
  if (chosen) return chosen
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const { tag } of ranked) {
    const locale = parseLocale(tag)
    if (locale) return locale
  }
  return DEFAULT_LOCALE
}

export { locales }
