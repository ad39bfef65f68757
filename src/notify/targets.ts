import { sha256 } from '@noble/hashes/sha2.js'
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Config } from '../config'
import { toHex } from '../crypto/bytes'
import type { Db } from '../db/db'
import { perDatabase } from '../db/prepared'
import { notifyTargets, schools } from '../db/schema'
import type { NotifyFormat, Target } from './formats'

/**
 * The district channels of DISTRICT_WEBHOOKS (`format=url …`). Each is named `env:<12 hex of SHA-256(url)>`
 * on outbox rows, so a row still finds its target after the list is reordered, and the URL (the bot's
 * credential) is not copied into every row.
 *
 * @example
 * configTargets({ DISTRICT_WEBHOOKS: 'wecom=https://qyapi…' }) // [{ key: 'env:3f2a…', format: 'wecom', … }]
 */
export function configTargets(config: Pick<Config, 'DISTRICT_WEBHOOKS'>): Target[] {
  return config.DISTRICT_WEBHOOKS.split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=')
      const url = pair.slice(at + 1)
      return {
        key: `env:${toHex(sha256(new TextEncoder().encode(url))).slice(0, 12)}`,
        label: 'district (config)',
        format: pair.slice(0, at) as NotifyFormat,
        url,
        secret: null,
        mention: null,
      }
    })
}

/** Who hears about a school's cases: its channels, its call-down list in order, and the district's channels. */
export interface Audience {
  school: { id: number; code: string; name: string }
  schoolChannels: Target[]
  contacts: Target[]
  districtChannels: Target[]
}

type TargetRow = typeof notifyTargets.$inferSelect

function fromRow(row: TargetRow): Target {
  return { key: `db:${row.id}`, label: row.label, format: row.format, url: row.url, secret: row.secret, mention: row.mention }
}

/** Every critical tip reads its audience on the intake path: built once per database, then only run. */
const audienceQueries = perDatabase((db) => ({
  schoolById: db
    .select({ id: schools.id, code: schools.code, name: schools.name })
    .from(schools)
    .where(eq(schools.id, sql.placeholder('schoolId')))
    .prepare(),
  targetsOf: db
    .select()
    .from(notifyTargets)
    .where(and(eq(notifyTargets.active, true), or(eq(notifyTargets.schoolId, sql.placeholder('schoolId')), isNull(notifyTargets.schoolId))))
    .orderBy(asc(notifyTargets.callOrder), asc(notifyTargets.id))
    .prepare(),
}))

/**
 * The audience of a school's alerts, read when an alert is about to be written (a critical tip, a sweep
 * finding) — rare events, so one indexed read each; a tip below critical never reads it.
 *
 * @example
 * const audience = await loadAudience(db, config, 9)
 */
export async function loadAudience(db: Db, config: Pick<Config, 'DISTRICT_WEBHOOKS'>, schoolId: number): Promise<Audience | undefined> {
  const { schoolById, targetsOf } = audienceQueries(db)
  const school = await schoolById.get({ schoolId })
  if (!school) return undefined
  const rows = await targetsOf.all({ schoolId })
  return {
    school,
    schoolChannels: rows.filter((r) => r.schoolId === schoolId && r.role === 'channel').map(fromRow),
    contacts: rows.filter((r) => r.schoolId === schoolId && r.role === 'contact').map(fromRow),
    districtChannels: [...rows.filter((r) => r.schoolId === null && r.role === 'channel').map(fromRow), ...configTargets(config)],
  }
}

/**
 * The target an outbox row names, or undefined when it has been removed or deactivated since.
 *
 * @example
 * await resolveTarget(db, config, 'db:3')
 */
export async function resolveTarget(db: Db, config: Pick<Config, 'DISTRICT_WEBHOOKS'>, key: string): Promise<Target | undefined> {
  if (key.startsWith('env:')) return configTargets(config).find((t) => t.key === key)
  const id = Number(key.slice('db:'.length))
  if (!Number.isInteger(id)) return undefined
  const [row] = await db.select().from(notifyTargets).where(and(eq(notifyTargets.id, id), eq(notifyTargets.active, true)))
  return row ? fromRow(row) : undefined
}
