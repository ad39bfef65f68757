import { and, asc, eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { deadlinePolicy } from '../config'
import { policies } from '../auth/policies'
import { type ResourceSchool, requireStaff } from '../auth/require-staff'
import { seal, unseal } from '../crypto/seal'
import { newId } from '../db/ids'
import { caseLinks, caseNotes, events, schools, staff, tips } from '../db/schema'
import { ApiError } from '../http/errors'
import { validate } from '../http/validate'
import { categories, levels } from '../scoring/types'
import { messageContext } from '../tips/followup'
import { helpFor, nextSteps } from '../tips/reporter-text'
import { takeTip } from '../tips/take-tip'
import { staffChannels } from '../tips/tip-fields'
import { tipRequest } from '../tips/tips.routes'
import { committed } from '../tips/writes'
import { type CaseAction, type CaseActionType, caseActionSchema } from './case-action'
import { MAX_QUEUE_PAGE, caseOr404, caseView, decodeCursor, findCase, noteContext, queuePage } from './case-store'
import { type SealedNote, caseActionUnit } from './case-writes'
import { categoryMask } from './category-mask'
import { allowedActions, openStates, transition } from './state-machine'

/** The school of the case named in the path; 404 for an unknown case. */
export const schoolOfCase: ResourceSchool = async (c) => (await caseOr404(c.get('services').db, c.req.param('id') ?? '')).schoolCode

/** The queue's school: the `school` filter, or the caller's own school, or (district reach) the district. */
const schoolOfQueue: ResourceSchool = (c, principal) => {
  const asked = c.req.query('school')
  return asked ? asked.trim().toUpperCase() : principal.school
}

/** The school a recorded tip is for, as typed in the body (validation comes after the access check). */
const schoolOfRecordedTip: ResourceSchool = async (c) => {
  const body = (await c.req.json().catch(() => ({}))) as { school?: unknown }
  return typeof body.school === 'string' ? body.school.trim().toUpperCase() : null
}

const flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true')

export const queueQuery = z.object({
  status: z.enum(openStates).optional(),
  level: z.enum(levels).optional(),
  category: z.enum(categories).optional(),
  school: z.string().trim().min(1).max(32).optional(),
  overdue: flag.optional(),
  /** Not overdue, but a deadline falls within the next hour. */
  due_soon: flag.optional(),
  assigned: z.literal('me').optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_QUEUE_PAGE).default(25),
})

export const recordedTipRequest = tipRequest.extend({ channel: z.enum(staffChannels) })

/** Path segment → action type: the routes say `notes` and `messages`, the ledger `note` and `message`. */
const actionRoutes: Record<string, CaseActionType> = {
  claim: 'claim',
  assign: 'assign',
  acknowledge: 'acknowledge',
  notes: 'note',
  messages: 'message',
  level: 'level',
  escalate: 'escalate',
  link: 'link',
  resolve: 'resolve',
  dismiss: 'dismiss',
  reopen: 'reopen',
}

/** Where each action's free text goes, sealed, in case_notes. */
function noteOf(action: CaseAction): { kind: SealedNote['kind']; text: string } | undefined {
  switch (action.type) {
    case 'note':
      return { kind: 'note', text: action.text }
    case 'level':
    case 'escalate':
    case 'reopen':
      return { kind: 'reason', text: action.reason }
    case 'dismiss':
      return action.detail ? { kind: 'reason', text: action.detail } : undefined
    case 'resolve':
      return { kind: 'summary', text: action.summary }
    default:
      return undefined
  }
}

/** The body of `/:id/<action>` as a full `CaseAction` (the type comes from the path). */
const actionBody = (type: CaseActionType) =>
  z
    .record(z.string(), z.unknown())
    .transform((body) => ({ ...body, type }))
    .pipe(caseActionSchema)

/**
 * The staff side of cases: the queue, the case page, its ledger as CSV, every action, and tips staff
 * record. Every route declares `policies.caseWork`: the case's school's counselors and district admins.
 */
export const caseRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(policies.caseWork, { school: schoolOfQueue }), validate('query', queueQuery), async (c) => {
    const { db, now } = c.get('services')
    const me = c.get('staff')
    const q = c.req.valid('query')
    let schoolId = me.school === null ? undefined : (me.schoolId ?? undefined)
    if (q.school) {
      const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.code, q.school.toUpperCase())).limit(1)
      if (!row) throw new ApiError(400, 'unknown_school', 'There is no school with this code', 'school')
      schoolId = row.id
    }
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor)
    if (cursor === null) throw new ApiError(400, 'invalid_input', '"cursor" is not a cursor this queue gave out', 'cursor')
    const page = await queuePage(db, {
      schoolId,
      states: q.status ? [q.status] : undefined,
      level: q.level,
      category: q.category,
      overdue: q.overdue,
      dueSoon: q.due_soon,
      assigneeId: q.assigned === 'me' ? me.id : undefined,
      cursor,
      limit: q.limit,
      now: now(),
    })
    return c.json(page)
  })
  .post(
    '/intake',
    requireStaff(policies.caseWork, { school: schoolOfRecordedTip }),
    validate('json', recordedTipRequest),
    async (c) => {
      const { channel, ...input } = c.req.valid('json')
      const submitted = await takeTip(c.get('services'), input, { channel, recordedBy: c.get('staff').id })
      const help = helpFor(submitted.lang, submitted.score)
      return c.json(
        {
          caseId: submitted.caseId,
          reference: submitted.reference,
          level: submitted.score.level,
          // For the staff member to hand over (read out, write down): the reporter's only way back.
          receipt: submitted.receipt,
          nextSteps: nextSteps(submitted.lang),
          ...(help ? { help } : {}),
        },
        201,
      )
    },
  )
  .get('/:id', requireStaff(policies.caseWork, { school: schoolOfCase }), async (c) => {
    const { db, keys, now } = c.get('services')
    const row = await caseOr404(db, c.req.param('id'))
    return c.json(await caseView(db, keys, row, now()))
  })
  .get('/:id/ledger.csv', requireStaff(policies.caseWork, { school: schoolOfCase }), async (c) => {
    const { db } = c.get('services')
    const row = await caseOr404(db, c.req.param('id'))
    const csv = await caseLedgerCsv(c, row.id)
    c.header('Content-Disposition', `attachment; filename="ledger-${row.reference}.csv"`)
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })

// One route per action (`POST /:id/claim`, `/:id/notes`, …), each validating its own body.
for (const [segment, type] of Object.entries(actionRoutes)) {
  caseRoutes.post(
    `/:id/${segment}`,
    requireStaff(policies.caseWork, { school: schoolOfCase }),
    validate('json', actionBody(type)),
    async (c) => act(c, c.req.valid('json')),
  )
}

async function act(c: Context<AppEnv, '/:id/*'>, action: CaseAction): Promise<Response> {
  const done = await performCaseAction(c, c.req.param('id') ?? '', action)
  const { updated, note, message } = done
  const created = action.type === 'note' || action.type === 'message'
  return c.json(
    {
      case: { id: updated.id, state: updated.state, level: updated.level, escalated: updated.escalated, assigneeId: updated.assigneeId, version: updated.version },
      allowedActions: allowedActions(updated.state),
      ...(note ? { noteId: note.id } : {}),
      ...(message ? { messageId: message.id } : {}),
    },
    created ? 201 : 200,
  )
}

/**
 * Runs one case action for the signed-in staff member (`c.get('staff')`): checks the state machine, seals
 * any text, writes the action and its ledger event in one batch. Throws the API's errors (404, 409
 * `action_not_allowed` / `conflict`, 400 for an unknown assignee, tip or duplicate). Shared by the JSON
 * routes and the staff pages' form posts.
 *
 * @example
 * const { updated } = await performCaseAction(c, caseId, { type: 'acknowledge' })
 */
export async function performCaseAction(c: Context<AppEnv>, caseId: string, action: CaseAction) {
  const services = c.get('services')
  const { db, keys, writer, now } = services
  const me = c.get('staff')
  const row = await caseOr404(db, caseId)
  const verdict = transition(row.state, action)
  if (!verdict.ok) {
    throw new ApiError(409, 'action_not_allowed', `A ${row.state} case does not allow "${action.type}"`, undefined, {
      state: row.state,
      allowed: verdict.allowed,
    })
  }
  const at = now()
  let message: { id: string; tipId: string; sealed: Awaited<ReturnType<typeof seal>> } | undefined
  let link: { tipId: string; fromCaseId: string; categoryMask: number } | undefined
  if (action.type === 'assign') await checkAssignee(c, row.schoolId, action.to)
  if (action.type === 'dismiss' && action.duplicateOf !== undefined) {
    const other = await findCase(db, action.duplicateOf)
    if (!other || other.schoolId !== row.schoolId || other.id === row.id) {
      throw new ApiError(400, 'unknown_case', 'duplicateOf must name another case of the same school', 'duplicateOf')
    }
  }
  if (action.type === 'message') {
    const [tip] = await db
      .select({ id: tips.id })
      .from(tips)
      .where(action.tipId ? and(eq(tips.id, action.tipId), eq(tips.caseId, row.id)) : eq(tips.caseId, row.id))
      .orderBy(asc(tips.createdAt), asc(tips.id))
      .limit(1)
    if (!tip) throw new ApiError(400, 'unknown_tip', 'This case has no tip with that id', 'tipId')
    const id = newId(at)
    message = { id, tipId: tip.id, sealed: await seal(keys, messageContext(id), action.text) }
  }
  if (action.type === 'link') link = await linkTarget(c, row, action.tipId)
  const text = noteOf(action)
  let note: SealedNote | undefined
  if (text) {
    const id = newId(at)
    note = { id, kind: text.kind, sealed: await seal(keys, noteContext(id), text.text) }
  }

  try {
    const policy = deadlinePolicy(c.get('services').config)
    await writer.submit(caseActionUnit(db, { row, action, next: verdict.next, actorId: me.id, at, note, message, link, policy }))
  } catch (error) {
    const current = await findCase(db, row.id)
    if (current && current.version !== row.version) {
      throw new ApiError(409, 'conflict', 'Someone else acted on this case just now. Reload it and try again.', undefined, {
        state: current.state,
        allowed: allowedActions(current.state),
      })
    }
    await committed(services, Promise.reject(error))
  }
  const updated = await caseOr404(db, row.id)
  return { updated, note, message }
}

/** An assignee must be an active account that can work this school's cases. */
async function checkAssignee(c: Context<AppEnv>, schoolId: number, id: string): Promise<void> {
  const [person] = await c
    .get('services')
    .db.select({ role: staff.role, schoolId: staff.schoolId, disabled: staff.disabled })
    .from(staff)
    .where(eq(staff.id, id))
    .limit(1)
  const fits = person && !person.disabled && ((person.role === 'counselor' && person.schoolId === schoolId) || person.role === 'district_admin')
  if (!fits) throw new ApiError(400, 'unknown_assignee', 'Assign to a counselor of this school or a district admin', 'to')
}

/** The tip to link: of the same school, not already this case's own or linked to it. */
async function linkTarget(c: Context<AppEnv>, row: { id: string; schoolId: number }, tipId: string) {
  const { db } = c.get('services')
  const [tip] = await db
    .select({ id: tips.id, caseId: tips.caseId, schoolId: tips.schoolId, categories: tips.categories })
    .from(tips)
    .where(eq(tips.id, tipId))
    .limit(1)
  if (!tip || tip.schoolId !== row.schoolId) throw new ApiError(400, 'unknown_tip', 'There is no tip with this id at this school', 'tipId')
  if (tip.caseId === row.id) throw new ApiError(409, 'already_linked', 'This tip already belongs to this case', 'tipId')
  const [existing] = await db
    .select({ tipId: caseLinks.tipId })
    .from(caseLinks)
    .where(and(eq(caseLinks.caseId, row.id), eq(caseLinks.tipId, tipId)))
    .limit(1)
  if (existing) throw new ApiError(409, 'already_linked', 'This tip is already linked to this case', 'tipId')
  return { tipId: tip.id, fromCaseId: tip.caseId, categoryMask: categoryMask(tip.categories) }
}

const CSV_COLUMNS = ['seq', 'time', 'actor', 'action', 'payload', 'text', 'prev_hash', 'hash'] as const

/**
 * One case's ledger as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read Chinese correctly):
 * every event with its hashes, the actor's email, and the unsealed text of the note, reason or summary
 * it names, so the print-out reads on its own in a meeting.
 */
async function caseLedgerCsv(c: Context<AppEnv>, caseId: string): Promise<string> {
  const { db, keys } = c.get('services')
  const [rows, notes, people] = await Promise.all([
    db.select().from(events).where(eq(events.caseId, caseId)).orderBy(asc(events.seq)),
    db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)),
    db.select({ id: staff.id, email: staff.email }).from(staff),
  ])
  const texts = new Map(await Promise.all(notes.map(async (n) => [n.id, await unseal(keys, noteContext(n.id), n)] as const)))
  const emails = new Map(people.map((p) => [p.id, p.email]))
  const lines = [CSV_COLUMNS.join(',')]
  for (const e of rows) {
    const payload = JSON.parse(e.payload) as Record<string, unknown>
    const text = ['note', 'reason', 'summary']
      .map((k) => (typeof payload[k] === 'string' ? texts.get(payload[k]) : undefined))
      .filter(Boolean)
      .join(' ')
    const cells = [String(e.seq), e.createdAt.toISOString(), emails.get(e.actor) ?? e.actor, e.action, e.payload, text, e.prevHash, e.hash]
    lines.push(cells.map(csvCell).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/**
 * A CSV cell: quoted when it must be, and a leading =, +, - or @ defused so a spreadsheet does not run it
 * as a formula (CSV injection) — staff text ends up in these files.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

