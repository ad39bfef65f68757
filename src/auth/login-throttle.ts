import { type AttemptLimits, AttemptLimiter } from './attempt-limiter'

/**
 * Staff login throttling: two `AttemptLimiter`s, one per account name and one per client.
 *
 * - Per account, it stops a slow, distributed guess at one counselor's password. It also lets an attacker
 *   lock that counselor out for a while; the lockout is kept short (1 minute doubling to 15) for that reason.
 * - Per client, it stops one client from spraying passwords across many accounts. The client key must be a
 *   keyed hash that rotates daily (DESIGN.md: no address is ever stored) — this module never sees addresses.
 *
 * Record failures for account names that do not exist too: otherwise "locked" vs "wrong password" tells
 * an attacker which accounts are real.
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Per account: 5 failures in 15 minutes lock it for 1 minute, doubling to at most 15.
 *
 * @example
 * new LoginThrottle({ account: { ...defaultAccountLimits, maxFailures: 10 } })
 */
export const defaultAccountLimits: AttemptLimits = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockoutMs: 1 * MINUTE,
  maxLockoutMs: 15 * MINUTE,
  forgetAfterMs: 24 * HOUR,
}

/**
 * Per client: 20 failures in 15 minutes lock it for 5 minutes, doubling to at most 6 hours. A looser count
 * than per account (a staff room may share one address behind NAT), a harsher lockout (spraying passwords
 * across accounts is never legitimate).
 *
 * @example
 * new LoginThrottle({ client: { ...defaultClientLimits, maxFailures: 50 } }) // a district behind one proxy
 */
export const defaultClientLimits: AttemptLimits = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  lockoutMs: 5 * MINUTE,
  maxLockoutMs: 6 * HOUR,
  forgetAfterMs: 24 * HOUR,
}

/**
 * Overrides for either limiter, the memory bound and the clock; everything has a default.
 *
 * @example
 * new LoginThrottle({ now: services.now, maxKeys: 50_000 })
 */
export interface LoginThrottleOptions {
  account?: Partial<AttemptLimits>
  client?: Partial<AttemptLimits>
  /** Most keys each limiter remembers. 10,000 is a few MB at most; a district has a few hundred staff. */
  maxKeys?: number
  now?: () => Date
}

/**
 * Who is trying: the account name as typed and the client's keyed hash.
 *
 * @example
 * const attempt: LoginAttempt = { account: body.username, client: await clientKey(address) }
 */
export interface LoginAttempt {
  /** The account name as typed; normalized here so 'Li.Wei ' and 'li.wei' share one counter. */
  account: string
  /** Keyed hash of the client's address, or null when the host has none. */
  client: string | null
}

/**
 * Whether a login may be attempted; when not, how long to wait (for `Retry-After`).
 *
 * @example
 * const gate = throttle.check(attempt) // { allowed: false, retryAfterMs: 60000, limitedBy: 'account' }
 */
export type LoginDecision =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; /** For logs only; tell the person the same thing either way. */ limitedBy: 'account' | 'client' }

/**
 * @example
 * const throttle = new LoginThrottle({ now: services.now })
 * const attempt = { account: body.username, client: clientKey }
 * const gate = throttle.check(attempt)
 * if (!gate.allowed) return tooManyAttempts(Math.ceil(gate.retryAfterMs / 1000))
 * if (await credentialsOk()) throttle.recordSuccess(attempt)
 * else throttle.recordFailure(attempt)
 */
export class LoginThrottle {
  readonly #accounts: AttemptLimiter
  readonly #clients: AttemptLimiter

  constructor({ account, client, maxKeys = 10_000, now }: LoginThrottleOptions = {}) {
    this.#accounts = new AttemptLimiter({ ...defaultAccountLimits, ...account, maxKeys, now })
    this.#clients = new AttemptLimiter({ ...defaultClientLimits, ...client, maxKeys, now })
  }

  /**
   * Whether a login attempt may be checked at all. Call before verifying the password, so a locked-out
   * attempt costs no PBKDF2 work.
   *
   * @example
   * throttle.check({ account: 'li.wei', client: 'k:3f…' }) // { allowed: true }
   */
  check(attempt: LoginAttempt): LoginDecision {
    const account = this.#accounts.check(accountKey(attempt.account))
    const client = attempt.client === null ? ({ allowed: true, remaining: 0 } as const) : this.#clients.check(attempt.client)
    return combine(account, client)
  }

  /**
   * Counts a failed login (wrong password, wrong second factor, unknown account) against both keys.
   *
   * @example
   * throttle.recordFailure({ account: 'li.wei', client: 'k:3f…' }) // { allowed: true } until a limit is hit
   */
  recordFailure(attempt: LoginAttempt): LoginDecision {
    const account = this.#accounts.recordFailure(accountKey(attempt.account))
    const client =
      attempt.client === null ? ({ allowed: true, remaining: 0 } as const) : this.#clients.recordFailure(attempt.client)
    return combine(account, client)
  }

  /**
   * Clears the account's counter after a complete login. The client's counter is left alone on purpose:
   * an attacker with one real account could otherwise wipe their spraying record by signing in to it.
   *
   * @example
   * throttle.recordSuccess({ account: 'li.wei', client: 'k:3f…' })
   */
  recordSuccess(attempt: LoginAttempt): void {
    this.#accounts.recordSuccess(accountKey(attempt.account))
  }
}

/**
 * The counter key of an account name: NFKC (full-width letters from a Chinese input method), trimmed,
 * lower-cased, so spelling variants cannot each get their own five guesses.
 */
function accountKey(account: string): string {
  return account.normalize('NFKC').trim().toLowerCase()
}

function combine(
  account: ReturnType<AttemptLimiter['check']>,
  client: ReturnType<AttemptLimiter['check']>,
): LoginDecision {
  const accountWait = account.allowed ? 0 : account.retryAfterMs
  const clientWait = client.allowed ? 0 : client.retryAfterMs
  if (accountWait === 0 && clientWait === 0) return { allowed: true }
  // Report the longer wait: trying again after the shorter one would only be refused by the other.
  return accountWait >= clientWait
    ? { allowed: false, retryAfterMs: accountWait, limitedBy: 'account' }
    : { allowed: false, retryAfterMs: clientWait, limitedBy: 'client' }
}
