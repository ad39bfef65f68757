import { groupOfFour, randomCrockford } from '../tips/receipt'

/**
 * A short public case reference (`T-7K3M-9Q2X`, 40 random bits) for people to name a case on the phone
 * or in a report. Random rather than a running number, so it says nothing about how many tips a school
 * gets, and it can be made without a shared counter. It is not a secret and opens nothing: the receipt
 * does that. Unique in the database; a collision (about one in a million at a million cases) fails that
 * one write, which is retried with a fresh reference.
 *
 * @example
 * newCaseReference() // 'T-7K3M-9Q2X'
 */
export function newCaseReference(): string {
  return `T-${groupOfFour(randomCrockford(8))}`
}
