import { describeFamilies } from './expect-levels'

/**
 * Vocabulary families of the lexicon: for each, sentences the fixtures never saw, in Chinese and English, and
 * the everyday sentences the family's words must not fire on.
 *
 * The cases, a line each: test/fixtures/families/vocabulary.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('vocabulary')
