import { describe, expect, it } from 'vitest'
import {
  MAX_PASSWORD_LENGTH,
  PBKDF2_ITERATIONS,
  PasswordInputError,
  hashPassword,
  needsRehash,
  passwordProblem,
  unknownAccountHash,
  verifyPassword,
} from '../../src/auth/password'

// 600,000 iterations take a noticeable fraction of a second; everything but the default test uses fewer.
const fast = { iterations: 1_000 }

describe('hashPassword', () => {
  it('defaults to OWASP’s 600,000 iterations and records them in the stored string', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000)
    const stored = await hashPassword('correct horse battery staple')
    expect(stored).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
  })

  it('uses a fresh random salt, so the same password never hashes the same twice', async () => {
    const a = await hashPassword('same password', fast)
    const b = await hashPassword('same password', fast)
    expect(a).not.toBe(b)
    expect(a.split('$')[2]).not.toBe(b.split('$')[2])
  })

  it('refuses an empty password', async () => {
    await expect(hashPassword('', fast)).rejects.toThrow(PasswordInputError)
    await expect(hashPassword('', fast)).rejects.toMatchObject({ problem: 'empty' })
  })

  it('refuses a password longer than 1024 characters', async () => {
    await expect(hashPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), fast)).rejects.toMatchObject({ problem: 'too_long' })
  })

  it('refuses an iteration count too low to protect anything', async () => {
    await expect(hashPassword('pw', { iterations: 1 })).rejects.toThrow(RangeError)
  })
})

describe('passwordProblem', () => {
  it('accepts exactly 1024 characters', () => {
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH))).toBeNull()
  })

  it('counts characters, not UTF-16 units, so 1024 emoji are still allowed', () => {
    expect(passwordProblem('🔒'.repeat(MAX_PASSWORD_LENGTH))).toBeNull()
    expect(passwordProblem('🔒'.repeat(MAX_PASSWORD_LENGTH + 1))).toBe('too_long')
  })

  it('reports an empty password', () => {
    expect(passwordProblem('')).toBe('empty')
  })
})

describe('verifyPassword', () => {
  it('matches a hash computed independently (Python hashlib.pbkdf2_hmac)', async () => {
    const stored = 'pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$yqSq2SygY1sB4EcH9f2FG0JTMES+wqLsOT5YmiRBplI='
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false)
  })

  it('hashes non-Latin passwords as UTF-8', async () => {
    const stored = 'pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$A5JY7k8wYgnDa/Mt2ytcloCLw+1YEC98OpbSRtEzIfI='
    expect(await verifyPassword('密码很长的句子', stored)).toBe(true)
  })

  it('rejects a wrong password', async () => {
    const stored = await hashPassword('right', fast)
    expect(await verifyPassword('wrong', stored)).toBe(false)
    expect(await verifyPassword('Right', stored)).toBe(false)
  })

  it('accepts a full-width spelling of the same password, as typed through a Chinese input method', async () => {
    const stored = await hashPassword('pass123', fast)
    expect(await verifyPassword('ｐａｓｓ１２３', stored)).toBe(true)
  })

  it('answers false, without throwing, for empty and over-long passwords', async () => {
    const stored = await hashPassword('right', fast)
    expect(await verifyPassword('', stored)).toBe(false)
    expect(await verifyPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), stored)).toBe(false)
  })

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$10$abc$def'],
    ['a missing part', 'pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg=='],
    ['a non-numeric count', 'pbkdf2-sha256$lots$MDEyMzQ1Njc4OWFiY2RlZg==$yqSq2SygY1sB4EcH9f2FG0JTMES+wqLsOT5YmiRBplI='],
    ['an absurd count', 'pbkdf2-sha256$999999999$MDEyMzQ1Njc4OWFiY2RlZg==$yqSq2SygY1sB4EcH9f2FG0JTMES+wqLsOT5YmiRBplI='],
    ['a short salt', 'pbkdf2-sha256$1000$MDEy$yqSq2SygY1sB4EcH9f2FG0JTMES+wqLsOT5YmiRBplI='],
    ['a truncated digest', 'pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$yqSq2SygY1sB4EcH'],
    ['bad base64', 'pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$!!!'],
  ])('answers false for a stored value with %s', async (_, stored) => {
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(false)
  })

  it('never accepts any password against the unknown-account hash', async () => {
    const dummy = unknownAccountHash(fast)
    expect(await verifyPassword('', dummy)).toBe(false)
    expect(await verifyPassword('password', dummy)).toBe(false)
    expect(needsRehash(dummy, fast)).toBe(false) // well-formed, so it costs the full derivation
  })

  it('makes the unknown-account hash as expensive as a real one by default', () => {
    expect(unknownAccountHash().split('$')[1]).toBe(String(PBKDF2_ITERATIONS))
  })
})

describe('needsRehash', () => {
  it('is false for a hash made with the current count', async () => {
    expect(needsRehash(await hashPassword('pw', fast), fast)).toBe(false)
  })

  it('is true for a hash made with fewer iterations than the current count', async () => {
    expect(needsRehash(await hashPassword('pw', fast))).toBe(true)
  })

  it('is true when the count was deliberately lowered, so hashes converge on the new setting', async () => {
    expect(needsRehash(await hashPassword('pw', { iterations: 2_000 }), fast)).toBe(true)
  })

  it('is true for anything that is not a hash of ours', () => {
    expect(needsRehash('plain-text-password')).toBe(true)
  })
})
