import { describe, expect, it } from 'vitest'
import { timingSafeEqual } from '../../src/auth/constant-time'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('timingSafeEqual', () => {
  it('accepts identical byte strings', () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true)
  })

  it('accepts two empty byte strings', () => {
    expect(timingSafeEqual(bytes(), bytes())).toBe(true)
  })

  it('refuses byte strings that differ only in the last byte', () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false)
  })

  it('refuses byte strings that differ only in the first byte', () => {
    expect(timingSafeEqual(bytes(9, 2, 3), bytes(1, 2, 3))).toBe(false)
  })

  it('refuses a prefix of the other input, in either order', () => {
    expect(timingSafeEqual(bytes(1, 2), bytes(1, 2, 0))).toBe(false)
    expect(timingSafeEqual(bytes(1, 2, 0), bytes(1, 2))).toBe(false)
  })

  it('refuses inputs whose lengths differ by a multiple of 256', () => {
    // A naive `a.length - b.length` folded into a byte would cancel out here.
    expect(timingSafeEqual(new Uint8Array(256), new Uint8Array(0))).toBe(false)
  })
})
