/**
 * A generic in-memory failure counter with exponential lockout, for anything that must resist guessing
 * (staff login, TOTP codes, receipt look-ups). Pure: no timers, an injectable clock, bounded memory.
 *
 * Per key, failures are counted in a fixed window. Reaching `maxFailures` locks the key for `lockoutMs`;
 * each further lockout (the next `maxFailures` failures after one ends) doubles, up to `maxLockoutMs`. A
 * success clears the key; a key left alone for `forgetAfterMs` starts over.
 *
 * State lives in one process (one Node host, or one Workers isolate, which is why it is only a brake, not a
 * wall, on the edge). Keys are whatever the caller chooses; they must never be raw addresses.
 */

/**
 * The limits of one limiter, all in milliseconds except `maxFailures`.
 *
 * @example
 * const limits: AttemptLimits = { maxFailures: 5, windowMs: 900_000, lockoutMs: 60_000,
 *   maxLockoutMs: 900_000, forgetAfterMs: 86_400_000 }
 */
export interface AttemptLimits {
  /** Failures within one window that trigger a lockout. */
  maxFailures: number
  /** Length of the counting window. */
  windowMs: number
  /** First lockout; each later one doubles. */
  lockoutMs: number
  /** Ceiling for the doubling. */
  maxLockoutMs: number
  /** After this long without a failure, a key's history (and its doubling) is forgotten. */
  forgetAfterMs: number
}

/**
 * Limits plus memory bound and clock.
 *
 * @example
 * new AttemptLimiter({ ...limits, maxKeys: 10_000, now: services.now })
 */
export interface AttemptLimiterOptions extends AttemptLimits {
  /** Most keys remembered; beyond it the least recently failed (preferring unlocked) are evicted. */
  maxKeys: number
  now?: () => Date
}

/**
 * The answer to "may this key try (again)?".
 *
 * @example
 * const d = limiter.check(key)
 * if (!d.allowed) c.header('Retry-After', String(Math.ceil(d.retryAfterMs / 1000)))
 */
export type AttemptDecision =
  | { allowed: true; /** Failures left before the next lockout. */ remaining: number }
  | { allowed: false; /** Until the lockout ends. */ retryAfterMs: number }

interface Entry {
  windowStart: number
  failures: number
  /** Lockouts so far; drives the doubling. */
  strikes: number
  lockedUntil: number
  lastFailure: number
}

// How far from the oldest end eviction looks for an unlocked key before giving up and taking the oldest.
// Bounded so one insert never walks the whole map.
const EVICTION_SCAN = 32

/**
 * @example
 * const limiter = new AttemptLimiter({ maxFailures: 5, windowMs: 60_000, lockoutMs: 60_000,
 *   maxLockoutMs: 3_600_000, forgetAfterMs: 86_400_000, maxKeys: 10_000 })
 * if (!limiter.check(key).allowed) return tooMany()
 * if (await passwordOk()) limiter.recordSuccess(key)
 * else limiter.recordFailure(key)
 */
export class AttemptLimiter {
  readonly #limits: AttemptLimits
  readonly #maxKeys: number
  readonly #now: () => Date
  // A Map iterates in insertion order; re-inserting on every failure makes it least-recently-failed first.
  readonly #entries = new Map<string, Entry>()

  constructor({ maxKeys, now = () => new Date(), ...limits }: AttemptLimiterOptions) {
    for (const [name, value] of Object.entries({ maxKeys, ...limits })) {
      if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`)
    }
    if (limits.maxLockoutMs < limits.lockoutMs) throw new RangeError('maxLockoutMs must be at least lockoutMs')
    // Forgetting a key while it is still locked or counting would hand an attacker a fresh start.
    if (limits.forgetAfterMs < Math.max(limits.windowMs, limits.maxLockoutMs)) {
      throw new RangeError('forgetAfterMs must be at least windowMs and maxLockoutMs')
    }
    this.#limits = limits
    this.#maxKeys = maxKeys
    this.#now = now
  }

  /**
   * Whether an attempt for this key may go ahead now. Does not count anything and never adds a key, so
   * checking cannot be used to fill memory.
   *
   * @example
   * limiter.check('acct:li.wei') // { allowed: true, remaining: 5 }
   */
  check(key: string): AttemptDecision {
    const t = this.#now().getTime()
    const entry = this.#live(key, t)
    if (!entry) return { allowed: true, remaining: this.#limits.maxFailures }
    if (entry.lockedUntil > t) return { allowed: false, retryAfterMs: entry.lockedUntil - t }
    const failures = t - entry.windowStart >= this.#limits.windowMs ? 0 : entry.failures
    return { allowed: true, remaining: this.#limits.maxFailures - failures }
  }

  /**
   * Counts a failed attempt and answers whether the key may try again. While a key is locked, failures are
   * not counted: the caller should not have attempted at all, and piling them up would only lengthen the
   * lockout of the person being attacked.
   *
   * @example
   * limiter.recordFailure('acct:li.wei') // { allowed: true, remaining: 4 }, … then { allowed: false, retryAfterMs: 60000 }
   */
  recordFailure(key: string): AttemptDecision {
    const t = this.#now().getTime()
    const { maxFailures, windowMs, lockoutMs, maxLockoutMs } = this.#limits
    const entry = this.#live(key, t) ?? { windowStart: t, failures: 0, strikes: 0, lockedUntil: 0, lastFailure: t }
    if (entry.lockedUntil > t) return { allowed: false, retryAfterMs: entry.lockedUntil - t }

    if (t - entry.windowStart >= windowMs) {
      entry.windowStart = t
      entry.failures = 0
    }
    entry.failures += 1
    entry.lastFailure = t
    this.#store(key, entry, t)

    if (entry.failures < maxFailures) return { allowed: true, remaining: maxFailures - entry.failures }
    entry.strikes += 1
    // Cap the exponent so a key locked many times still gets a finite, exact duration before the min().
    const lockout = Math.min(lockoutMs * 2 ** Math.min(entry.strikes - 1, 40), maxLockoutMs)
    entry.lockedUntil = t + lockout
    entry.failures = 0
    entry.windowStart = entry.lockedUntil
    return { allowed: false, retryAfterMs: lockout }
  }

  /**
   * Forgets a key after a successful attempt, lockout history included.
   *
   * @example
   * limiter.recordSuccess('acct:li.wei')
   */
  recordSuccess(key: string): void {
    this.#entries.delete(key)
  }

  /** Keys currently remembered (for tests and metrics). */
  get size(): number {
    return this.#entries.size
  }

  /** The key's entry, or undefined if it has none or its history has been forgotten (which also frees it). */
  #live(key: string, t: number): Entry | undefined {
    const entry = this.#entries.get(key)
    if (entry && t - entry.lastFailure >= this.#limits.forgetAfterMs && entry.lockedUntil <= t) {
      this.#entries.delete(key)
      return undefined
    }
    return entry
  }

  #store(key: string, entry: Entry, t: number): void {
    this.#entries.delete(key)
    if (this.#entries.size >= this.#maxKeys) this.#evictOne(t)
    this.#entries.set(key, entry)
  }

  /**
   * Makes room for one key. Prefers the least recently failed key that is not locked, so flooding the
   * limiter with fresh keys cannot cheaply release a locked one; only if the oldest keys are all locked
   * does the very oldest go.
   */
  #evictOne(t: number): void {
    let scanned = 0
    let oldest: string | undefined
    for (const [key, entry] of this.#entries) {
      oldest ??= key
      if (entry.lockedUntil <= t) {
        this.#entries.delete(key)
        return
      }
      if (++scanned >= EVICTION_SCAN) break
    }
    if (oldest !== undefined) this.#entries.delete(oldest)
  }
}
