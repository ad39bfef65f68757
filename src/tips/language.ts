import type { Language } from './tip-fields'

/**
 * The language to answer a reporter in, from what they wrote: Chinese when Han characters carry the text,
 * English otherwise. Mixed tips ("班群里有人 keeps posting 🐷") count as Chinese; an English tip that names
 * one classmate in characters stays English.
 *
 * @example
 * detectLanguage('我不想活了 每天都被骂') // 'zh'
 * detectLanguage('Someone keeps taking my lunch money') // 'en'
 */
export function detectLanguage(text: string): Language {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  if (han === 0) return 'en'
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0
  // A Han character carries roughly a word; an English word is about four or five letters.
  return han * 4 >= latin ? 'zh' : 'en'
}
