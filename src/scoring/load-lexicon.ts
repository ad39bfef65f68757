/**
 * Loads the reviewed data files under `lexicon/` and compiles them into lookup tables once, at import.
 *
 * - `signals.json`: the groups — what each warning sign means (category, level) and how context moves it
 *   (which tags raise it and how near they must be, whether jokes or benign contexts cancel it), plus the
 *   modifier groups (negation, jokes, things that are over, masks). Changing it is a rules change.
 * - `zh.json`, `en.json`, `emoji.json`: the words for each group. Adding a word is a data change only.
 *
 * Term syntax (any language file):
 * - Chinese and emoji terms match the compact view; `~` allows a gap of up to six characters
 *   ("带~刀" matches "带了一把刀").
 * - Latin terms match whole words with their inflections (kill → kills, killed, killing); `*` after a word
 *   allows any ending ("suicid*"), `~` between words allows up to three other words, `{name}` expands a
 *   macro from the file ("kill {self}").
 */
import emojiTerms from './lexicon/emoji.json'
import enTerms from './lexicon/en.json'
import rulesFile from './lexicon/signals.json'
import zhTerms from './lexicon/zh.json'
import { IntPairTable, maskBit } from './int-pair-table'
import { squeeze } from './normalize'
import { foldChar } from './normalize'
import { categories, levels, type Category, type Level } from './types'

export type Window = 'near' | 'sentence' | 'tip'
export type Effect = 'negation' | 'joke' | 'serious' | 'context' | 'accident' | 'deliberate' | 'over' | 'mask' | 'past' | 'denial'

export interface Group {
  id: string
  category?: Category
  level?: Level
  /** Tags this group lends to others' `raisedBy` (its own id is always one). */
  tags: string[]
  raisedBy: Partial<Record<string, Window>>
  /** `raisedBy` as a list, in the file's order, for the hot path. */
  raisers: [tag: string, window: Window][]
  /** Tags that lower this signal one level instead ("老把他关在…": repeated, so not happening now). */
  lowerers: [tag: string, window: Window][]
  /** Tags that keep this signal from being raised at all ("否认有计划", "not going to do anything"). */
  holders: [tag: string, window: Window][]
  jokeable: boolean
  contextual: boolean
  /** Cancelled by a nearby accident ("不小心", "by accident"): pushing, fights, broken things. */
  accidental: boolean
  /** Bullying, never an emergency on its own: the second reader may raise a tip with only such signs one level. */
  bullying: boolean
  effect?: Effect
}

export interface CompactTerm {
  group: Group
  /** Consecutive parts; a gap of up to COMPACT_GAP characters may stand between two parts. */
  parts: string[]
  /** Position in the lexicon: terms found at one place of a tip are reported in this order. */
  order: number
}

export type WordPattern = { kind: 'word'; stem: string } | { kind: 'prefix'; stem: string } | { kind: 'gap' }

export interface TokenTerm {
  group: Group
  words: WordPattern[]
  /** The first word's stem: a word must start with it (prefix) or inflect it (word) for the term to match. */
  lead: string
  gapped: boolean
  /** Position in the lexicon: terms found at one word of a tip are tried in this order. */
  order: number
}

/**
 * A node of the compact terms' trie: the code units read so far are the start of some term's first part.
 * A tip is matched by walking down from each of its characters, so a place pays for the terms that share
 * its next characters, never for every term that shares only its first two.
 */
export interface CompactNode {
  /** Its index in `Lexicon.compactNodes`. */
  id: number
  /** Terms of one part that ends here, in lexicon order. */
  whole: CompactTerm[] | undefined
  /**
   * The code units the node has children for, and those the second parts of its gapped terms
   * (`Lexicon.compactByNextLead`) start with, each as a bit of a 32-bit mask (`maskBit`): most look-ups
   * would miss, and a clear bit says so without touching the table. No lead bit: no gapped term ends here.
   */
  childUnits: number
  leadUnits: number
}

export interface StemEntry {
  /** Terms whose second word is no plain word and no gap before one (one word long, a prefix next). */
  rest: TokenTerm[]
  bySecond: Map<string, TokenTerm[]>
  /**
   * Terms of a word, a gap, then a plain word, by that word's stem: "took ~ pills" is tried only where a
   * "pills" follows "took" closely, not each of took's hundred terms at every "took".
   */
  afterGap: Map<string, TokenTerm[]>
}

export interface Lexicon {
  groups: Map<string, Group>
  /**
   * The trie of compact terms' first parts, its top level indexed by code unit (a plain array: one look-up
   * per character of the tip, and most characters start no term). Keys stay small integers, so no look-up
   * hashes a string or allocates.
   */
  compactByFirst: (CompactNode | undefined)[]
  /** Every node of the trie, by id. */
  compactNodes: CompactNode[]
  /**
   * The trie's edges: (node id, code unit) → id of the node one unit further down, or -1. One table of
   * integers rather than a map per node: walking down is the matcher's most frequent step.
   */
  compactChildren: IntPairTable
  /**
   * Terms of two or more parts by the node their first part ends at and the code unit their second part
   * starts with, in lexicon order: (node id, code unit) → index in `compactLeadLists`, or -1. "被~按着打" is
   * tried only where an 按 follows 被 closely, not each of 被's ninety terms at every 被.
   */
  compactByNextLead: IntPairTable
  compactLeadLists: CompactTerm[][]
  /**
   * One bit per hashed pair of code units (`compactPairBit`), set for the first two units of every term
   * whose first part has two or more: most pairs in a tip start no term, and a clear bit is cheaper to read
   * than a map.
   */
  compactPairBits: Uint32Array
  /**
   * Word terms by the stem of their first word, then — when their second word is a plain word too — by
   * its stem: "gave {obj} {poss}" expands to hundreds of terms that a "gave" should not all be tried on;
   * when a gap comes second and a plain word third ("took ~ pills"), by that word's stem (`afterGap`).
   */
  tokenByStem: Map<string, StemEntry>
  /** Terms whose first word is a prefix ("suicid*"), keyed by its first two letters. */
  tokenByPrefix: Map<string, TokenTerm[]>
  termCount: number
  /** Exact text of every data file, for the scorer version. */
  fingerprintSource: string
}

export const COMPACT_GAP = 6
export const TOKEN_GAP = 3
/** Prefix terms are indexed by this many leading letters of their stem. */
export const PREFIX_KEY = 2

interface TermFile {
  macros?: Record<string, string[]>
  terms: Record<string, string[]>
}

const LATIN_TERM = /^[a-z0-9'’ *~{}_-]+$/i

/**
 * Compiles rules and term files; throws with a precise message on a data mistake so a bad edit fails tests
 * instead of silently matching nothing.
 *
 * @example
 * const lexicon = compileLexicon(rules, [zh, en])
 */
export function compileLexicon(rules: typeof rulesFile, files: TermFile[]): Lexicon {
  const groups = new Map<string, Group>()
  for (const [id, raw] of Object.entries(rules.groups) as [string, RawGroup][]) groups.set(id, toGroup(id, raw))

  const lexicon: Lexicon = {
    groups,
    compactByFirst: new Array(CODE_UNITS),
    compactNodes: [],
    // Both tables are built from the trie once every term is in (`building` below).
    compactChildren: IntPairTable.of([]),
    compactByNextLead: IntPairTable.of([]),
    compactLeadLists: [],
    compactPairBits: new Uint32Array(COMPACT_PAIR_BITS / 32),
    tokenByStem: new Map(),
    tokenByPrefix: new Map(),
    termCount: 0,
    fingerprintSource: JSON.stringify([rules, files]),
  }

  const building: TrieBuilding = { edges: new Map(), leads: new Map() }
  for (const file of files) {
    for (const [groupId, terms] of Object.entries(file.terms)) {
      const group = groups.get(groupId)
      if (!group) throw new Error(`lexicon: terms for unknown group "${groupId}"`)
      for (const term of terms) {
        for (const expanded of expandMacros(term, file.macros ?? {})) addTerm(lexicon, building, group, expanded)
      }
    }
  }
  lexicon.compactChildren = tableOf(building.edges)
  lexicon.compactByNextLead = tableOf(building.leads)
  return lexicon
}

/**
 * The trie's edges and gapped-term lead lists while terms are added, keyed by `nodeKey`: the child's id,
 * the list's index in `Lexicon.compactLeadLists`. Integer tables are built from them once, at the end.
 */
interface TrieBuilding {
  edges: Map<number, number>
  leads: Map<number, number>
}

const CODE_UNITS = 0x10000
/** A (node id, code unit) pair as one number while building; `tableOf` splits it again. */
const nodeKey = (id: number, unit: number) => id * CODE_UNITS + unit

function tableOf(map: Map<number, number>): IntPairTable {
  return IntPairTable.of([...map].map(([key, value]) => [Math.floor(key / CODE_UNITS), key % CODE_UNITS, value] as const))
}

type RawGroup = {
  category?: string
  level?: string
  tags?: string[]
  raisedBy?: Record<string, string>
  loweredBy?: Record<string, string>
  heldBy?: Record<string, string>
  jokeable?: boolean
  contextual?: boolean
  accidental?: boolean
  bullying?: boolean
  effect?: string
}

function toGroup(id: string, raw: RawGroup): Group {
  if (raw.category && !(categories as readonly string[]).includes(raw.category))
    throw new Error(`lexicon: group "${id}" has unknown category "${raw.category}"`)
  if (raw.level && !(levels as readonly string[]).includes(raw.level))
    throw new Error(`lexicon: group "${id}" has unknown level "${raw.level}"`)
  if (Boolean(raw.category) !== Boolean(raw.level))
    throw new Error(`lexicon: group "${id}" needs both a category and a level, or neither`)
  for (const w of [...Object.values(raw.raisedBy ?? {}), ...Object.values(raw.loweredBy ?? {}), ...Object.values(raw.heldBy ?? {})])
    if (!['near', 'sentence', 'tip'].includes(w)) throw new Error(`lexicon: group "${id}" has unknown window "${w}"`)
  if (raw.effect && !['negation', 'joke', 'serious', 'context', 'accident', 'deliberate', 'over', 'mask', 'past', 'denial'].includes(raw.effect))
    throw new Error(`lexicon: group "${id}" has unknown effect "${raw.effect}"`)
  return {
    id,
    category: raw.category as Category | undefined,
    level: raw.level as Level | undefined,
    tags: [id, ...(raw.tags ?? [])],
    raisedBy: (raw.raisedBy ?? {}) as Partial<Record<string, Window>>,
    raisers: Object.entries(raw.raisedBy ?? {}) as [string, Window][],
    lowerers: Object.entries(raw.loweredBy ?? {}) as [string, Window][],
    holders: Object.entries(raw.heldBy ?? {}) as [string, Window][],
    jokeable: raw.jokeable ?? false,
    contextual: raw.contextual ?? false,
    accidental: raw.accidental ?? false,
    bullying: raw.bullying ?? false,
    effect: raw.effect as Effect | undefined,
  }
}

function expandMacros(term: string, macros: Record<string, string[]>): string[] {
  const open = term.indexOf('{')
  if (open < 0) return [term]
  const close = term.indexOf('}', open)
  const name = term.slice(open + 1, close)
  const values = macros[name]
  if (close < 0 || !values) throw new Error(`lexicon: unknown macro in "${term}"`)
  return values.flatMap((v) => expandMacros(term.slice(0, open) + v + term.slice(close + 1), macros))
}

function fold(text: string): string {
  let out = ''
  for (const ch of text) out += foldChar(ch)
  return out
}

function addTerm(lexicon: Lexicon, { edges, leads }: TrieBuilding, group: Group, term: string) {
  lexicon.termCount++
  if (LATIN_TERM.test(term)) {
    const words: WordPattern[] = fold(term)
      .replace(/['’]/g, '')
      .split(/[\s_-]+/)
      .filter(Boolean)
      .map((w): WordPattern => {
        if (w === '~') return { kind: 'gap' }
        if (w.endsWith('*')) return { kind: 'prefix', stem: squeeze(w.slice(0, -1)) }
        return { kind: 'word', stem: squeeze(w) }
      })
    const first = words[0]
    if (!first || first.kind === 'gap' || words.at(-1)?.kind === 'gap')
      throw new Error(`lexicon: term "${term}" must start and end with a word`)
    const compiled: TokenTerm = { group, words, lead: first.stem, gapped: words.some((w) => w.kind === 'gap'), order: lexicon.termCount }
    if (first.kind === 'prefix') push(lexicon.tokenByPrefix, first.stem.slice(0, PREFIX_KEY), compiled)
    else {
      let entry = lexicon.tokenByStem.get(first.stem)
      if (!entry) lexicon.tokenByStem.set(first.stem, (entry = { rest: [], bySecond: new Map(), afterGap: new Map() }))
      const [, second, third] = words
      if (second?.kind === 'word') push(entry.bySecond, second.stem, compiled)
      else if (second?.kind === 'gap' && third?.kind === 'word') push(entry.afterGap, third.stem, compiled)
      else entry.rest.push(compiled)
    }
    return
  }
  // An English term with a stray character ("help!!") would silently become a compact term matching
  // inside any word: refuse it.
  if (/^[\x00-\x7f]*$/.test(term) && /[a-z]/i.test(term))
    throw new Error(`lexicon: term "${term}" has characters a word term cannot hold`)
  // Compact terms: fold like the text, drop what the compact view drops (spaces, punctuation).
  const parts = term.split('~').map((part) =>
    [...fold(part)].filter((ch) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(ch) && !/\uFE0F/.test(ch)).join(''),
  )
  if (parts.some((p) => p.length === 0)) throw new Error(`lexicon: term "${term}" has an empty part`)
  const first = parts[0]!
  const code = first.charCodeAt(0)
  let node = (lexicon.compactByFirst[code] ??= newNode(lexicon))
  for (let k = 1; k < first.length; k++) {
    const edge = nodeKey(node.id, first.charCodeAt(k))
    const child = edges.get(edge)
    if (child !== undefined) node = lexicon.compactNodes[child]!
    else {
      node.childUnits |= maskBit(first.charCodeAt(k))
      edges.set(edge, (node = newNode(lexicon)).id)
    }
  }
  const compiled: CompactTerm = { group, parts, order: lexicon.termCount }
  if (parts.length === 1) (node.whole ??= []).push(compiled)
  else {
    node.leadUnits |= maskBit(parts[1]!.charCodeAt(0))
    const key = nodeKey(node.id, parts[1]!.charCodeAt(0))
    const list = leads.get(key)
    if (list !== undefined) lexicon.compactLeadLists[list]!.push(compiled)
    else leads.set(key, lexicon.compactLeadLists.push([compiled]) - 1)
  }
  if (first.length > 1) {
    const bit = compactPairBit(code, first.charCodeAt(1))
    lexicon.compactPairBits[bit >>> 5]! |= 1 << (bit & 31)
  }
}

function newNode(lexicon: Lexicon): CompactNode {
  const node: CompactNode = { id: lexicon.compactNodes.length, whole: undefined, childUnits: 0, leadUnits: 0 }
  lexicon.compactNodes.push(node)
  return node
}

/** 2^18 bits (32 KB): a few thousand pairs leave about one in a hundred bits set, so few false alarms. */
const COMPACT_PAIR_BITS = 1 << 18

/** Which bit of `compactPairBits` stands for two code units: a multiplicative hash of both. */
export const compactPairBit = (first: number, second: number) => Math.imul((first << 16) | second, 0x9e3779b1) >>> 14

function push<K, T>(map: Map<K, T[]>, key: K, value: T) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The lexicon built from the files shipped in `lexicon/`. */
export const lexicon = compileLexicon(rulesFile, [zhTerms, enTerms, emojiTerms])
