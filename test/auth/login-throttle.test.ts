import { describe, expect, it } from 'vitest'
import { LoginThrottle, defaultAccountLimits, defaultClientLimits } from '../../src/auth/login-throttle'

const MINUTE = 60_000

function setup(options: ConstructorParameters<typeof LoginThrottle>[0] = {}) {
  let t = Date.UTC(2026, 11, 1)
  const throttle = new LoginThrottle({ now: () => new Date(t), ...options })
  const advance = (ms: number) => {
    t += ms
  }
  return { throttle, advance }
}

describe('LoginThrottle', () => {
  it('allows a first attempt', () => {
    const { throttle } = setup()
    expect(throttle.check({ account: 'li.wei', client: 'c1' })).toEqual({ allowed: true })
  })

  it('locks an account for a minute after five failures, whichever clients they came from', () => {
    const { throttle } = setup()
    for (let i = 0; i < 4; i++) expect(throttle.recordFailure({ account: 'li.wei', client: `c${i}` }).allowed).toBe(true)
    expect(throttle.recordFailure({ account: 'li.wei', client: 'c4' })).toEqual({
      allowed: false,
      retryAfterMs: MINUTE,
      limitedBy: 'account',
    })
    expect(throttle.check({ account: 'li.wei', client: 'fresh' })).toMatchObject({ allowed: false, limitedBy: 'account' })
    expect(throttle.check({ account: 'wang.fang', client: 'c0' })).toEqual({ allowed: true })
  })

  it('treats spelling variants of an account name as one account', () => {
    const { throttle } = setup()
    for (const typed of ['li.wei', 'Li.Wei', ' LI.WEI ', 'ｌｉ.ｗｅｉ', 'li.wei']) {
      throttle.recordFailure({ account: typed, client: null })
    }
    expect(throttle.check({ account: 'li.wei', client: null }).allowed).toBe(false)
  })

  it('locks a client that sprays passwords across many accounts', () => {
    const { throttle } = setup()
    for (let i = 0; i < 19; i++) throttle.recordFailure({ account: `user${i}`, client: 'sprayer' })
    expect(throttle.recordFailure({ account: 'user19', client: 'sprayer' })).toEqual({
      allowed: false,
      retryAfterMs: 5 * MINUTE,
      limitedBy: 'client',
    })
    expect(throttle.check({ account: 'someone.else', client: 'sprayer' })).toMatchObject({ limitedBy: 'client' })
    expect(throttle.check({ account: 'someone.else', client: 'other' })).toEqual({ allowed: true })
  })

  it('clears the account after a successful login but keeps the client’s record', () => {
    const { throttle } = setup()
    for (let i = 0; i < 19; i++) throttle.recordFailure({ account: `user${i % 4}`, client: 'sprayer' })
    throttle.recordSuccess({ account: 'user0', client: 'sprayer' })
    expect(throttle.recordFailure({ account: 'user0', client: 'sprayer' })).toMatchObject({
      allowed: false,
      limitedBy: 'client',
    })
  })

  it('lets the person in again after a successful login resets their account', () => {
    const { throttle } = setup()
    for (let i = 0; i < 4; i++) throttle.recordFailure({ account: 'li.wei', client: 'c' })
    throttle.recordSuccess({ account: 'li.wei', client: 'c' })
    for (let i = 0; i < 4; i++) expect(throttle.recordFailure({ account: 'li.wei', client: 'c' }).allowed).toBe(true)
  })

  it('reports the longer wait when both account and client are locked', () => {
    const { throttle } = setup({ client: { maxFailures: 5 } })
    for (let i = 0; i < 5; i++) throttle.recordFailure({ account: 'li.wei', client: 'c' })
    expect(throttle.check({ account: 'li.wei', client: 'c' })).toEqual({
      allowed: false,
      retryAfterMs: 5 * MINUTE,
      limitedBy: 'client',
    })
  })

  it('doubles the account lockout up to fifteen minutes', () => {
    const { throttle, advance } = setup()
    const waits: number[] = []
    for (let round = 0; round < 6; round++) {
      let last = throttle.check({ account: 'li.wei', client: null })
      for (let i = 0; i < 5; i++) last = throttle.recordFailure({ account: 'li.wei', client: null })
      if (last.allowed) throw new Error('expected a lockout')
      waits.push(last.retryAfterMs / MINUTE)
      advance(last.retryAfterMs)
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15])
  })

  it('works without a client key, limiting by account only', () => {
    const { throttle } = setup()
    for (let i = 0; i < 30; i++) throttle.recordFailure({ account: `user${i}`, client: null })
    expect(throttle.check({ account: 'new.user', client: null })).toEqual({ allowed: true })
  })

  it('accepts custom limits', () => {
    const { throttle } = setup({ account: { maxFailures: 2 } })
    throttle.recordFailure({ account: 'li.wei', client: null })
    expect(throttle.recordFailure({ account: 'li.wei', client: null }).allowed).toBe(false)
  })

  it('ships limits that are stricter per account than per client, and harsher per client once locked', () => {
    expect(defaultAccountLimits.maxFailures).toBeLessThan(defaultClientLimits.maxFailures)
    expect(defaultAccountLimits.maxLockoutMs).toBeLessThan(defaultClientLimits.maxLockoutMs)
  })
})
