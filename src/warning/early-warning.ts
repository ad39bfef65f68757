import { and, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { toHex } from '../crypto/bytes'
import type { Keys } from '../crypto/keys'
import { unseal } from '../crypto/seal'
import type { Db } from '../db/db'
import { type RowInsert, insertRow } from '../db/insert-rows'
import { perDatabase } from '../db/prepared'
import { cases, relatedTips, tipTerms, tips } from '../db/schema'
import type { Level } from '../scoring/types'
import { tipContext } from '../tips/intake'
import { type Term, type TermKind, extractTerms, sharedTerms } from './terms'

/** A term as the index holds it: its kind and a keyed hash, never the words. */
export interface HashedTerm {
  kind: TermKind
  hash: string
}

/**
 * Keyed hashes of a tip's terms: HMAC-SHA-256 under `keys.terms` of `school|kind|key`, 128 bits as hex.
 * The school is part of the input, so the same name at two schools gives unrelated hashes: the index
 * cannot follow a child across schools even with the key, and a school's tips only ever meet its own.
 *
 * @example
 * await hashTerms(keys, 9, extractTerms('小明又打我')) // [{ kind: 'name', hash: '5e0c…' }]
 */
export async function hashTerms(keys: Keys, schoolId: number, terms: readonly Term[]): Promise<HashedTerm[]> {
  const encoder = new TextEncoder()
  return Promise.all(
    terms.map(async (t) => {
      const mac = await keys.primitives.hmacSha256(keys.terms, encoder.encode(`${schoolId}|${t.kind}|${t.key}`))
      return { kind: t.kind, hash: toHex(mac).slice(0, 32) }
    }),
  )
}

/** An earlier tip that shares terms with a new one. */
export interface RelatedMatch {
  tipId: string
  caseId: string
  reference: string
  kinds: TermKind[]
  /** The shared hashes (not words), to count tips per target. */
  hashes: string[]
  /** Of those, the shared names. */
  names: string[]
}

/** Most related tips a new tip is linked with (the most recent); a name in every tip of a term would flood. */
export const MAX_RELATED = 20

/**
 * The school's open or recent tips (created since `since`) that share any of `terms`, most recent first,
 * at most MAX_RELATED of them. One indexed lookup per term hash on (school, hash, created_at).
 *
 * The read is bounded: a tip has at most one index row per hash, and rows come ordered by (created_at,
 * tip) so each tip's rows are together, so the first MAX_RELATED × hashes rows hold every row of the
 * MAX_RELATED most recent tips. Without the bound a name shared by many open tips (a bully named in every
 * tip for a term) made every new tip read, copy and map all of them, only to keep twenty.
 *
 * @example
 * await findRelatedTips(db, 9, hashed, new Date(Date.now() - 30 * DAY))
 */
export async function findRelatedTips(db: Db, schoolId: number, terms: readonly HashedTerm[], since: Date): Promise<RelatedMatch[]> {
  if (terms.length === 0) return []
  const hashes = [...new Set(terms.map((t) => t.hash))]
  const params: Record<string, unknown> = { school: schoolId, since: since.getTime(), limit: MAX_RELATED * hashes.length }
  hashes.forEach((hash, i) => (params[`h${i}`] = hash))
  const rows = await relatedTipsQuery(db, hashes.length).all(params)
  const byTip = new Map<string, RelatedMatch>()
  for (const r of rows) {
    let m = byTip.get(r.tipId)
    if (!m) {
      if (byTip.size >= MAX_RELATED) continue
      byTip.set(r.tipId, (m = { tipId: r.tipId, caseId: r.caseId, reference: r.reference, kinds: [], hashes: [], names: [] }))
    }
    if (!m.kinds.includes(r.kind)) m.kinds.push(r.kind)
    m.hashes.push(r.hash)
    if (r.kind === 'name') m.names.push(r.hash)
  }
  return [...byTip.values()]
}

/**
 * The related-tips lookup prepared once per number of hashes (a tip names a handful of terms), so a tip
 * pays for running it, not for drizzle building its SQL again.
 */
function relatedTipsQuery(db: Db, hashCount: number): ReturnType<typeof buildRelatedTipsQuery> {
  const byCount = relatedTipsQueries(db)
  let query = byCount.get(hashCount)
  if (!query) {
    query = buildRelatedTipsQuery(db, hashCount)
    byCount.set(hashCount, query)
  }
  return query
}

const relatedTipsQueries = perDatabase(() => new Map<number, ReturnType<typeof buildRelatedTipsQuery>>())

function buildRelatedTipsQuery(db: Db, hashCount: number) {
  return db
    .select({ tipId: tipTerms.tipId, kind: tipTerms.kind, hash: tipTerms.termHash, caseId: tips.caseId, reference: cases.reference })
    .from(tipTerms)
    .innerJoin(tips, eq(tips.id, tipTerms.tipId))
    .innerJoin(cases, eq(cases.id, tips.caseId))
    .where(
      and(
        eq(tipTerms.schoolId, sql.placeholder('school')),
        inArray(
          tipTerms.termHash,
          Array.from({ length: hashCount }, (_, i) => sql.placeholder(`h${i}`)),
        ),
        or(sql`${cases.state} IN ('new', 'acknowledged', 'investigating')`, sql`${tipTerms.createdAt} >= ${sql.placeholder('since')}`),
      ),
    )
    .orderBy(desc(tipTerms.createdAt), desc(tipTerms.tipId))
    .limit(sql.placeholder('limit'))
    .prepare()
}

const raised: Record<Level, Level> = { low: 'medium', medium: 'high', high: 'high', critical: 'critical' }

/**
 * The rubric's "repetition raises a level: several tips about one target", as a rule: when one person is
 * named in `raiseAt` tips or more (this one included), the new case goes up one level — low → medium →
 * high, never to critical on repetition alone (critical means life-safety, which repetition does not show
 * by itself). A shared class or place links tips but raises nothing: a class is thirty children.
 *
 * @example
 * repetitionRaise('medium', [{ names: ['h1'] }], ['h1'], 2) // { from: 'medium', to: 'high', tips: 2 }
 */
export function repetitionRaise(
  level: Level,
  related: readonly Pick<RelatedMatch, 'names'>[],
  ownNames: readonly string[],
  raiseAt: number,
): { from: Level; to: Level; tips: number } | undefined {
  let most = 0
  for (const name of ownNames) most = Math.max(most, 1 + related.filter((r) => r.names.includes(name)).length)
  if (most < raiseAt || raised[level] === level) return undefined
  return { from: level, to: raised[level], tips: most }
}

/**
 * The index rows and links of a new tip, for its intake batch.
 *
 * @example
 * writes.push(...earlyWarningRows({ tipId, caseId, schoolId, at }, hashed, related))
 */
export function earlyWarningRows(
  tip: { tipId: string; caseId: string; schoolId: number; at: Date },
  terms: readonly HashedTerm[],
  related: readonly RelatedMatch[],
): (RowInsert<typeof tipTerms> | RowInsert<typeof relatedTips>)[] {
  const unique = [...new Map(terms.map((t) => [t.hash, t])).values()]
  return [
    ...unique.map((t) => insertRow(tipTerms, { tipId: tip.tipId, schoolId: tip.schoolId, kind: t.kind, termHash: t.hash, createdAt: tip.at })),
    ...related.map((r) =>
      insertRow(relatedTips, {
        tipId: tip.tipId,
        caseId: tip.caseId,
        relatedTipId: r.tipId,
        relatedCaseId: r.caseId,
        kinds: r.kinds,
        shared: new Set(r.hashes).size,
        createdAt: tip.at,
      }),
    ),
  ]
}

/** A related tip as the case page shows it, with the shared words recomputed from both sealed texts. */
export interface RelatedTipView {
  tipId: string
  caseId: string
  reference: string
  linkedAt: string
  shared: { kind: TermKind; words: string[] }[]
}

/**
 * The tips related to a case's tips, both ways (linked when it arrived, or linking to it later), with the
 * words they share. The words are worked out here, in memory, by unsealing both texts and extracting
 * again: they are never stored in the clear, and what staff see is exactly what matched.
 *
 * @example
 * await relatedTipsOfCase(db, keys, caseId) // [{ reference: 'T-…', shared: [{ kind: 'name', words: ['小明'] }] }]
 */
export async function relatedTipsOfCase(db: Db, keys: Keys, caseId: string): Promise<RelatedTipView[]> {
  const links = await db
    .select()
    .from(relatedTips)
    .where(or(eq(relatedTips.caseId, caseId), eq(relatedTips.relatedCaseId, caseId)))
  if (links.length === 0) return []
  const tipIds = [...new Set(links.flatMap((l) => [l.tipId, l.relatedTipId]))]
  const rows = await db
    .select({ id: tips.id, caseId: tips.caseId, keyId: tips.keyId, nonce: tips.nonce, body: tips.body, reference: cases.reference })
    .from(tips)
    .innerJoin(cases, eq(cases.id, tips.caseId))
    .where(inArray(tips.id, tipIds))
  const byId = new Map(rows.map((r) => [r.id, r]))
  const termsOf = new Map<string, Term[]>()
  for (const r of rows) {
    const { text } = JSON.parse(await unseal(keys, tipContext(r.id), r)) as { text: string }
    termsOf.set(r.id, extractTerms(text))
  }
  return links.map((l) => {
    const [mine, other] = l.caseId === caseId ? [l.tipId, l.relatedTipId] : [l.relatedTipId, l.tipId]
    const o = byId.get(other)!
    return {
      tipId: other,
      caseId: o.caseId,
      reference: o.reference,
      linkedAt: l.createdAt.toISOString(),
      shared: sharedTerms(termsOf.get(mine) ?? [], termsOf.get(other) ?? []).map(({ kind, words }) => ({ kind, words })),
    }
  })
}
