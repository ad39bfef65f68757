import { describe, expect, it } from 'vitest'
import {
  RECOVERY_CODE_COUNT,
  consumeRecoveryCode,
  formatRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from '../../src/auth/recovery-codes'

const key = new TextEncoder().encode('server-side-recovery-key-32bytes')

describe('generateRecoveryCodes', () => {
  it('makes ten codes shaped xxxx-xxxx-xxxx in lower-case base32', async () => {
    const { codes } = await generateRecoveryCodes()
    expect(RECOVERY_CODE_COUNT).toBe(10)
    expect(codes).toHaveLength(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/)
  })

  it('makes distinct codes, different on every call', async () => {
    const a = await generateRecoveryCodes()
    const b = await generateRecoveryCodes()
    expect(new Set([...a.codes, ...b.codes]).size).toBe(20)
  })

  it('stores only digests, one per code in the same order, none containing the code', async () => {
    const { codes, hashes } = await generateRecoveryCodes({ key })
    expect(hashes).toHaveLength(codes.length)
    for (const [i, code] of codes.entries()) {
      expect(hashes[i]).toMatch(/^[0-9a-f]{64}$/)
      expect(hashes[i]).toBe(await hashRecoveryCode(code, key))
      expect(hashes[i]).not.toContain(code.replace(/-/g, ''))
    }
  })

  it('uses all 32 base32 characters across many codes, so every character carries 5 bits', async () => {
    const { codes } = await generateRecoveryCodes({ count: 200 })
    const seen = new Set(codes.join('').replace(/-/g, ''))
    expect(seen.size).toBe(32)
  })
})

describe('hashRecoveryCode', () => {
  it('is SHA-256 of the canonical code without a key (checked against Python hashlib)', async () => {
    expect(await hashRecoveryCode('k7qm-2xvd-p4na')).toBe('2bf56877defc635097b09799127950435ad3c9271bca5632ed49220405d50a2f')
  })

  it('is HMAC-SHA-256 with a key (checked against Python hmac)', async () => {
    expect(await hashRecoveryCode('k7qm-2xvd-p4na', key)).toBe(
      '32f21662fcbdf09181af5acba881062a125c4498b50c1e3fc6534794c2865225',
    )
  })

  it('refuses something that cannot be a code', async () => {
    await expect(hashRecoveryCode('hello')).rejects.toThrow(RangeError)
  })
})

describe('normalizeRecoveryCode', () => {
  it.each([
    ['k7qm-2xvd-p4na', 'k7qm2xvdp4na'],
    ['K7QM-2XVD-P4NA', 'k7qm2xvdp4na'],
    [' k7qm 2xvd p4na ', 'k7qm2xvdp4na'],
    ['k7qm2xvdp4na', 'k7qm2xvdp4na'],
    ['k7qm_2xvd.p4na', 'k7qm2xvdp4na'],
    ['k7qm—2xvd—p4na', 'k7qm2xvdp4na'],
    ['ｋ７ｑｍ－２ｘｖｄ－ｐ４ｎａ', 'k7qm2xvdp4na'],
    ['k7qm-2xvd-p4n8', 'k7qm2xvdp4nb'],
    ['k7qm-2xvd-p40a', 'k7qm2xvdp4oa'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeRecoveryCode(input)).toBe(expected)
  })

  it.each([
    ['too short', 'k7qm-2xvd'],
    ['too long', 'k7qm-2xvd-p4na-a'],
    ['an ambiguous 1', 'k7qm-2xvd-p41a'],
    ['a 9', 'k7qm-2xvd-p49a'],
    ['empty', ''],
  ])('refuses input that is %s', (_, input) => {
    expect(normalizeRecoveryCode(input)).toBeNull()
  })
})

describe('formatRecoveryCode', () => {
  it('groups twelve characters in fours', () => {
    expect(formatRecoveryCode('k7qm2xvdp4na')).toBe('k7qm-2xvd-p4na')
  })
})

describe('consumeRecoveryCode', () => {
  it('accepts a valid code and returns the other hashes', async () => {
    const { codes, hashes } = await generateRecoveryCodes({ key })
    const remaining = await consumeRecoveryCode(codes[3]!, hashes, key)
    expect(remaining).toHaveLength(9)
    expect(remaining).toEqual(hashes.filter((_, i) => i !== 3))
  })

  it('accepts a code however it is typed', async () => {
    const { codes, hashes } = await generateRecoveryCodes()
    const shouted = ` ${codes[0]!.toUpperCase().replace(/-/g, ' ')} `
    expect(await consumeRecoveryCode(shouted, hashes)).toHaveLength(9)
  })

  it('refuses the same code a second time once its hash is removed', async () => {
    const { codes, hashes } = await generateRecoveryCodes()
    const remaining = await consumeRecoveryCode(codes[0]!, hashes)
    expect(await consumeRecoveryCode(codes[0]!, remaining!)).toBeNull()
  })

  it('lets every code be used exactly once, down to none', async () => {
    const { codes, hashes } = await generateRecoveryCodes({ key })
    let left: string[] = hashes
    for (const code of codes) left = (await consumeRecoveryCode(code, left, key))!
    expect(left).toEqual([])
  })

  it('refuses a well-formed code that was never issued', async () => {
    const { hashes } = await generateRecoveryCodes()
    expect(await consumeRecoveryCode('aaaa-aaaa-aaaa', hashes)).toBeNull()
  })

  it('refuses malformed input', async () => {
    const { hashes } = await generateRecoveryCodes()
    expect(await consumeRecoveryCode('', hashes)).toBeNull()
    expect(await consumeRecoveryCode('123456', hashes)).toBeNull()
  })

  it('refuses a code checked with a different key than it was stored with', async () => {
    const { codes, hashes } = await generateRecoveryCodes({ key })
    expect(await consumeRecoveryCode(codes[0]!, hashes)).toBeNull()
    expect(await consumeRecoveryCode(codes[0]!, hashes, new Uint8Array(32))).toBeNull()
  })

  it('refuses everything when no codes are left', async () => {
    expect(await consumeRecoveryCode('k7qm-2xvd-p4na', [])).toBeNull()
  })
})
