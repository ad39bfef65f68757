import { describeFamilies } from './expect-levels'

/**
 * Round-11 signs, from three training sets' misses (suicide and running away in Chinese, adults passing on
 * what a child said, an ordinary month): goodbyes handed on (跟大家说声拜拜, 麻烦谁帮我养, 最后一天来学校 …
 * 不是转学那种, "dongxi dou song ren le"), medicine that lets one "sleep and not wake" wanted by Friday, a
 * threat for "when i get home", pills in a locker for next period, a live exposed cable where children walk.
 * Running away (离家出走) is now high — a wish to leave home — and critical only once the child is gone
 * (离家出走了, unreachable); in a play or a joke it is nothing.
 * Beside them, what must stay low: running away in a script or as a joke, food salty enough to "die", knives
 * kept locked in a cooking-class cabinet, slow wifi, a note for a field trip, a Lego knife, "i'll kill you"
 * in a game of tag, a collision with no one hurt.
 *
 * The cases, a line each: test/fixtures/families/gaps11.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps11')
