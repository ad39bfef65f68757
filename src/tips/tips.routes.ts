import { Hono } from 'hono'
import * as z from 'zod'
import type { AppEnv } from '../app-env'
import { deadlinePolicy } from '../config'
import { lookupHash } from '../crypto/keys'
import { seal } from '../crypto/seal'
import { newId } from '../db/ids'
import { ApiError } from '../http/errors'
import { limitRequests } from '../http/rate-limit'
import { validate } from '../http/validate'
import { findInformant } from '../informants/informants'
import { findSchool } from '../schools/schools'
import { caseLink } from '../notify/outbox'
import { loadAudience } from '../notify/targets'
import { scoreRequest } from '../scoring/score.routes'
import { categories, reporterKinds } from '../scoring/types'
import { openCaseForTip, tipContext } from './intake'
import { detectLanguage } from './language'
import { newReceipt } from './receipt'
import { helpFor, nextSteps } from './reporter-text'
import { scoreForIntake } from './score-for-intake'
import { MAX_WHEN_CHARS, places } from './tip-fields'
import { committed } from './writes'
import { earlyWarningFor } from '../warning/intake-warning'

export const tipRequest = z.object({
  school: z.string().trim().min(1, 'must not be empty').max(32),
  text: scoreRequest.shape.text,
  reporter: z.enum(reporterKinds),
  categories: z
    .array(z.enum(categories))
    .max(categories.length)
    .transform((list) => [...new Set(list)])
    .optional(),
  where: z.enum(places).optional(),
  when: z.string().trim().max(MAX_WHEN_CHARS, `must be at most ${MAX_WHEN_CHARS} characters`).optional(),
  ongoing: z.boolean().optional(),
  informantCode: z.string().trim().min(1, 'must not be empty').max(64).optional(),
})

/**
 * `POST /api/tips`: an anonymous tip in, a receipt out. The reporter never sees the score; when the tip
 * shows self-harm or immediate danger the answer carries `help` for right now, in the tip's language.
 */
export const tipRoutes = new Hono<AppEnv>().post('/', limitRequests('tips'), validate('json', tipRequest), async (c) => {
  const services = c.get('services')
  const { db, keys, writer, now } = services
  const input = c.req.valid('json')

  const [school, informantCodeId] = await Promise.all([
    findSchool(db, input.school, now().getTime()),
    input.informantCode === undefined ? undefined : findInformant(db, keys, input.informantCode),
  ])
  if (!school) throw new ApiError(400, 'unknown_school', 'There is no school with this code', 'school')
  if (input.informantCode !== undefined && informantCodeId === undefined) {
    throw new ApiError(400, 'unknown_informant_code', 'This informant code is not registered', 'informantCode')
  }

  const score = scoreForIntake(input.text, input.reporter, services.log)
  const at = now()
  const tipId = newId(at)
  const receipt = newReceipt()
  const lang = detectLanguage(input.text)
  const caseId = newId(at)
  const [receiptHash, sealed, earlyWarning] = await Promise.all([
    lookupHash(keys, 'receipt', receipt.code),
    seal(keys.data, tipContext(tipId), JSON.stringify({ text: input.text, when: input.when })),
    earlyWarningFor(services, { text: input.text, tipId, caseId, schoolId: school.id, level: score.level, at }),
  ])
  const level = earlyWarning?.raise?.to ?? score.level
  // Only a critical tip reads its alert audience: ordinary intake pays nothing for alerts.
  const audience = level === 'critical' ? await loadAudience(db, services.config, school.id) : undefined

  const { reference } = await committed(
    services,
    writer.submit(
      openCaseForTip({
        tipId,
        caseId,
        school,
        receiptHash,
        reporter: input.reporter,
        place: input.where,
        ongoing: input.ongoing,
        informantCodeId,
        reporterCategories: input.categories,
        lang,
        score,
        sealed,
        at,
        policy: deadlinePolicy(services.config),
        earlyWarning,
        alerts: audience && {
          audience,
          link: (reference) => caseLink(services.config, reference),
          callDownMs: services.config.CALL_DOWN_MINUTES * 60_000,
        },
      }),
    ),
  )

  const help = helpFor(lang, score)
  return c.json({ receipt: receipt.shown, reference, nextSteps: nextSteps(lang), ...(help ? { help } : {}) }, 201)
})
