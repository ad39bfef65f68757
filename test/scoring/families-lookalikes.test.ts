import { describeFamilies } from './expect-levels'

/**
 * The look-alike families: the words of danger used for other things. Games and sport,
 * films, books, songs and history class, cooking and science class, hyperbole and jokes, pets, objects and
 * dreams, hoaxes and rumours found false, things that are over, negations, suggestions and hazards with no one
 * in danger. Each must stay at its own level, and the real thing written next to a look-alike must still fire
 * (the masks are narrow: "我妈说要杀了我" is a threat, "我妈知道了会杀了我" is not).
 *
 * The cases, a line each: test/fixtures/families/lookalikes.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('lookalikes')
