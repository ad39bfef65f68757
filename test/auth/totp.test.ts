import { describe, expect, it } from 'vitest'
import { base32Decode } from '../../src/auth/base32'
import {
  type TotpAlgorithm,
  generateTotp,
  generateTotpSecret,
  hotp,
  otpauthUri,
  totpStep,
  verifyTotp,
} from '../../src/auth/totp'

const ascii = (text: string) => new TextEncoder().encode(text)

// RFC 6238 Appendix B uses a different seed per hash: the ASCII digits repeated to the hash's output size.
const seeds: Record<TotpAlgorithm, Uint8Array> = {
  'SHA-1': ascii('12345678901234567890'),
  'SHA-256': ascii('12345678901234567890123456789012'),
  'SHA-512': ascii('1234567890123456789012345678901234567890123456789012345678901234'),
}

// [Unix time, step as in the RFC's hex column, SHA-1, SHA-256, SHA-512]
const appendixB: Array<[number, number, string, string, string]> = [
  [59, 0x1, '94287082', '46119246', '90693936'],
  [1111111109, 0x23523ec, '07081804', '68084774', '25091201'],
  [1111111111, 0x23523ed, '14050471', '67062674', '99943326'],
  [1234567890, 0x273ef07, '89005924', '91819424', '93441116'],
  [2000000000, 0x3f940aa, '69279037', '90698825', '38618901'],
  [20000000000, 0x27bc86aa, '65353130', '77737706', '47863826'],
]

const at = (seconds: number) => new Date(seconds * 1000)

describe('generateTotp', () => {
  describe.each([
    ['SHA-1', 2],
    ['SHA-256', 3],
    ['SHA-512', 4],
  ] as const)('with %s', (algorithm, column) => {
    it.each(appendixB)('gives the RFC 6238 Appendix B code at time %i', async (...row) => {
      const [time, step] = row
      expect(totpStep(at(time))).toBe(step)
      expect(await generateTotp(seeds[algorithm], at(time), { algorithm, digits: 8 })).toBe(row[column])
    })
  })

  it('keeps leading zeros, so codes are always the requested length', async () => {
    expect(await generateTotp(seeds['SHA-1'], at(1111111109), { digits: 8 })).toBe('07081804')
    expect(await generateTotp(seeds['SHA-1'], at(1111111109))).toBe('081804')
  })

  it('gives the same code for the whole 30-second step and a new one after it', async () => {
    const secret = seeds['SHA-1']
    const first = await generateTotp(secret, at(60))
    expect(await generateTotp(secret, at(89))).toBe(first)
    expect(await generateTotp(secret, at(90))).not.toBe(first)
  })
})

describe('hotp', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('gives the RFC 4226 Appendix D value for counter %i', async (counter, expected) => {
    expect(await hotp(seeds['SHA-1'], counter)).toBe(expected)
  })

  it('refuses a negative or fractional counter', async () => {
    await expect(hotp(seeds['SHA-1'], -1)).rejects.toThrow(RangeError)
    await expect(hotp(seeds['SHA-1'], 1.5)).rejects.toThrow(RangeError)
  })
})

describe('verifyTotp', () => {
  const secret = seeds['SHA-1']
  const now = at(1111111111) // step 0x23523ed
  const step = totpStep(now)
  const codeAt = (s: number) => hotp(secret, s)

  it('accepts the current code and returns its step', async () => {
    expect(await verifyTotp(await codeAt(step), secret, now)).toEqual({ ok: true, step })
  })

  it('accepts the previous and the next step, returning the step that matched', async () => {
    expect(await verifyTotp(await codeAt(step - 1), secret, now)).toEqual({ ok: true, step: step - 1 })
    expect(await verifyTotp(await codeAt(step + 1), secret, now)).toEqual({ ok: true, step: step + 1 })
  })

  it('refuses codes two steps away with the default window', async () => {
    expect(await verifyTotp(await codeAt(step - 2), secret, now)).toEqual({ ok: false, reason: 'mismatch' })
    expect(await verifyTotp(await codeAt(step + 2), secret, now)).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('accepts a wider drift when the window is widened', async () => {
    expect(await verifyTotp(await codeAt(step - 2), secret, now, { window: 2 })).toEqual({ ok: true, step: step - 2 })
  })

  it('accepts only the current step with a zero window', async () => {
    expect(await verifyTotp(await codeAt(step - 1), secret, now, { window: 0 })).toMatchObject({ ok: false })
  })

  it('refuses a code whose step was already used, so a code cannot be replayed', async () => {
    const code = await codeAt(step)
    expect(await verifyTotp(code, secret, now, { lastUsedStep: step })).toEqual({ ok: false, reason: 'replayed' })
  })

  it('refuses an older code after a newer one was used', async () => {
    const previous = await codeAt(step - 1)
    expect(await verifyTotp(previous, secret, now, { lastUsedStep: step })).toEqual({ ok: false, reason: 'replayed' })
  })

  it('accepts a newer code after an older step was used', async () => {
    expect(await verifyTotp(await codeAt(step), secret, now, { lastUsedStep: step - 1 })).toEqual({ ok: true, step })
  })

  it('refuses a wrong code', async () => {
    const code = await codeAt(step)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    expect(await verifyTotp(wrong, secret, now)).toEqual({ ok: false, reason: 'mismatch' })
  })

  it('ignores spaces and accepts full-width digits from a Chinese input method', async () => {
    const code = await codeAt(step)
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`
    const fullWidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    expect(await verifyTotp(spaced, secret, now)).toEqual({ ok: true, step })
    expect(await verifyTotp(fullWidth, secret, now)).toEqual({ ok: true, step })
  })

  it.each(['', '12345', '1234567', 'abcdef', '12345x'])('reports %j as malformed rather than wrong', async (code) => {
    expect(await verifyTotp(code, secret, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('verifies 8-digit SHA-256 codes with the matching options', async () => {
    const options = { algorithm: 'SHA-256', digits: 8 } as const
    expect(await verifyTotp('67062674', seeds['SHA-256'], now, options)).toEqual({ ok: true, step })
    expect(await verifyTotp('670626', seeds['SHA-256'], now, options)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('does not look before the epoch at time zero', async () => {
    expect(await verifyTotp(await hotp(secret, 0), secret, at(0))).toEqual({ ok: true, step: 0 })
  })
})

describe('generateTotpSecret', () => {
  it('makes 20 random bytes, different every time', () => {
    const a = generateTotpSecret()
    const b = generateTotpSecret()
    expect(a).toHaveLength(20)
    expect(a).not.toEqual(b)
  })
})

describe('otpauthUri', () => {
  it('writes the key URI authenticator apps scan, with an unpadded base32 secret', () => {
    const uri = otpauthUri({ issuer: 'Tipline', account: 'li.wei', secret: seeds['SHA-1'] })
    expect(uri).toBe(
      'otpauth://totp/Tipline:li.wei?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Tipline&algorithm=SHA1&digits=6&period=30',
    )
  })

  it('carries a secret that decodes back to the same bytes', () => {
    const secret = generateTotpSecret()
    const uri = new URL(otpauthUri({ issuer: 'Tipline', account: 'a', secret }))
    expect(base32Decode(uri.searchParams.get('secret')!)).toEqual(secret)
  })

  it('percent-encodes the label so spaces, colons and Chinese names survive', () => {
    const uri = otpauthUri({ issuer: 'Tipline 一中', account: '王老师:school', secret: seeds['SHA-1'] })
    expect(uri.startsWith('otpauth://totp/Tipline%20%E4%B8%80%E4%B8%AD:%E7%8E%8B%E8%80%81%E5%B8%88%3Aschool?')).toBe(true)
    expect(uri).toContain('&issuer=Tipline%20%E4%B8%80%E4%B8%AD&')
  })

  it('names non-default algorithms and digit counts', () => {
    const uri = otpauthUri({ issuer: 'Tipline', account: 'a', secret: seeds['SHA-1'], algorithm: 'SHA-256', digits: 8 })
    expect(uri).toContain('algorithm=SHA256&digits=8&period=30')
  })
})
