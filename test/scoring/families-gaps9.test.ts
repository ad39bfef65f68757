import { describeFamilies } from './expect-levels'

/**
 * Round-9 signs, from two training sets' misses (self-harm said sideways; sexual harm in embarrassed words):
 * goodbyes that hand things on ("dont worry about me after friday", 东西都分好了, 我的🐱给小林照顾, my sister
 * can have it, "bye everyone. thanks for trying", pills all taken said in pinyin), critical with a time, a means
 * or a second goodbye and high without; an adult getting a child alone (叫我别告诉我妈,
 * "trying to get me alone upstairs"), a plan to get someone drunk and take her to a hotel, "救我 他压在我身上".
 * Beside them, what must stay low: turns on a swing, two desk-mates alone in a study hall, a tortoise left
 * with the neighbours, class notes given away after an exam ("you can have my" alone was a goodbye before),
 * thanks for trying to fix a bike, "不用劝我" before a match.
 *
 * The cases, a line each: test/fixtures/families/gaps9.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps9')
