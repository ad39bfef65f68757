import { describeFamilies } from './expect-levels'

/**
 * Round-6 word gaps, found in the training sets' critical tips that only the second reader caught: an attempt
 * or a plan for tonight in plain words (took them all, idk how many I took, ending it tonight, bought the
 * rope; pinyin wo ba yao quan chi le), a child at a roof's edge, a gang with bats, a child pulled into a car
 * (拉我上车), a plan to hurt a teacher with a time and a place, a beating in the present tense (they r hitting
 * me), a fire that is "not a drill". And the look-alikes: skipping ropes, bats in the bell tower and on the
 * baseball field, roofers at the roof edge, a parent lifting a sleepy child into the car, library books taken
 * back, drums being beaten.
 *
 * The cases, a line each: test/fixtures/families/gaps6.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps6')
