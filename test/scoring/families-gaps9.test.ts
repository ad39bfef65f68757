import { describeFamilies } from './expect-levels'

/**
 * Round-9 signs, from two training sets' misses (self-harm said sideways; sexual harm in embarrassed words):
 * goodbyes that hand things on ("dont worry about me after friday", 东西都分好了, 我的🐱给小林照顾, my sister
 * can have it), critical with a time and high without one; an adult getting a child alone (叫我别告诉我妈,
 * "trying to get me alone upstairs"), a plan to get someone drunk and take her to a hotel, "救我 他压在我身上".
 * Beside them, what must stay low: turns on a swing, two desk-mates alone in a study hall, a tortoise left
 * with the neighbours, class notes given away after an exam ("you can have my" alone was a goodbye before).
 *
 * The cases, a line each: test/fixtures/families/gaps9.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps9')
