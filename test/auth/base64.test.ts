import { describe, expect, it } from 'vitest'
import { fromBase64, toBase64, toBase64Url } from '../../src/auth/base64'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as the RFC 4648 test vector %j and decodes it back', (plain, encoded) => {
    expect(toBase64(utf8(plain))).toBe(encoded)
    expect(fromBase64(encoded)).toEqual(utf8(plain))
  })

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(fromBase64(toBase64(all))).toEqual(all)
  })

  it('encodes inputs larger than one chunk without overflowing the stack', () => {
    const big = new Uint8Array(70_000).fill(7)
    expect(fromBase64(toBase64(big))).toEqual(big)
  })

  it('returns null for text that is not base64', () => {
    expect(fromBase64('not base64!')).toBeNull()
    expect(fromBase64('Zm9v$')).toBeNull()
    expect(fromBase64('Z')).toBeNull()
  })

  it('writes base64url without padding and with URL-safe characters', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8')
    expect(toBase64Url(utf8('f'))).toBe('Zg')
  })
})
