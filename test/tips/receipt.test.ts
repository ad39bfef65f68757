import { describe, expect, it } from 'vitest'
import { newCaseReference } from '../../src/cases/reference'
import { CROCKFORD, groupOfFour, newReceipt, normalizeCode, normalizeReceipt, randomCrockford } from '../../src/tips/receipt'

describe('receipts', () => {
  it('are 16 Crockford characters in four groups of four', () => {
    for (let i = 0; i < 200; i++) expect(newReceipt().shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
  })

  it('carry 80 bits: every character is uniform over all 32 symbols', () => {
    const seen = new Map<string, number>()
    const draws = 32_000
    for (const ch of randomCrockford(draws)) seen.set(ch, (seen.get(ch) ?? 0) + 1)
    expect(seen.size).toBe(32)
    for (const n of seen.values()) expect(Math.abs(n - draws / 32)).toBeLessThan(250) // ~8 standard deviations
    expect(5 * 16).toBeGreaterThanOrEqual(80)
  })

  it('do not repeat', () => {
    const many = new Set(Array.from({ length: 10_000 }, () => newReceipt().code))
    expect(many.size).toBe(10_000)
  })

  it('read back whatever the case, spacing or dashes, with I/L as 1 and O as 0', () => {
    expect(normalizeReceipt('7k3m-9q2x-a1b2-c3d4')).toBe('7K3M9Q2XA1B2C3D4')
    expect(normalizeReceipt(' 7K3M 9Q2X A1B2 C3D4 ')).toBe('7K3M9Q2XA1B2C3D4')
    expect(normalizeReceipt('7K3M9Q2XAIB2C3D4')).toBe('7K3M9Q2XA1B2C3D4')
    expect(normalizeReceipt('7K3M9Q2XAlB2C3D4')).toBe('7K3M9Q2XA1B2C3D4')
    expect(normalizeReceipt('7K3M9Q2XA1B2C3DO')).toBe('7K3M9Q2XA1B2C3D0')
    const fresh = newReceipt()
    expect(normalizeReceipt(fresh.shown.toLowerCase().replaceAll('-', ' '))).toBe(fresh.code)
  })

  it('are refused when they cannot be one: wrong length or a character outside the alphabet', () => {
    expect(normalizeReceipt('7K3M-9Q2X-A1B2')).toBeNull()
    expect(normalizeReceipt('7K3M-9Q2X-A1B2-C3D4-E')).toBeNull()
    expect(normalizeReceipt('7K3M-9Q2X-A1B2-C3DU')).toBeNull()
    expect(normalizeReceipt('')).toBeNull()
    expect(normalizeCode('你好')).toBeNull()
  })

  it('group for display', () => {
    expect(groupOfFour('7K3M9Q2XA1B2C3D4')).toBe('7K3M-9Q2X-A1B2-C3D4')
    expect(CROCKFORD).toHaveLength(32)
  })
})

describe('case references', () => {
  it('are short, readable and unlike receipts', () => {
    const ref = newCaseReference()
    expect(ref).toMatch(/^T-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(normalizeReceipt(ref)).toBeNull()
  })
})
