import type { Services } from '../app-env'
import type { Write } from '../db/insert-rows'
import type { Level } from '../scoring/types'
import { MAX_RELATED, earlyWarningRows, findRelatedTips, hashTerms, repetitionRaise } from './early-warning'
import { extractTerms } from './terms'

const DAY = 24 * 60 * 60_000

/**
 * Early warning for a tip being taken in: extract its names, classes and places (in memory), hash them,
 * find the school's open or recent tips sharing any, and decide a raise for repetition. Returns the rows
 * for the intake batch, or undefined when the text names nothing. Never fails intake: a child must never
 * be turned away by this, so an error is logged (without text) and the tip is taken without it.
 *
 * @example
 * const earlyWarning = await earlyWarningFor(services, { text, tipId, caseId, schoolId, level, at })
 */
export async function earlyWarningFor(
  services: Pick<Services, 'db' | 'keys' | 'config' | 'log'>,
  tip: { text: string; tipId: string; caseId: string; schoolId: number; level: Level; at: Date },
): Promise<{ writes: Write[]; raise?: { from: Level; to: Level; tips: number; related: string[] } | undefined } | undefined> {
  try {
    const terms = extractTerms(tip.text)
    if (terms.length === 0) return undefined
    const hashed = await hashTerms(services.keys, tip.schoolId, terms)
    const since = new Date(tip.at.getTime() - services.config.EARLY_WARNING_DAYS * DAY)
    const related = await findRelatedTips(services.db, tip.schoolId, hashed, since)
    const names = hashed.filter((t) => t.kind === 'name')
    // The link list keeps the most recent tips sharing any term; when it is full, a busy place or class may
    // have crowded out an earlier tip naming the same child, so the repetition count reads names alone.
    const sameNames =
      names.length === 0 || related.length < MAX_RELATED ? related : await findRelatedTips(services.db, tip.schoolId, names, since)
    const raise = repetitionRaise(tip.level, sameNames, names.map((t) => t.hash), services.config.EARLY_WARNING_RAISE_AT)
    return {
      writes: earlyWarningRows({ tipId: tip.tipId, caseId: tip.caseId, schoolId: tip.schoolId, at: tip.at }, hashed, related),
      raise: raise && { ...raise, related: sameNames.filter((r) => r.names.length > 0).map((r) => r.reference) },
    }
  } catch (error) {
    services.log({ level: 'error', msg: 'early warning failed; tip taken without it', error: error instanceof Error ? error.name : 'unknown' })
    return undefined
  }
}
