import { describeFamilies } from './expect-levels'

/**
 * The bullying families, in Chinese and in English, both directions: insults and slurs that keep going,
 * mocking and imitating, exclusion and silent treatment, group-chat polls and fake accounts, belongings hidden,
 * soaked or thrown, pushing and tripping, extortion in every wording, harassment and grooming by peers and
 * adults, a child too afraid to come to school — and the look-alikes (bins, pork, a loan of a comic, "the
 * whole class laughed" at a teacher's joke, bullying that is over) that must stay low.
 *
 * The cases, a line each: test/fixtures/families/bullying.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('bullying')
