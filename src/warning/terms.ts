import type { termKinds } from '../db/schema'

/**
 * Early warning, the pure part: which people, classes and places a tip's text names, each as the words it
 * used (`text`, shown to staff at read time) and a normalised form (`key`, the only thing that gets hashed
 * into the index). No I/O, no storage: this runs on decrypted text inside the process.
 *
 * Deliberately narrow, because a false link costs a counselor's attention and a false level raise costs
 * more: Chinese names only in shapes children write them (小X, X某, 老X, or a surname + given name right
 * before an action like 打/骂/欺负), English names only when capitalised, places only when specific (a
 * floor, a stairwell, the rooftop — not the bare "toilet" every third tip mentions).
 */
export type TermKind = (typeof termKinds)[number]

export interface Term {
  kind: TermKind
  /** The normalised form: what two tips must share to be related. */
  key: string
  /** The words as written, for the case page. */
  text: string
}

// The common Chinese surnames (百家姓, the ~100 most frequent), one character each.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const SURNAME = `[${SURNAMES}]`
/** What follows a name when a child writes about someone: what they do, or a plural/possessive. */
const AFTER_NAME =
  '(?=一直|天天|每天|总是|经常|老是|又|还|也|就|被|给|是|打|骂|踢|踹|推|掐|扇|抢|拿|要|逼|欺负|威胁|勒索|嘲笑|笑话|孤立|说|叫|带|把|和|跟|让|在|他们|她们|们|的|，|,|。|\\s|$)'
/** 小 + one character that makes an ordinary word, not a nickname. */
const XIAO_WORDS = new Set('心时学组卖说孩朋偷事声区便姐刀品队测伙吃猪狗猫车路卖店屋门手脚腿头块片点些半米号型样学生'.split(''))
/** 老 + surname words that are not people. */
const LAO_WORDS = new Set(['老师', '老是', '老家', '老婆', '老公', '老大', '老板', '老乡', '老人', '老实', '老虎', '老鼠', '老高', '老宋'])

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function cnNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  if (text === '十') return 10
  if (text.length === 2 && text[0] === '十') return 10 + (CN_DIGITS[text[1]!] ?? Number.NaN)
  if (text.length === 2 && text[1] === '十') return (CN_DIGITS[text[0]!] ?? Number.NaN) * 10
  if (text.length === 3 && text[1] === '十') return (CN_DIGITS[text[0]!] ?? Number.NaN) * 10 + (CN_DIGITS[text[2]!] ?? Number.NaN)
  if (text.length === 1) return CN_DIGITS[text]
  return undefined
}

/** 初一 = grade 7 … 初三 = 9, 高一 = 10 … 高三 = 12, so "初二3班" and "八年级3班" are the same class. */
function gradeOf(prefix: string, n: number): number {
  return prefix === '初' ? n + 6 : prefix === '高' ? n + 9 : n
}

// Stop words for capitalised English words that are not names (sentence starts, days, months, school words).
const EN_STOP = new Set(
  (
    'I Im Ive Id A An The This That These Those There Then They Them Their He She His Her Him We Our Us You Your It Its My Me Mine ' +
    'And But Or So If When While Because After Before Today Tonight Tomorrow Yesterday Every Everyone Someone Somebody Nobody Some Any ' +
    'Please Help Hi Hello Dear Thanks Thank Sorry Yes No Not Also Again Always Never Just Only Still Even Who What Where Why How ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Mr Mrs Ms Miss Dr Coach Teacher Principal Class Grade Year Room School PE Math English Science Chinese History Art Music ' +
    'OMG LOL WeChat QQ Instagram TikTok Snapchat Discord Douyin Bilibili Roblox Minecraft God Christmas Lunch Recess Bus Gym'
  ).split(' '),
)
const EN_TITLE = '(?:Mr|Mrs|Ms|Miss|Dr|Coach)'
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?'

const ZH_PLACES: [RegExp, string][] = [
  [/厕所|卫生间|洗手间|男厕|女厕/, 'toilet'],
  [/楼梯间|楼梯口|楼梯/, 'stairs'],
  [/走廊/, 'corridor'],
  [/天台|楼顶/, 'rooftop'],
  [/器材室/, 'equipment_room'],
  [/车棚/, 'bike_shed'],
  [/小卖部/, 'tuck_shop'],
  [/宿舍/, 'dormitory'],
  [/后门/, 'back_gate'],
  [/实验室/, 'lab'],
  [/更衣室/, 'changing_room'],
]
/** Places specific enough on their own; the rest need a floor or building to count. */
const ZH_SPECIFIC = new Set(['rooftop', 'equipment_room', 'bike_shed', 'tuck_shop', 'back_gate', 'changing_room', 'lab'])
const EN_PLACES: [RegExp, string][] = [
  [/\b(?:bathroom|restroom|toilets?|washroom)s?\b/i, 'toilet'],
  [/\b(?:stairwell|staircase|stairs)\b/i, 'stairs'],
  [/\b(?:hallway|corridor)\b/i, 'corridor'],
  [/\b(?:rooftop|roof)\b/i, 'rooftop'],
  [/\blocker ?room\b/i, 'changing_room'],
  [/\bbike (?:shed|rack)s?\b/i, 'bike_shed'],
  [/\bbus stop\b/i, 'bus_stop'],
  [/\bback gate\b/i, 'back_gate'],
  [/\b(?:science )?lab\b/i, 'lab'],
]
const EN_SPECIFIC = new Set(['rooftop', 'changing_room', 'bike_shed', 'bus_stop', 'back_gate', 'lab'])

// The patterns, compiled once: `matchAll` copies a global pattern, so sharing them between calls is safe,
// and building them per tip cost more than matching (early warning runs on every tip taken in).
const XIAO_NAME = new RegExp(`小(\\p{Script=Han})`, 'gu')
/** AFTER_NAME anchored where a match ended (sticky), instead of on a slice of the text. */
const AFTER_NAME_AT = new RegExp(AFTER_NAME, 'uy')
const SURNAME_MOU = new RegExp(`(${SURNAME})某某?`, 'gu')
const LAO_SURNAME = new RegExp(`老(${SURNAME})`, 'gu')
const SURNAME_GIVEN = new RegExp(`(${SURNAME})(\\p{Script=Han}{1,2}?)${AFTER_NAME}`, 'gu')
const EN_TITLED_NAME = new RegExp(`\\b${EN_TITLE}\\.?\\s+([A-Z][a-z]+)\\b(?!'s class)`, 'g')
const EN_TITLE_BEFORE = new RegExp(`${EN_TITLE}\\.?\\s*$`)
const EN_GRADE = new RegExp(`\\b${ORDINAL}\\s+grade\\b|\\bgrade\\s+(\\d{1,2})\\b`, 'gi')
const EN_TEACHER_CLASS = new RegExp(`\\b${EN_TITLE}\\.?\\s+([A-Z][a-z]+)'s\\s+(?:class|homeroom)\\b`, 'g')
const ZH_PLACES_ON_FLOOR = ZH_PLACES.map(([pattern, place]) => [
  new RegExp(`((\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*楼\\s*)?(?:的)?(${pattern.source})`, 'gu'),
  place,
] as const)
const EN_PLACES_ON_FLOOR = EN_PLACES.map(([pattern, place]) => [
  new RegExp(`(?:\\b${ORDINAL}[-\\s]floor\\s+)?(?:${pattern.source})(?:\\s+on\\s+the\\s+${ORDINAL}\\s+floor)?`, 'gi'),
  place,
] as const)

/** Whether what follows `at` in `text` is something a child writes right after a name (AFTER_NAME). */
function followedByAction(text: string, at: number): boolean {
  AFTER_NAME_AT.lastIndex = at
  return AFTER_NAME_AT.test(text)
}

/**
 * The names, classes and places a tip mentions, each once (by key), in order of first mention.
 *
 * @example
 * extractTerms('小明天天在三楼厕所打初二3班的王小虎')
 * // [{ kind: 'name', key: 'zh:小明', text: '小明' }, { kind: 'name', key: 'zh:王小虎', … }, { kind: 'class', key: 'g8c3', text: '初二3班' }, { kind: 'place', key: 'f3:toilet', text: '三楼厕所' }]
 * extractTerms("Jake Miller keeps pushing me in Ms. Lee's class") // [{ kind: 'name', key: 'en:jake miller', … }, { kind: 'class', key: 'teacher:lee', … }]
 */
export function extractTerms(text: string): Term[] {
  const found: Term[] = []
  const seen = new Set<string>()
  const add = (kind: TermKind, key: string, words: string) => {
    const id = `${kind}|${key}`
    if (seen.has(id)) return
    seen.add(id)
    found.push({ kind, key, text: words.trim() })
  }
  const t = text.normalize('NFKC')

  // ── Chinese names ──
  for (const m of t.matchAll(XIAO_NAME)) {
    const [whole, second] = m as unknown as [string, string]
    const before = t[(m.index ?? 0) - 1]
    if (XIAO_WORDS.has(second) || (before !== undefined && SURNAMES.includes(before))) continue // 王小虎 is handled whole below
    if (!followedByAction(t, (m.index ?? 0) + whole.length)) continue
    add('name', `zh:${whole}`, whole)
  }
  for (const m of t.matchAll(SURNAME_MOU)) add('name', `zh:${m[1]}某`, m[0])
  for (const m of t.matchAll(LAO_SURNAME)) {
    if (!LAO_WORDS.has(m[0])) add('name', `zh:老${m[1]}`, m[0])
  }
  for (const m of t.matchAll(SURNAME_GIVEN)) {
    const name = `${m[1]}${m[2]}`
    if (/[某老]/.test(m[2] ?? '') || name.length < 2) continue
    // The given name must not be a word of the sentence ("王者", a surname character inside a word).
    if (/^(者|们|上|面|后|前|时|里|是|在|有|的|了|又|还|也|就|被|给|打|骂|说|把|和|跟|让|要|拿)/.test(m[2] ?? '')) continue
    if (/[老小]/.test(t[(m.index ?? 0) - 1] ?? '')) continue // 老王 / 小王 are names of their own shape
    add('name', `zh:${name}`, name)
  }

  // ── English names: one or two capitalised words, or a title and a surname ──
  for (const m of t.matchAll(EN_TITLED_NAME)) add('name', `en:teacher ${m[1]!.toLowerCase()}`, m[0])
  for (const m of t.matchAll(/\b([A-Z][a-z]{1,15})(?:\s+([A-Z][a-z]{1,15}))?\b/g)) {
    const [whole, first, last] = m as unknown as [string, string, string | undefined]
    const before = t.slice(Math.max(0, (m.index ?? 0) - 5), m.index ?? 0)
    if (EN_TITLE_BEFORE.test(before)) continue
    if (EN_STOP.has(first)) continue
    const words = last && !EN_STOP.has(last) ? whole : first
    add('name', `en:${words.toLowerCase()}`, words)
  }

  // ── Classes ──
  for (const m of t.matchAll(/([初高])([一二三])\s*[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]?\s*班/gu)) {
    const grade = gradeOf(m[1]!, cnNumber(m[2]!) ?? 0)
    add('class', `g${grade}c${cnNumber(m[3]!)}`, m[0])
  }
  for (const m of t.matchAll(/(\d{1,2}|[一二三四五六七八九十]{1,2})\s*年级\s*(?:[（(]?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]?\s*班)?/gu)) {
    const grade = cnNumber(m[1]!)
    if (grade === undefined || Number.isNaN(grade)) continue
    add('class', m[2] ? `g${grade}c${cnNumber(m[2])}` : `g${grade}`, m[0])
  }
  for (const m of t.matchAll(EN_GRADE)) add('class', `g${Number(m[1] ?? m[2])}`, m[0])
  for (const m of t.matchAll(EN_TEACHER_CLASS)) add('class', `teacher:${m[1]!.toLowerCase()}`, m[0])

  // ── Places: a specific one, or an ordinary one with its floor ──
  for (const [pattern, place] of ZH_PLACES_ON_FLOOR) {
    for (const m of t.matchAll(pattern)) {
      const floor = m[2] ? cnNumber(m[2]) : undefined
      if (floor !== undefined) add('place', `f${floor}:${place}`, m[0])
      else if (ZH_SPECIFIC.has(place)) add('place', place, m[0])
    }
  }
  for (const [pattern, place] of EN_PLACES_ON_FLOOR) {
    for (const m of t.matchAll(pattern)) {
      const floor = m[1] ?? m[2]
      if (floor) add('place', `f${Number(floor)}:${place}`, m[0])
      else if (EN_SPECIFIC.has(place)) add('place', place, m[0])
    }
  }
  return found
}

/**
 * The words two tips share, for the case page: the terms of each side whose keys match, as written in
 * the *other* tip too ("小明" here, "小明" there), one entry per key.
 *
 * @example
 * sharedTerms(extractTerms('小明又打我'), extractTerms('小明抢我的钱')) // [{ kind: 'name', key: 'zh:小明', words: ['小明'] }]
 */
export function sharedTerms(a: readonly Term[], b: readonly Term[]): { kind: TermKind; key: string; words: string[] }[] {
  const other = new Map(b.map((t) => [`${t.kind}|${t.key}`, t]))
  return a
    .filter((t) => other.has(`${t.kind}|${t.key}`))
    .map((t) => ({ kind: t.kind, key: t.key, words: [...new Set([t.text, other.get(`${t.kind}|${t.key}`)!.text])] }))
}
