/** The first retry waits this long; each later one twice as long as the one before. */
export const FIRST_RETRY_MS = 15_000
/** No wait is longer than this, so a bot that comes back is used again within the hour. */
export const MAX_RETRY_MS = 60 * 60_000

/**
 * How long to wait after the `attempts`-th failed attempt: exponential (15 s, 30 s, 1 min, … capped at an
 * hour), with up to a fifth added at random so loops of several hosts that failed together do not retry in
 * lock-step. `random` is injectable so tests see exact values.
 *
 * @example
 * retryDelayMs(1, () => 0) // 15_000
 * retryDelayMs(3, () => 0) // 60_000
 * retryDelayMs(20, () => 0) // 3_600_000
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(base * (1 + 0.2 * random()))
}
