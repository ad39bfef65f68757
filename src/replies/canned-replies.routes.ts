import { asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { policies } from '../auth/policies'
import { requireStaff } from '../auth/require-staff'
import { cannedReplies } from '../db/schema'
import { ApiError } from '../http/errors'
import { validate } from '../http/validate'
import { languages } from '../tips/tip-fields'

export const cannedReplyRequest = z.object({
  lang: z.enum(languages),
  title: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(2000),
})

/** Reading canned replies: anyone who messages reporters. */
const readReplies = { roles: ['counselor', 'district_admin'], scope: 'any' } as const

/**
 * Canned replies to reporters, per language. `GET /api/canned-replies[?lang=zh]` for anyone who works
 * cases; `POST`, `PUT /:id`, `DELETE /:id` for district admins. Not case state, so no ledger events.
 */
export const cannedReplyRoutes = new Hono<AppEnv>()
  .get('/', requireStaff(readReplies), validate('query', z.object({ lang: z.enum(languages).optional() })), async (c) => {
    const { db } = c.get('services')
    const { lang } = c.req.valid('query')
    const rows = await db
      .select({ id: cannedReplies.id, lang: cannedReplies.lang, title: cannedReplies.title, text: cannedReplies.text })
      .from(cannedReplies)
      .where(lang ? eq(cannedReplies.lang, lang) : undefined)
      .orderBy(asc(cannedReplies.lang), asc(cannedReplies.id))
    return c.json({ cannedReplies: rows })
  })
  .post('/', requireStaff(policies.administration), validate('json', cannedReplyRequest), async (c) => {
    const { db, now } = c.get('services')
    const at = now()
    const [row] = await db
      .insert(cannedReplies)
      .values({ ...c.req.valid('json'), updatedBy: c.get('staff').id, createdAt: at, updatedAt: at })
      .returning({ id: cannedReplies.id })
    return c.json({ id: row!.id, ...c.req.valid('json') }, 201)
  })
  .put('/:id', requireStaff(policies.administration), validate('json', cannedReplyRequest), async (c) => {
    const { db, now } = c.get('services')
    const [row] = await db
      .update(cannedReplies)
      .set({ ...c.req.valid('json'), updatedBy: c.get('staff').id, updatedAt: now() })
      .where(eq(cannedReplies.id, Number(c.req.param('id')) || 0))
      .returning({ id: cannedReplies.id })
    if (!row) throw new ApiError(404, 'unknown_reply', 'There is no canned reply with this id')
    return c.json({ id: row.id, ...c.req.valid('json') })
  })
  .delete('/:id', requireStaff(policies.administration), async (c) => {
    const [row] = await c
      .get('services')
      .db.delete(cannedReplies)
      .where(eq(cannedReplies.id, Number(c.req.param('id')) || 0))
      .returning({ id: cannedReplies.id })
    if (!row) throw new ApiError(404, 'unknown_reply', 'There is no canned reply with this id')
    return c.json({ deleted: row.id })
  })
