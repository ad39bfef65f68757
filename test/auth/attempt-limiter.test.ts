import { describe, expect, it } from 'vitest'
import { type AttemptLimiterOptions, AttemptLimiter } from '../../src/auth/attempt-limiter'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** A limiter with a hand-cranked clock: 3 failures per minute, 10 s lockout doubling to 80 s. */
function setup(overrides: Partial<AttemptLimiterOptions> = {}) {
  let t = Date.UTC(2026, 11, 1)
  const limiter = new AttemptLimiter({
    maxFailures: 3,
    windowMs: MINUTE,
    lockoutMs: 10 * SECOND,
    maxLockoutMs: 80 * SECOND,
    forgetAfterMs: 60 * MINUTE,
    maxKeys: 100,
    now: () => new Date(t),
    ...overrides,
  })
  const advance = (ms: number) => {
    t += ms
  }
  const failTimes = (key: string, n: number) => {
    let last = limiter.check(key)
    for (let i = 0; i < n; i++) last = limiter.recordFailure(key)
    return last
  }
  return { limiter, advance, failTimes }
}

describe('AttemptLimiter', () => {
  it('allows a key it has never seen, with the full allowance', () => {
    const { limiter } = setup()
    expect(limiter.check('k')).toEqual({ allowed: true, remaining: 3 })
  })

  it('counts failures down and locks on the last one allowed', () => {
    const { limiter } = setup()
    expect(limiter.recordFailure('k')).toEqual({ allowed: true, remaining: 2 })
    expect(limiter.recordFailure('k')).toEqual({ allowed: true, remaining: 1 })
    expect(limiter.recordFailure('k')).toEqual({ allowed: false, retryAfterMs: 10 * SECOND })
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterMs: 10 * SECOND })
  })

  it('counts down the time left while locked and allows again when the lockout ends', () => {
    const { limiter, advance, failTimes } = setup()
    failTimes('k', 3)
    advance(4 * SECOND)
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterMs: 6 * SECOND })
    advance(6 * SECOND)
    expect(limiter.check('k')).toEqual({ allowed: true, remaining: 3 })
  })

  it('doubles each further lockout up to the ceiling', () => {
    const { limiter, advance, failTimes } = setup()
    const lockouts: number[] = []
    for (let round = 0; round < 6; round++) {
      const decision = failTimes('k', 3)
      if (decision.allowed) throw new Error('expected a lockout')
      lockouts.push(decision.retryAfterMs)
      advance(decision.retryAfterMs)
    }
    expect(lockouts).toEqual([10, 20, 40, 80, 80, 80].map((s) => s * SECOND))
  })

  it('does not count failures recorded while locked, so an attack does not lengthen the lockout', () => {
    const { limiter, advance, failTimes } = setup()
    failTimes('k', 3)
    advance(SECOND)
    expect(limiter.recordFailure('k')).toEqual({ allowed: false, retryAfterMs: 9 * SECOND })
    advance(9 * SECOND)
    expect(limiter.check('k')).toEqual({ allowed: true, remaining: 3 })
  })

  it('starts a fresh count when the window has passed without reaching the limit', () => {
    const { limiter, advance, failTimes } = setup()
    failTimes('k', 2)
    advance(MINUTE)
    expect(limiter.check('k')).toEqual({ allowed: true, remaining: 3 })
    expect(limiter.recordFailure('k')).toEqual({ allowed: true, remaining: 2 })
  })

  it('keeps counting failures spread within one window', () => {
    const { limiter, advance } = setup()
    limiter.recordFailure('k')
    advance(30 * SECOND)
    limiter.recordFailure('k')
    advance(29 * SECOND)
    expect(limiter.recordFailure('k').allowed).toBe(false)
  })

  it('forgets everything about a key after a success, lockout history included', () => {
    const { limiter, advance, failTimes } = setup()
    failTimes('k', 3)
    advance(10 * SECOND)
    limiter.recordSuccess('k')
    expect(limiter.size).toBe(0)
    expect(failTimes('k', 3)).toEqual({ allowed: false, retryAfterMs: 10 * SECOND }) // not 20 s
  })

  it('forgets the lockout history of a key left alone long enough', () => {
    const { limiter, advance, failTimes } = setup()
    failTimes('k', 3)
    advance(60 * MINUTE)
    expect(failTimes('k', 3)).toEqual({ allowed: false, retryAfterMs: 10 * SECOND })
  })

  it('keeps the lockout history of a key that keeps failing', () => {
    const { advance, failTimes } = setup()
    failTimes('k', 3)
    advance(59 * MINUTE)
    expect(failTimes('k', 3)).toEqual({ allowed: false, retryAfterMs: 20 * SECOND })
  })

  it('keeps keys apart', () => {
    const { limiter, failTimes } = setup()
    failTimes('a', 3)
    expect(limiter.check('a').allowed).toBe(false)
    expect(limiter.check('b')).toEqual({ allowed: true, remaining: 3 })
  })

  it('adds no key when only checking, so checks cannot fill memory', () => {
    const { limiter } = setup()
    for (let i = 0; i < 1000; i++) limiter.check(`k${i}`)
    expect(limiter.size).toBe(0)
  })

  it('never remembers more than maxKeys keys', () => {
    const { limiter } = setup({ maxKeys: 10 })
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`k${i}`)
    expect(limiter.size).toBe(10)
  })

  it('evicts the least recently failed key first', () => {
    const { limiter } = setup({ maxKeys: 3 })
    limiter.recordFailure('a')
    limiter.recordFailure('b')
    limiter.recordFailure('c')
    limiter.recordFailure('a') // a is now the most recent
    limiter.recordFailure('d') // evicts b
    expect(limiter.check('a')).toEqual({ allowed: true, remaining: 1 })
    expect(limiter.check('b')).toEqual({ allowed: true, remaining: 3 })
    expect(limiter.check('c')).toEqual({ allowed: true, remaining: 2 })
  })

  it('evicts unlocked keys before locked ones, so a flood of new keys does not release a lockout', () => {
    const { limiter, failTimes } = setup({ maxKeys: 5 })
    failTimes('victim', 3)
    for (let i = 0; i < 500; i++) limiter.recordFailure(`flood${i}`)
    expect(limiter.check('victim').allowed).toBe(false)
  })

  it('evicts the oldest key when every remembered key is locked', () => {
    const { limiter, failTimes } = setup({ maxKeys: 2 })
    failTimes('a', 3)
    failTimes('b', 3)
    failTimes('c', 3)
    expect(limiter.size).toBe(2)
    expect(limiter.check('a').allowed).toBe(true)
    expect(limiter.check('c').allowed).toBe(false)
  })

  it.each<[string, Partial<AttemptLimiterOptions>]>([
    ['zero failures', { maxFailures: 0 }],
    ['a fractional window', { windowMs: 1.5 }],
    ['a ceiling below the first lockout', { lockoutMs: 10 * SECOND, maxLockoutMs: SECOND }],
    ['forgetting before the ceiling ends', { forgetAfterMs: 70 * SECOND }],
    ['forgetting before the window ends', { windowMs: 2 * 60 * MINUTE }],
    ['no room for keys', { maxKeys: 0 }],
  ])('refuses a configuration with %s', (_, overrides) => {
    expect(() => setup(overrides)).toThrow(RangeError)
  })
})
