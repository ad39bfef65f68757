import { describeFamilies } from './expect-levels'

/**
 * Suicide and self-harm families: plans and means (pills counted, lethal-dose searches, rope, charcoal, a
 * place chosen), farewells said indirectly (black avatars, accounts wiped, "tell my mom I love her", things
 * given away), attempts under way (pills swallowed, cutting now, someone on a ledge), third-party reports,
 * and wishes to die without a plan. Each family in Chinese and English, with the everyday look-alikes its
 * words must not fire on.
 *
 * The cases, a line each: test/fixtures/families/selfharm.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('selfharm')
