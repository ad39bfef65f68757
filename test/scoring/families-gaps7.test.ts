import { describeFamilies } from './expect-levels'

/**
 * Round-7 false alarms, from harmless tips the lexicon made high or critical: a knife for watermelon or on a
 * wall as decoration, a kitchen's new knives, "差点死掉" after a run, a game's loot "抢了", a tiger in a
 * story, a splinter, a horror film; a water bottle "went missing", a first-aid box "is missing" band-aids,
 * an appliance that sparks with nobody hurt — and words squeezed into other words ("proud of myself" read as
 * "off myself", "grabbed lunch but" as a grab of a butt). Beside them, the warning signs the same words must
 * still give: a knife pointed at someone, a child missing at the mall, pricking oneself with a needle.
 *
 * The cases, a line each: test/fixtures/families/gaps7.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps7')
