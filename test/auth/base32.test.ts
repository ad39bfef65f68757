import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode } from '../../src/auth/base32'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('encodes %j as the RFC 4648 test vector %j and decodes it back', (plain, encoded) => {
    expect(base32Encode(utf8(plain))).toBe(encoded)
    expect(base32Decode(encoded)).toEqual(utf8(plain))
  })

  it('leaves padding off when asked', () => {
    expect(base32Encode(utf8('foobar'), { pad: false })).toBe('MZXW6YTBOI')
  })

  it('decodes lower case, spaces, hyphens and missing padding the way people type secrets', () => {
    expect(base32Decode('mzxw 6ytb-oi')).toEqual(utf8('foobar'))
  })

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(base32Decode(base32Encode(all))).toEqual(all)
  })

  it('returns null for characters outside the alphabet', () => {
    expect(base32Decode('MZXW1===')).toBeNull()
    expect(base32Decode('MZXW0===')).toBeNull()
  })

  it('returns null for lengths no whole number of bytes can produce', () => {
    expect(base32Decode('M')).toBeNull()
    expect(base32Decode('MZX')).toBeNull()
    expect(base32Decode('MZXW6Y')).toBeNull()
  })
})
