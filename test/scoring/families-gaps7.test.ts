import { describeFamilies } from './expect-levels'

/**
 * Round-7 false alarms, from harmless tips the lexicon made high or critical: a decorative knife on a wall, a
 * kitchen's new batch of knives, "差点死掉" after a run, a game's loot "抢了", a tiger in a story, a splinter,
 * a horror film; a water bottle "went missing", a first-aid box "is missing" band-aids; words squeezed into
 * other words ("proud of myself" read as "off myself", "grabbed lunch but" as a grab of a butt); and the
 * ordinary sentences a review found the round's own new terms firing on (a drugstore drink, a doll without
 * clothes, bats in the attic, 今天别找我 before an exam). Beside them, the warning signs the same words must
 * still give — including the ones the first, broader cancels had hidden: a knife with "no one hurt so far",
 * a bomb "during exams", a son "is missing, a man in a van", a knife from the knife cabinet, "offed himself".
 *
 * The cases, a line each: test/fixtures/families/gaps7.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps7')
