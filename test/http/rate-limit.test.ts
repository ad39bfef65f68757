import { describe, expect, it } from 'vitest'
import { ClientKeyer, WindowCounter } from '../../src/http/rate-limit'

const HOUR = 3_600_000

describe('WindowCounter', () => {
  it('allows max hits per window, then says how long until the window ends', () => {
    const counter = new WindowCounter(2, HOUR)
    expect(counter.hit('k', 0).ok).toBe(true)
    expect(counter.hit('k', 10).ok).toBe(true)
    expect(counter.hit('k', 1_000)).toEqual({ ok: false, retryAfterMs: HOUR - 1_000 })
    expect(counter.hit('k', HOUR).ok).toBe(true)
  })

  it('reports exhaustion without counting', () => {
    const counter = new WindowCounter(1, HOUR)
    expect(counter.exhausted('k', 0).exhausted).toBe(false)
    counter.hit('k', 0)
    expect(counter.exhausted('k', 5)).toEqual({ exhausted: true, retryAfterMs: HOUR - 5 })
    expect(counter.exhausted('k', HOUR).exhausted).toBe(false)
  })

  it('is off at 0', () => {
    const counter = new WindowCounter(0, HOUR)
    for (let i = 0; i < 100; i++) expect(counter.hit('k', i).ok).toBe(true)
  })

  it('keeps memory bounded under a flood of distinct clients', () => {
    const counter = new WindowCounter(5, HOUR, 100)
    for (let i = 0; i < 10_000; i++) counter.hit(`client-${i}`, i)
    expect((counter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100)
  })
})

describe('ClientKeyer', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n, 12))

  it('gives one address the same key all day, and different addresses different keys', async () => {
    const keyer = new ClientKeyer()
    const a = await keyer.keyOf('203.0.113.7', day(0))
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(await keyer.keyOf('203.0.113.7', new Date(day(0).getTime() + HOUR))).toBe(a)
    expect(await keyer.keyOf('203.0.113.8', day(0))).not.toBe(a)
    expect(a).not.toContain('203')
  })

  it('rotates its salt every day, so keys cannot be followed across days, and says so', async () => {
    let rotations = 0
    const keyer = new ClientKeyer(() => rotations++)
    const today = await keyer.keyOf('203.0.113.7', day(0))
    const tomorrow = await keyer.keyOf('203.0.113.7', day(1))
    expect(tomorrow).not.toBe(today)
    expect(rotations).toBe(2)
  })

  it('is salted per process: two keyers never agree', async () => {
    expect(await new ClientKeyer().keyOf('203.0.113.7', day(0))).not.toBe(await new ClientKeyer().keyOf('203.0.113.7', day(0)))
  })
})
