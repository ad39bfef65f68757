import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env'
import type { Config } from '../config'
import { toHex } from '../crypto/bytes'
import { ApiError } from './errors'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * A fixed-window counter per key. Fixed windows are coarse at the edges (up to twice the limit across a
 * boundary) but need one small record per client and no timers, which suits an in-memory limiter that
 * must also run on Workers.
 *
 * @example
 * const perHour = new WindowCounter(60, 3_600_000)
 * perHour.hit(key, Date.now()) // { ok: true, retryAfterMs: 0 } until the 61st hit this hour
 */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    /** Hits allowed per window; 0 switches this counter off. */
    readonly max: number,
    readonly windowMs: number,
    /** Past this many clients, expired windows are swept so memory stays bounded. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit unless the limit is reached; says how long until the window ends when it is. */
  hit(key: string, at: number): { ok: boolean; retryAfterMs: number } {
    if (this.max === 0) return { ok: true, retryAfterMs: 0 }
    const window = this.current(key, at)
    if (window.count >= this.max) return { ok: false, retryAfterMs: window.start + this.windowMs - at }
    window.count++
    return { ok: true, retryAfterMs: 0 }
  }

  /** Whether the key has used up its window, without counting a hit. */
  exhausted(key: string, at: number): { exhausted: boolean; retryAfterMs: number } {
    if (this.max === 0) return { exhausted: false, retryAfterMs: 0 }
    const window = this.windows.get(key)
    if (!window || at - window.start >= this.windowMs || window.count < this.max) return { exhausted: false, retryAfterMs: 0 }
    return { exhausted: true, retryAfterMs: window.start + this.windowMs - at }
  }

  clear(): void {
    this.windows.clear()
  }

  private current(key: string, at: number): { start: number; count: number } {
    const existing = this.windows.get(key)
    if (existing && at - existing.start < this.windowMs) return existing
    if (this.windows.size >= this.maxKeys) this.sweep(at)
    const fresh = { start: at, count: 0 }
    this.windows.set(key, fresh)
    return fresh
  }

  private sweep(at: number): void {
    for (const [key, window] of this.windows) if (at - window.start >= this.windowMs) this.windows.delete(key)
    // Still full of live windows (a flood from many addresses): forget the oldest half rather than grow.
    if (this.windows.size >= this.maxKeys) {
      let drop = this.windows.size / 2
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break
        this.windows.delete(key)
      }
    }
  }
}

/**
 * Turns a client address into a rate-limit key: HMAC-SHA-256 under a random salt that lives only in
 * memory and is replaced every UTC day. Within a day the same address maps to the same key, so limits
 * work; across days, and for anyone reading memory without the salt, keys cannot be tied to an address.
 *
 * @example
 * const keyer = new ClientKeyer(() => counters.forEach((c) => c.clear()))
 * await keyer.keyOf('203.0.113.7', new Date()) // '3f9a…' (32 hex characters)
 */
export class ClientKeyer {
  private day = -1
  private salt: Promise<CryptoKey> | undefined

  constructor(
    /** Called when the salt rotates: yesterday's keys can never match again, so their counters go. */
    private readonly onRotate: () => void = () => {},
  ) {}

  async keyOf(address: string | undefined, at: Date): Promise<string> {
    const day = Math.floor(at.getTime() / DAY)
    if (day !== this.day || !this.salt) {
      this.day = day
      this.salt = crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ])
      this.onRotate()
    }
    const mac = await crypto.subtle.sign('HMAC', await this.salt, new TextEncoder().encode(address ?? 'unknown'))
    return toHex(new Uint8Array(mac, 0, 16))
  }
}

/** The limiter state of one app instance: a counter per limited thing and the keyer they share. */
export interface RateLimits {
  enabled: boolean
  tips: WindowCounter
  followup: WindowCounter
  /** Unknown-receipt answers per client per day: the brake on guessing receipts. */
  receiptMisses: WindowCounter
  keyer: ClientKeyer
}

/**
 * Builds the limiters from config.
 *
 * @example
 * const limits = createRateLimits(loadConfig({ RATE_LIMIT_TIPS_PER_HOUR: '10' }))
 */
export function createRateLimits(config: Config): RateLimits {
  const tips = new WindowCounter(config.RATE_LIMIT_TIPS_PER_HOUR, HOUR)
  const followup = new WindowCounter(config.RATE_LIMIT_FOLLOWUP_PER_HOUR, HOUR)
  const receiptMisses = new WindowCounter(config.RATE_LIMIT_RECEIPT_MISSES_PER_DAY, DAY)
  const keyer = new ClientKeyer(() => [tips, followup, receiptMisses].forEach((c) => c.clear()))
  return { enabled: config.RATE_LIMITS, tips, followup, receiptMisses, keyer }
}

/**
 * Limits a route per client, counting every request. Sets `clientKey` for handlers that count more
 * (follow-up counts misses). Answers 429 with Retry-After when the window is used up.
 *
 * @example
 * tipRoutes.post('/', limitRequests('tips'), …)
 */
export const limitRequests = (counter: 'tips' | 'followup'): MiddlewareHandler<AppEnv> =>
  async function limitRequests(c, next) {
    const limits = c.get('limits')
    if (!limits.enabled) return next()
    const { now, clientAddress } = c.get('services')
    const at = now()
    const key = await limits.keyer.keyOf(clientAddress?.(c), at)
    c.set('clientKey', key)
    const verdict = limits[counter].hit(key, at.getTime())
    if (!verdict.ok) throw tooManyRequests(c, verdict.retryAfterMs)
    await next()
  }

/**
 * The 429 every limiter answers with; sets Retry-After on the response to come.
 *
 * @example
 * throw tooManyRequests(c, 60_000)
 */
export function tooManyRequests(c: { header: (name: string, value: string) => void }, retryAfterMs: number): ApiError {
  c.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))))
  return new ApiError(429, 'rate_limited', 'Too many requests from here. Please wait a while and try again.')
}
