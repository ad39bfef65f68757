import * as z from 'zod'

/**
 * Every setting Tipline reads, validated once at the edge of the process. A host passes its environment
 * (process.env on Node, bindings on Workers) and gets a typed object or a message naming the bad setting.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  /** Public base URL, used in links (posters, notifications). */
  PUBLIC_URL: z.url().optional(),
  /** Request log lines on stdout; off for quiet tests and benchmarks. */
  LOG_REQUESTS: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
})

export type Config = z.infer<typeof configSchema>

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
