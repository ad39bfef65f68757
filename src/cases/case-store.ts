import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { fromBase64Url, toBase64Url } from '../auth/base64'
import type { Keys } from '../crypto/keys'
import { unseal } from '../crypto/seal'
import type { Db } from '../db/db'
import { perDatabase } from '../db/prepared'
import { caseLinks, caseNotes, cases, events, informantCodes, messages, schools, staff, tips } from '../db/schema'
import { ApiError } from '../http/errors'
import { type Category, type Level, categories, levels } from '../scoring/types'
import { messageContext } from '../tips/followup'
import { tipContext } from '../tips/intake'
import { relatedTipsOfCase } from '../warning/early-warning'
import { categoriesOf } from './category-mask'
import { DUE_SOON_MS, deadlineFlags } from './deadlines'
import { type CaseState, allowedActions, openStates } from './state-machine'

/**
 * Reading cases for staff: the row an action works on, the queue, and the case page. Writes live in
 * case-writes.ts.
 */

/** What an action needs of a case: the row plus its school's code. */
export type CaseRow = typeof cases.$inferSelect & { schoolCode: string }

const caseById = perDatabase((db) =>
  db
    .select({ row: cases, schoolCode: schools.code })
    .from(cases)
    .innerJoin(schools, eq(schools.id, cases.schoolId))
    .where(eq(cases.id, sql.placeholder('id')))
    .limit(1)
    .prepare(),
)

/**
 * A case by id, or undefined.
 *
 * @example
 * await findCase(db, '0190…') // { id, state: 'new', version: 0, schoolCode: 'QX-H01', … }
 */
export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const found = await caseById(db).get({ id })
  return found ? { ...found.row, schoolCode: found.schoolCode } : undefined
}

/**
 * A case by id, or the 404 every case route answers for an unknown one.
 *
 * @example
 * const row = await caseOr404(db, c.req.param('id'))
 */
export async function caseOr404(db: Db, id: string): Promise<CaseRow> {
  const row = id.length <= 64 ? await findCase(db, id) : undefined
  if (!row) throw new ApiError(404, 'unknown_case', 'There is no case with this id')
  return row
}

/** Most cases one queue page returns. */
export const MAX_QUEUE_PAGE = 100

export interface QueueFilter {
  /** The school the queue is limited to (a counselor's always is). */
  schoolId?: number | undefined
  states?: readonly CaseState[] | undefined
  level?: Level | undefined
  category?: Category | undefined
  /** Only cases past a running deadline: first response while `new`, resolution while open. */
  overdue?: boolean | undefined
  /** Only cases not overdue whose next running deadline falls within the hour. */
  dueSoon?: boolean | undefined
  assigneeId?: string | undefined
  cursor?: QueueCursor | undefined
  limit: number
  now: Date
}

/** Where a page ended, in the queue's order: (priority, first-response due, id). */
export interface QueueCursor {
  priority: number
  due: number
  id: string
}

/**
 * The opaque form of a cursor: base64url of its JSON.
 *
 * @example
 * encodeCursor({ priority: 0, due: 1772438400000, id: '0190…' }) // 'WzAsMTc3…'
 */
export function encodeCursor(cursor: QueueCursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.priority, cursor.due, cursor.id])))
}

/**
 * Reads a cursor back; null when it is not one this API made.
 *
 * @example
 * decodeCursor(encodeCursor(c)) // c
 */
export function decodeCursor(text: string): QueueCursor | null {
  try {
    const bytes = fromBase64Url(text)
    if (!bytes) return null
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown
    if (!Array.isArray(value) || value.length !== 3) return null
    const [priority, due, id] = value as unknown[]
    if (!Number.isInteger(priority) || !Number.isSafeInteger(due) || typeof id !== 'string' || id.length > 64) return null
    return { priority: priority as number, due: due as number, id }
  } catch {
    return null
  }
}

export interface QueueItem {
  id: string
  reference: string
  school: string
  level: Level
  scorerLevel: Level
  state: CaseState
  escalated: boolean
  assigneeId: string | null
  categories: Category[]
  firstResponseDueAt: string
  resolutionDueAt: string | null
  /** The earliest running deadline, which the queue's counters count down to. */
  nextDueAt: string | null
  overdue: boolean
  dueWithinHour: boolean
  createdAt: string
}

export interface QueuePage {
  cases: QueueItem[]
  nextCursor: string | null
  /** Open cases per level in the queue's scope (its school, or the district), whatever the other filters. */
  counts: Record<Level, number>
}

/**
 * One page of the triage queue: open cases, critical first, then by first-response deadline.
 *
 * Each open state is read on its own, walking `cases_queue_idx` / `cases_school_queue_idx` in
 * (priority, due, id) order from the cursor, and the (at most three) runs are merged here. One query with
 * `state IN (…)` would make SQLite sort every open case of the district before returning the first 25.
 *
 * @example
 * await queuePage(db, { schoolId: 1, limit: 25, now: new Date() })
 */
export async function queuePage(db: Db, filter: QueueFilter): Promise<QueuePage> {
  const states = filter.states ?? openStates
  const runs: QueueRow[][] = []
  for (const state of states) runs.push(await queueRun(db, state, filter))
  const merged = runs
    .flat()
    .sort((a, b) => a.priority - b.priority || a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const page = merged.slice(0, filter.limit)
  const more = merged.length > filter.limit
  const last = page[page.length - 1]
  return {
    cases: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      school: r.school,
      level: r.level,
      scorerLevel: r.scorerLevel,
      state: r.state,
      escalated: r.escalated,
      assigneeId: r.assigneeId,
      categories: categoriesOf(r.categoryMask),
      firstResponseDueAt: new Date(r.due).toISOString(),
      resolutionDueAt: r.resolutionDue === null ? null : new Date(r.resolutionDue).toISOString(),
      ...flagsOf(r, filter.now),
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    nextCursor: more && last ? encodeCursor({ priority: last.priority, due: last.due, id: last.id }) : null,
    counts: await cachedLevelCounts(db, filter.schoolId),
  }
}

interface QueueRow {
  id: string
  reference: string
  school: string
  level: Level
  scorerLevel: Level
  priority: number
  state: CaseState
  escalated: boolean
  assigneeId: string | null
  categoryMask: number
  due: number
  resolutionDue: number | null
  createdAt: number
}

function flagsOf(r: QueueRow, now: Date) {
  const flags = deadlineFlags({ state: r.state, firstResponseDueAt: new Date(r.due), resolutionDueAt: r.resolutionDue === null ? null : new Date(r.resolutionDue) }, now)
  return { nextDueAt: flags.nextDueAt?.toISOString() ?? null, overdue: flags.overdue, dueWithinHour: flags.dueWithinHour }
}

async function queueRun(db: Db, state: CaseState, filter: QueueFilter): Promise<QueueRow[]> {
  const where: SQL[] = [sql`c.state = ${state}`]
  if (filter.schoolId !== undefined) where.push(sql`c.school_id = ${filter.schoolId}`)
  if (filter.level) where.push(sql`c.priority = ${levels.indexOf(filter.level)}`)
  if (filter.category) where.push(sql`(c.category_mask & ${1 << categories.indexOf(filter.category)}) != 0`)
  // The same rules as deadlineFlags (src/cases/deadlines.ts), evaluated in the database.
  const t = filter.now.getTime()
  const overdue = sql`((c.state = 'new' and c.first_response_due_at <= ${t}) or c.resolution_due_at <= ${t})`
  const soon = sql`((c.state = 'new' and c.first_response_due_at <= ${t + DUE_SOON_MS}) or c.resolution_due_at <= ${t + DUE_SOON_MS})`
  if (filter.overdue) where.push(overdue)
  if (filter.dueSoon) where.push(sql`not ${overdue} and ${soon}`)
  if (filter.assigneeId) where.push(sql`c.assignee_id = ${filter.assigneeId}`)
  if (filter.cursor) {
    const { priority, due, id } = filter.cursor
    where.push(sql`(c.priority, c.first_response_due_at, c.id) > (${priority}, ${due}, ${id})`)
  }
  const rows = await db.all<{
    id: string
    reference: string
    school: string
    level: Level
    scorer_level: Level
    priority: number
    state: CaseState
    escalated: number
    assignee_id: string | null
    category_mask: number
    due: number
    resolution_due: number | null
    created_at: number
  }>(sql`select c.id, c.reference, s.code as school, c.level, c.scorer_level, c.priority, c.state, c.escalated, c.assignee_id,
      c.category_mask, c.first_response_due_at as due, c.resolution_due_at as resolution_due, c.created_at
    from cases c join schools s on s.id = c.school_id
    where ${sql.join(where, sql` and `)}
    order by c.priority, c.first_response_due_at, c.id
    limit ${filter.limit + 1}`)
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    school: r.school,
    level: r.level,
    scorerLevel: r.scorer_level,
    priority: r.priority,
    state: r.state,
    escalated: r.escalated === 1,
    assigneeId: r.assignee_id,
    categoryMask: r.category_mask,
    due: r.due,
    resolutionDue: r.resolution_due,
    createdAt: r.created_at,
  }))
}

/**
 * The per-level counts of each queue scope, remembered with the ledger head they were counted at. Every
 * change to a case's state or level writes a ledger event, so while the head stands still the counts
 * cannot have changed: a district's 50,000 open cases are counted once per change, not once per refresh
 * of every counselor's queue.
 */
const countsByScope = perDatabase(() => new Map<string, { head: number; counts: Record<Level, number> }>())

async function cachedLevelCounts(db: Db, schoolId: number | undefined): Promise<Record<Level, number>> {
  const [row] = await db.all<{ head: number | null }>(sql`select max(seq) as head from events`)
  const head = row?.head ?? 0
  const scopes = countsByScope(db)
  const key = String(schoolId ?? 'district')
  const known = scopes.get(key)
  if (known && known.head === head) return { ...known.counts }
  const counts = await levelCounts(db, schoolId)
  scopes.set(key, { head, counts })
  return { ...counts }
}

/**
 * Open cases per level. One query per open state, each an index range walked in priority order: with
 * `state IN (…)` SQLite groups through a temporary B-tree, ~4× slower over a district's 50,000 open cases.
 */
async function levelCounts(db: Db, schoolId: number | undefined): Promise<Record<Level, number>> {
  const scope = schoolId === undefined ? sql`` : sql`school_id = ${schoolId} and `
  const counts = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const state of openStates) {
    const rows = await db.all<{ priority: number; n: number }>(
      sql`select priority, count(*) as n from cases where ${scope}state = ${state} group by priority`,
    )
    for (const r of rows) counts[levels[r.priority] ?? 'low'] += r.n
  }
  return counts
}

/** A scorer's signal on the case page: the stored span, and the words it covers cut out of the unsealed text. */
export interface SignalView {
  id: string
  category: Category
  weight: number
  start: number
  end: number
  text: string
}

/**
 * Everything a counselor needs on one page: the tips (unsealed, with their signals' words), who reported
 * and how, linked tips, the conversation with each reporter, notes, the case's full ledger, deadlines and
 * the actions its state allows.
 *
 * @example
 * await caseView(db, keys, row, new Date())
 */
function caseFlags(row: CaseRow, now: Date) {
  const flags = deadlineFlags(row, now)
  return { nextDueAt: flags.nextDueAt?.toISOString() ?? null, overdue: flags.overdue, dueWithinHour: flags.dueWithinHour }
}

export async function caseView(db: Db, keys: Keys, row: CaseRow, now: Date) {
  const [ownTips, linkedTips, messageRows, noteRows, eventRows, linkedInto, people] = await Promise.all([
    tipsWhere(db, eq(tips.caseId, row.id)),
    db
      .select({ tipId: caseLinks.tipId })
      .from(caseLinks)
      .where(eq(caseLinks.caseId, row.id))
      .then((links) => (links.length === 0 ? [] : tipsWhere(db, inArray(tips.id, links.map((l) => l.tipId))))),
    db.select().from(messages).where(eq(messages.caseId, row.id)).orderBy(asc(messages.createdAt), asc(messages.id)),
    db.select().from(caseNotes).where(eq(caseNotes.caseId, row.id)).orderBy(asc(caseNotes.createdAt), asc(caseNotes.id)),
    db.select().from(events).where(eq(events.caseId, row.id)).orderBy(asc(events.seq)),
    db
      .select({ caseId: caseLinks.caseId, reference: cases.reference })
      .from(caseLinks)
      .innerJoin(tips, eq(tips.id, caseLinks.tipId))
      .innerJoin(cases, eq(cases.id, caseLinks.caseId))
      .where(eq(tips.caseId, row.id)),
    db.select({ id: staff.id, email: staff.email }).from(staff),
  ])
  const emails = new Map(people.map((p) => [p.id, p.email]))
  const who = (actor: string) => emails.get(actor) ?? actor
  return {
    case: {
      id: row.id,
      reference: row.reference,
      school: row.schoolCode,
      level: row.level,
      scorerLevel: row.scorerLevel,
      state: row.state,
      escalated: row.escalated,
      assignee: row.assigneeId ? { id: row.assigneeId, email: who(row.assigneeId) } : null,
      categories: categoriesOf(row.categoryMask),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      firstResponseDueAt: row.firstResponseDueAt.toISOString(),
      resolutionDueAt: row.resolutionDueAt?.toISOString() ?? null,
      ...caseFlags(row, now),
      escalatedTo: row.escalatedTo ?? [],
      districtEscalatedAt: row.districtEscalatedAt?.toISOString() ?? null,
      callDownStep: row.callDownStep,
      followUpDueAt: row.followUpDueAt?.toISOString() ?? null,
      followUpDoneAt: row.followUpDoneAt?.toISOString() ?? null,
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      version: row.version,
    },
    allowedActions: allowedActions(row.state),
    tips: await Promise.all(ownTips.map((t) => tipView(keys, t))),
    linkedTips: await Promise.all(linkedTips.map((t) => tipView(keys, t))),
    linkedInto,
    /** Tips of the same school naming the same child, class or place (early warning), with the shared words. */
    related: await relatedTipsOfCase(db, keys, row.id),
    messages: await Promise.all(
      messageRows.map(async (m) => ({
        id: m.id,
        tipId: m.tipId,
        from: m.direction === 'reporter' ? 'reporter' : who(m.authorId ?? ''),
        direction: m.direction,
        text: await unseal(keys, messageContext(m.id), m),
        createdAt: m.createdAt.toISOString(),
      })),
    ),
    notes: await Promise.all(
      noteRows.map(async (n) => ({
        id: n.id,
        kind: n.kind,
        author: who(n.authorId),
        text: await unseal(keys, noteContext(n.id), n),
        createdAt: n.createdAt.toISOString(),
      })),
    ),
    ledger: eventRows.map((e) => ({
      seq: e.seq,
      time: e.createdAt.toISOString(),
      actor: e.actor,
      actorName: who(e.actor),
      action: e.action,
      payload: JSON.parse(e.payload) as unknown,
      hash: e.hash,
    })),
  }
}

/**
 * The additional data a case note is sealed with: binds the ciphertext to its row.
 *
 * @example
 * noteContext('0190…') // 'note:0190…'
 */
export function noteContext(noteId: string): string {
  return `note:${noteId}`
}

type TipRow = typeof tips.$inferSelect & { informantLabel: string | null }

async function tipsWhere(db: Db, where: SQL | undefined): Promise<TipRow[]> {
  const rows = await db
    .select({ tip: tips, informantLabel: informantCodes.label })
    .from(tips)
    .leftJoin(informantCodes, eq(informantCodes.id, tips.informantCodeId))
    .where(and(where))
    .orderBy(asc(tips.createdAt), asc(tips.id))
  return rows.map((r) => ({ ...r.tip, informantLabel: r.informantLabel }))
}

async function tipView(keys: Keys, tip: TipRow) {
  const { text, when } = JSON.parse(await unseal(keys, tipContext(tip.id), tip)) as { text: string; when?: string }
  return {
    id: tip.id,
    caseId: tip.caseId,
    text,
    when: when ?? null,
    where: tip.place,
    ongoing: tip.ongoing,
    reporter: tip.reporter,
    channel: tip.channel,
    informant: tip.informantCodeId === null ? null : { status: 'registered informant', label: tip.informantLabel },
    lang: tip.lang,
    level: tip.level,
    score: tip.score,
    categories: tip.categories,
    reporterCategories: tip.reporterCategories,
    signals: tip.signals.map((s): SignalView => ({ ...s, text: text.slice(s.start, s.end) })),
    scorerVersion: tip.scorerVersion,
    createdAt: tip.createdAt.toISOString(),
  }
}
