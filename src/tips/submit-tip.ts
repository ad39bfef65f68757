import type { Services } from '../app-env'
import { lookupHash } from '../crypto/keys'
import { seal } from '../crypto/seal'
import { newId } from '../db/ids'
import { ApiError } from '../http/errors'
import { findInformant } from '../informants/informants'
import { findSchool } from '../schools/schools'
import type { Category, ReporterKind, ScoreResult } from '../scoring/types'
import { openCaseForTip, tipContext } from './intake'
import { detectLanguage } from './language'
import { newReceipt } from './receipt'
import { scoreForIntake } from './score-for-intake'
import type { Channel, Language, Place } from './tip-fields'
import { committed } from './writes'

/** A tip as either intake route validated it. */
export interface TipInput {
  school: string
  text: string
  reporter: ReporterKind
  categories?: Category[] | undefined
  where?: Place | undefined
  when?: string | undefined
  ongoing?: boolean | undefined
  informantCode?: string | undefined
}

/** What taking a tip in gives back: what the reporter is handed, and what the answer is built from. */
export interface SubmittedTip {
  receipt: string
  reference: string
  caseId: string
  lang: Language
  score: ScoreResult
}

/**
 * The one intake path, shared by the reporter's form (`POST /api/tips`) and staff recording a tip they
 * received (`POST /api/cases/intake`): find the school and informant code, score, seal, hash a fresh
 * receipt, and open the case with its first ledger events in one group-committed batch.
 *
 * @example
 * const { receipt } = await submitTip(services, input, { channel: 'phone', recordedBy: staff.id })
 */
export async function submitTip(
  services: Services,
  input: TipInput,
  { channel = 'web', recordedBy }: { channel?: Channel; recordedBy?: string } = {},
): Promise<SubmittedTip> {
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
  const caseId = newId(at)
  const receipt = newReceipt()
  const lang = detectLanguage(input.text)
  const [receiptHash, sealed] = await Promise.all([
    lookupHash(keys, 'receipt', receipt.code),
    seal(keys.data, tipContext(tipId), JSON.stringify({ text: input.text, when: input.when })),
  ])

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
      }),
    ),
  )
  return { receipt: receipt.shown, reference, caseId, lang, score }
}
