import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config'
import { toHex } from '../../src/crypto/bytes'
import { importKeys, lookupHash } from '../../src/crypto/keys'
import { type CryptoPrimitives, webCryptoPrimitives } from '../../src/crypto/primitives'
import { UnsealError, seal, unseal } from '../../src/crypto/seal'
import { nodeCryptoPrimitives } from '../../src/hosts/node-crypto'
import { hashTerms } from '../../src/warning/early-warning'
import { extractTerms } from '../../src/warning/terms'
import { TEST_DATA_KEY, TEST_RECEIPT_KEY, TEST_SESSION_KEY } from '../support/harness'

const config = loadConfig({ DATA_KEY: TEST_DATA_KEY, RECEIPT_KEY: TEST_RECEIPT_KEY, SESSION_KEY: TEST_SESSION_KEY })
const keysWith = (primitives: CryptoPrimitives) => importKeys(config, { primitives })

const texts = ['', '他们把我堵在三楼厕所里 小明又打我', 'x'.repeat(5000), JSON.stringify({ text: '🐷🐷🐷 好累', when: '每天午休' })]

describe('the Node host’s crypto primitives', () => {
  it('compute the same receipt, informant and term hashes as WebCrypto', async () => {
    const [web, node] = await Promise.all([keysWith(webCryptoPrimitives), keysWith(nodeCryptoPrimitives)])
    expect(await lookupHash(node, 'receipt', '7K3M9Q2XA1B2C3D4')).toBe(await lookupHash(web, 'receipt', '7K3M9Q2XA1B2C3D4'))
    expect(await lookupHash(node, 'informant', 'XQ7K4M2P')).toBe(await lookupHash(web, 'informant', 'XQ7K4M2P'))
    const terms = extractTerms('小明天天在三楼厕所打初二3班的王小虎')
    expect(terms.length).toBeGreaterThan(2)
    expect(await hashTerms(node, 9, terms)).toEqual(await hashTerms(web, 9, terms))
  })

  it('seal byte-compatibly with WebCrypto: each opens what the other sealed', async () => {
    const [web, node] = await Promise.all([keysWith(webCryptoPrimitives), keysWith(nodeCryptoPrimitives)])
    for (const text of texts) {
      const byNode = await seal(node, 'tip:1', text)
      const byWeb = await seal(web, 'tip:1', text)
      expect(await unseal(web, 'tip:1', byNode)).toBe(text)
      expect(await unseal(node, 'tip:1', byWeb)).toBe(text)
      // Same key, nonce and additional data give the very same bytes (ciphertext, then the 16-byte tag).
      const again = await nodeCryptoPrimitives.encryptAesGcm(
        web.data.byId.get(web.data.activeId)!,
        byWeb.nonce,
        new TextEncoder().encode('tip:1'),
        new TextEncoder().encode(text),
      )
      expect(toHex(again)).toBe(toHex(byWeb.body))
    }
  })

  it('refuse a tampered body, a wrong context and a truncated body, as WebCrypto does', async () => {
    const node = await keysWith(nodeCryptoPrimitives)
    const sealed = await seal(node, 'tip:1', 'secret')
    await expect(unseal(node, 'tip:2', sealed)).rejects.toBeInstanceOf(UnsealError)
    const tampered = { ...sealed, body: sealed.body.slice() }
    tampered.body[0]! ^= 1
    await expect(unseal(node, 'tip:1', tampered)).rejects.toBeInstanceOf(UnsealError)
    await expect(unseal(node, 'tip:1', { ...sealed, body: sealed.body.slice(0, 10) })).rejects.toBeInstanceOf(UnsealError)
  })
})
