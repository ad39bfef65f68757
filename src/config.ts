import * as z from 'zod'
import { fromBase64 } from './auth/base64'
import { type DeadlinePolicy, parseLevelDurations, rubricDeadlines } from './cases/deadlines'
import type { Level } from './scoring/types'

/** A yes/no setting written the way people write it in an env file. */
const flag = (fallback: '0' | '1') =>
  z
    .enum(['0', '1', 'true', 'false'])
    .default(fallback)
    .transform((v) => v === '1' || v === 'true')

/** A secret of at least 32 random bytes, given as standard base64 (`openssl rand -base64 32`). */
const secret = z
  .string()
  .trim()
  .refine((v) => {
    const bytes = fromBase64(v)
    return bytes !== null && bytes.length >= 32
  }, 'must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`)')

/**
 * A positive whole number of requests; also accepts `0`, which switches that one limit off.
 * Kept separate from RATE_LIMITS so an operator can relax one route without dropping the rest.
 */
const perWindow = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback)

/** Per-level durations like `critical=15m,high=4h` over the rubric's; unnamed levels keep the rubric's. */
const levelDurations = (base: Record<Level, number>) =>
  z
    .string()
    .trim()
    .default('')
    .transform((text, ctx) => {
      const parsed = parseLevelDurations(text, base)
      if (parsed.ok) return parsed.value
      ctx.addIssue({ code: 'custom', message: parsed.message })
      return z.NEVER
    })

/**
 * Every setting Tipline reads, validated once at the edge of the process. A host passes its environment
 * (process.env on Node, bindings on Workers) and gets a typed object or a message naming the bad setting.
 */
const configSchema = z.object({
  /** 0 asks the OS for a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Interface the Node host listens on; unset means every interface. */
  HOST: z.string().trim().min(1).optional(),
  /** Public base URL, used in links (posters, notifications). */
  PUBLIC_URL: z.url().optional(),
  /** Request log lines on stdout; off for quiet tests and benchmarks. */
  LOG_REQUESTS: flag('1'),

  /** Where the Node host keeps the embedded database and the generated keys. */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** `file:` (embedded libSQL) or a remote `libsql:` / `http(s):` / `ws(s):` URL. Unset: `file:<DATA_DIR>/tipline.db`. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(file|libsql|https?|wss?):/, 'must start with file:, libsql:, http(s): or ws(s):')
    .optional(),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
  /** Seed a demo district on an empty database. */
  TIPLINE_DEMO: flag('1'),

  /**
   * AES-256-GCM key for tip text and messages at rest. Optional here because the Node host generates a
   * local one into DATA_DIR on first start; the app itself refuses to start without one.
   */
  DATA_KEY: z
    .string()
    .trim()
    .refine((v) => fromBase64(v)?.length === 32, 'must be base64 of exactly 32 random bytes (`openssl rand -base64 32`)')
    .optional(),
  /** The id stored beside every row sealed with DATA_KEY, so an old key can still open old rows after rotation. */
  DATA_KEY_ID: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,16}$/i, 'must be 1–16 letters, digits, - or _')
    .default('k1'),
  /** Retired data keys, still needed to read old rows: `id:base64,id:base64`. */
  OLD_DATA_KEYS: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || v.split(',').every((pair) => /^[a-z0-9_-]{1,16}:/i.test(pair) && fromBase64(pair.slice(pair.indexOf(':') + 1))?.length === 32),
      'must be a comma-separated list of id:base64 pairs, each key 32 bytes',
    )
    .default(''),
  /**
   * HMAC key under which receipt codes and informant codes are stored. Never rotate it: a receipt can only
   * be found again under the key it was stored with.
   */
  RECEIPT_KEY: secret.optional(),

  /**
   * HS256 key for staff session tokens (base64, at least 32 bytes). Optional here because the Node host
   * keeps one in its key file; rotating it signs every staff member out, nothing else.
   */
  SESSION_KEY: secret.optional(),
  /**
   * PBKDF2 iterations for new staff password hashes. OWASP's 600,000 by default; tests lower it (a hash
   * at 600,000 takes ~0.3 s), a Workers host must stay at or below 100,000 (see README, "Passwords").
   */
  PASSWORD_ITERATIONS: z.coerce.number().int().min(1_000).max(10_000_000).default(600_000),
  /**
   * The session cookie's Secure attribute. Leave on: browsers accept Secure cookies on http://localhost
   * too. Switch off only for a development host on a plain-http LAN address.
   */
  COOKIE_SECURE: flag('1'),

  /** Rate limits on, per client (keyed by a daily-rotating HMAC of the address, in memory only). */
  RATE_LIMITS: flag('1'),
  /** Tips one client may send per hour (a school computer room shares one address, so not too tight). */
  RATE_LIMIT_TIPS_PER_HOUR: perWindow(60),
  /** Follow-up requests (views and messages) one client may make per hour. */
  RATE_LIMIT_FOLLOWUP_PER_HOUR: perWindow(120),
  /** Unknown-receipt answers one client may get per day before follow-up is refused until the next day. */
  RATE_LIMIT_RECEIPT_MISSES_PER_DAY: perWindow(20),
  /**
   * Behind a reverse proxy every request comes from the proxy; name the header that carries the client's
   * address (e.g. `x-forwarded-for`, first entry) so rate limits key on the client. Used for the limit only.
   */
  CLIENT_ADDRESS_HEADER: z.string().trim().toLowerCase().min(1).optional(),

  /** Most tips committed together in one batch (one fsync) by the group-commit writer. */
  GROUP_COMMIT_MAX: z.coerce.number().int().min(1).max(10_000).default(256),

  // ── Deadlines, alerts and early warning (README, "Deadlines, alerts and early warning") ──────────────────────────────────────────
  /** First-response deadlines per level, e.g. `critical=10m,high=4h`; unnamed levels keep the rubric's. */
  DEADLINES_FIRST_RESPONSE: levelDurations(rubricDeadlines.firstResponse),
  /** Resolution deadlines per level, e.g. `medium=10d`; unnamed levels keep 2/5/10/15 days. */
  DEADLINES_RESOLUTION: levelDurations(rubricDeadlines.resolution),
  /** Days after resolution when the follow-up check on the student (回访) is due. */
  FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Minutes a critical case waits for acknowledgement before the next on-duty contact is called. */
  CALL_DOWN_MINUTES: z.coerce.number().int().min(1).max(120).default(5),
  /**
   * The district's on-duty channels, whitespace-separated `format=url` (formats: `wecom`, `dingtalk`,
   * `feishu`, `json`), e.g. `wecom=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`. School channels
   * and call-down contacts live in the `notify_targets` table.
   */
  DISTRICT_WEBHOOKS: z
    .string()
    .trim()
    .default('')
    .refine(
      (v) => v === '' || v.split(/\s+/).every((t) => /^(wecom|dingtalk|feishu|json)=https?:\/\/\S+$/.test(t)),
      'must be whitespace-separated format=url pairs, format one of wecom, dingtalk, feishu, json',
    ),
  /** The deadline sweep runs this often on the Node host. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** The outbox delivery loop runs this often on the Node host. */
  DELIVERY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Delivery attempts before a notification is given up (about a day with the backoff). */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(16),
  /** Early warning looks at a school's open tips and at tips of this many recent days. */
  EARLY_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Tips naming one person (this one included) that raise the new case's level by one step. */
  EARLY_WARNING_RAISE_AT: z.coerce.number().int().min(2).max(20).default(2),
  /**
   * HMAC key for the early-warning index of extracted names, classes and places. Unset: derived from
   * RECEIPT_KEY (HKDF), so a local install needs nothing more. Changing it orphans the index (old tips stop
   * matching new ones) but loses no tip.
   */
  TERM_KEY: secret.optional(),
})

export type Config = z.infer<typeof configSchema>

/**
 * The deadline policy the configuration sets.
 *
 * @example
 * firstResponseDueAt(level, at, deadlinePolicy(config))
 */
export function deadlinePolicy(config: Pick<Config, 'DEADLINES_FIRST_RESPONSE' | 'DEADLINES_RESOLUTION'>): DeadlinePolicy {
  return { firstResponse: config.DEADLINES_FIRST_RESPONSE, resolution: config.DEADLINES_RESOLUTION }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Parses configuration from an environment record.
 *
 * @example
 * const config = loadConfig(process.env) // throws ConfigError('PORT: …') on a bad value
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`)
  throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`)
}
