import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { policies } from '../auth/policies'
import { requireStaff } from '../auth/require-staff'
import { validate } from '../http/validate'
import { EMPTY_HEAD, verifyChain } from './chain'
import { readChainHead, readEvents } from './ledger'

/** Events read and checked per step, so a long ledger is verified in bounded memory. */
const VERIFY_PAGE = 10_000

export const verifyQuery = z.object({
  /** A head recorded earlier (`GET /api/ledger/head`): the event at `seq` must still have this `hash`. */
  seq: z.coerce.number().int().min(1).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters').optional(),
})

/**
 * `GET /api/ledger/verify` re-walks the whole chain from the genesis hash: `{ ok, events, head }`, or
 * `{ ok: false, events, firstBadEvent: { seq, problem } }` at the first event that does not recompute,
 * does not point at the one before, or follows a gap. With `?seq=&hash=` (a head recorded earlier) it also
 * proves that nothing up to that event was rewritten since. `GET /api/ledger/head` gives the head to
 * record. Both for district admins only.
 */
export const ledgerRoutes = new Hono<AppEnv>()
  .get('/verify', requireStaff(policies.administration), validate('query', verifyQuery), async (c) => {
    const { db } = c.get('services')
    const anchor = c.req.valid('query')
    let head = EMPTY_HEAD
    let count = 0
    let anchorHash: string | undefined
    for (;;) {
      const page = await readEvents(db, head.seq + 1, VERIFY_PAGE)
      if (page.length === 0) break
      const verdict = verifyChain(page, head)
      if (!verdict.ok) {
        return c.json({ ok: false, events: count + page.findIndex((e) => e.seq === verdict.seq), firstBadEvent: { seq: verdict.seq, problem: verdict.problem } })
      }
      if (anchor.seq !== undefined) anchorHash ??= page.find((e) => e.seq === anchor.seq)?.hash
      count += verdict.count
      head = verdict.head
    }
    if (anchor.seq !== undefined && anchor.hash !== undefined && anchorHash !== anchor.hash) {
      return c.json({ ok: false, events: count, head, firstBadEvent: { seq: anchor.seq, problem: 'anchor_mismatch' } })
    }
    return c.json({ ok: true, events: count, head })
  })
  .get('/head', requireStaff(policies.administration), async (c) => {
    const { db, now } = c.get('services')
    return c.json({ head: await readChainHead(db), at: now().toISOString() })
  })
