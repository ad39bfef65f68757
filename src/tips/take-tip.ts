import * as z from 'zod'
import type { Services } from '../app-env'
import { deadlinePolicy } from '../config'
import { lookupHash } from '../crypto/keys'
import { seal } from '../crypto/seal'
import { newId } from '../db/ids'
import { ApiError } from '../http/errors'
import { findInformant } from '../informants/informants'
import { caseLink } from '../notify/outbox'
import { loadAudience } from '../notify/targets'
import { findSchool } from '../schools/schools'
import { scoreRequest } from '../scoring/score.routes'
import { categories, reporterKinds, type ScoreResult } from '../scoring/types'
import { openCaseForTip, tipContext } from './intake'
import { detectLanguage } from './language'
import { newReceipt } from './receipt'
import { needsHelpNow } from './reporter-text'
import { scoreForIntake } from './score-for-intake'
import { type Channel, type Language, MAX_WHEN_CHARS, places } from './tip-fields'
import { earlyWarningFor } from '../warning/intake-warning'
import { committed } from './writes'

/** A tip as a reporter sends it, from the JSON API or the web form (after the form's strings are read). */
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
export type TipRequest = z.infer<typeof tipRequest>

/**
 * What taking a tip gives back. A reporter's channel shows only the receipt, reference, next steps and
 * help — never the level or the score, which are here for staff recording a tip.
 */
export interface TakenTip {
  /** The receipt as shown (`XXXX-XXXX-XXXX-XXXX`); exists only in this answer. */
  receipt: string
  reference: string
  caseId: string
  /** The tip's language, detected from its text. */
  lang: Language
  /** Whether to show help for right now (self-harm or immediate danger), without saying why. */
  needsHelp: boolean
  score: ScoreResult
}

/** How a tip arrived: the reporter's own form by default, or recorded by a staff member. */
export interface TipSource {
  channel?: Channel
  /** The staff member who recorded it (phone, in person, 12355). */
  recordedBy?: string
}

/**
 * Takes one anonymous tip: checks the school and informant code, scores it, seals its text, hashes a fresh
 * receipt, looks for earlier tips about the same child, class or place, and commits the case, the tip, its
 * first ledger events and, for a critical case, its alerts in one batch. The one intake path: `POST
 * /api/tips`, the web form and staff recording a tip (`POST /api/cases/intake`) all take a tip this way. Throws ApiError (400 unknown school or
 * informant code, 503 not saved); a caller maps those to JSON or to a message on the page.
 *
 * @example
 * const { receipt, reference } = await takeTip(services, tipRequest.parse(body))
 */
export async function takeTip(
  services: Services,
  input: TipRequest,
  { channel = 'web', recordedBy }: TipSource = {},
): Promise<TakenTip> {
  const { db, keys, writer, now } = services
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
    seal(keys, tipContext(tipId), JSON.stringify({ text: input.text, when: input.when })),
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
        channel,
        recordedBy,
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
  return { receipt: receipt.shown, reference, caseId, lang, needsHelp: needsHelpNow(score), score }
}
