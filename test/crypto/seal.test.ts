import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config'
import { fromBase64 } from '../../src/auth/base64'
import { toHex } from '../../src/crypto/bytes'
import { importKeys, lookupHash, newSecret } from '../../src/crypto/keys'
import { UnsealError, seal, unseal } from '../../src/crypto/seal'
import { TEST_DATA_KEY, TEST_RECEIPT_KEY } from '../support/harness'

const keysFor = (env: Record<string, string> = {}) =>
  importKeys(loadConfig({ DATA_KEY: TEST_DATA_KEY, RECEIPT_KEY: TEST_RECEIPT_KEY, SESSION_KEY: TEST_RECEIPT_KEY, ...env }))

describe('seal / unseal', () => {
  it('round-trips text under the active key and records the key id', async () => {
    const keys = await keysFor({ DATA_KEY_ID: 'k7' })
    const sealed = await seal(keys, 'tip:1', '他们把我堵在厕所里')
    expect(sealed.keyId).toBe('k7')
    expect(sealed.nonce).toHaveLength(12)
    expect(new TextDecoder().decode(sealed.body)).not.toContain('厕所')
    expect(await unseal(keys, 'tip:1', sealed)).toBe('他们把我堵在厕所里')
  })

  it('uses a fresh nonce every time, so equal texts do not look equal', async () => {
    const keys = await keysFor()
    const a = await seal(keys, 'tip:1', 'same')
    const b = await seal(keys, 'tip:1', 'same')
    expect(toHex(a.nonce)).not.toBe(toHex(b.nonce))
    expect(toHex(a.body)).not.toBe(toHex(b.body))
  })

  it('will not open a ciphertext moved to another row', async () => {
    const keys = await keysFor()
    const sealed = await seal(keys, 'tip:1', 'secret')
    await expect(unseal(keys, 'tip:2', sealed)).rejects.toBeInstanceOf(UnsealError)
  })

  it('will not open a tampered ciphertext', async () => {
    const keys = await keysFor()
    const sealed = await seal(keys, 'tip:1', 'secret')
    sealed.body[0]! ^= 1
    await expect(unseal(keys, 'tip:1', sealed)).rejects.toBeInstanceOf(UnsealError)
  })

  it('still opens rows sealed with a retired key after rotation', async () => {
    const before = await keysFor({ DATA_KEY_ID: 'k1' })
    const sealed = await seal(before, 'tip:1', 'old tip')
    const rotated = await keysFor({ DATA_KEY: newSecret(), DATA_KEY_ID: 'k2', OLD_DATA_KEYS: `k1:${TEST_DATA_KEY}` })
    expect(await unseal(rotated, 'tip:1', sealed)).toBe('old tip')
    expect((await seal(rotated, 'tip:2', 'new tip')).keyId).toBe('k2')
  })

  it('says so when a row names a key it does not have', async () => {
    const keys = await keysFor()
    const sealed = await seal(keys, 'tip:1', 'x')
    await expect(unseal(keys, 'tip:1', { ...sealed, keyId: 'gone' })).rejects.toThrow(/no data key/)
  })
})

describe('lookupHash', () => {
  it('is a stable keyed hash that differs by purpose and by key', async () => {
    const keys = await keysFor()
    const a = await lookupHash(keys, 'receipt', '7K3M9Q2XA1B2C3D4')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await lookupHash(keys, 'receipt', '7K3M9Q2XA1B2C3D4')).toBe(a)
    expect(await lookupHash(keys, 'informant', '7K3M9Q2XA1B2C3D4')).not.toBe(a)
    const other = await keysFor({ RECEIPT_KEY: newSecret() })
    expect(await lookupHash(other, 'receipt', '7K3M9Q2XA1B2C3D4')).not.toBe(a)
  })
})

describe('byte encodings', () => {
  it('write hex in lower case, two digits a byte', () => {
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff')
    expect(toHex(new Uint8Array([171]).buffer)).toBe('ab')
  })

  it('newSecret gives 32 random bytes', () => {
    expect(fromBase64(newSecret())).toHaveLength(32)
    expect(newSecret()).not.toBe(newSecret())
  })
})
