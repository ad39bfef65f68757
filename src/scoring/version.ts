import { lexicon } from './load-lexicon'
import rules from './lexicon/signals.json'
import { secondReaderData } from './similar/second-reader'

/**
 * Changes whenever rules, any lexicon file or the trained second reader change: the rules version from
 * signals.json plus a 32-bit FNV-1a hash of every data file. Recorded with each score so a case shows which
 * scorer judged it.
 */
export const scorerVersion = `${rules.rulesVersion}.${fnv1a(lexicon.fingerprintSource + JSON.stringify(secondReaderData)).toString(16).padStart(8, '0')}`

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
