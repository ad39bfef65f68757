import { fnv1aHex } from './fnv1a'
import { lexicon } from './load-lexicon'
import rules from './lexicon/signals.json'
import { secondReaderData } from './similar/second-reader'

/**
 * Changes whenever rules, any lexicon file or the trained second reader change: the rules version from
 * signals.json plus a 32-bit FNV-1a hash of every lexicon file and of the second reader's own fingerprint
 * (written by `score:train`, so loading does not hash the whole model again). Recorded with each score so a
 * case shows which scorer judged it.
 */
export const scorerVersion = `${rules.rulesVersion}.${fnv1aHex(lexicon.fingerprintSource + secondReaderData.fingerprint)}`
