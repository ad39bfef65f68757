import { describe, expect, it } from 'vitest'
import { isResolutionCode, resolutionCodes, resolutionLabels } from '../../src/cases/resolution-codes'

describe('resolution codes', () => {
  it('cover intervention, mediation, police and services referral, and unfounded', () => {
    expect(resolutionCodes).toEqual([
      'resolved_intervention',
      'resolved_mediation',
      'referred_police',
      'referred_services',
      'unfounded',
    ])
  })

  it('each have a Chinese and an English label', () => {
    for (const code of resolutionCodes) {
      expect(resolutionLabels[code]['zh-CN']).toMatch(/\p{Script=Han}/u)
      expect(resolutionLabels[code].en).toMatch(/^[A-Z]/)
    }
  })

  it('are told apart from other strings', () => {
    expect(isResolutionCode('referred_police')).toBe(true)
    expect(isResolutionCode('closed')).toBe(false)
    expect(isResolutionCode('toString')).toBe(false)
  })
})
