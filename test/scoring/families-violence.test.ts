import { describeFamilies } from './expect-levels'

/**
 * The violence families, in Chinese and in English, both directions: weapons brought or planned, attack plans,
 * beatings and assaults happening now, arranged fights — and the harmless look-alikes (games, cooking, woodshop,
 * props, sport, history class, films, things over or negated) that must stay low.
 *
 * The cases, a line each: test/fixtures/families/violence.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('violence')
