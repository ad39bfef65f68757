import { describeFamilies } from './expect-levels'

/**
 * Round-8 signs, from a training set's misses: an adult arranging to be alone with a child (a hotel room, a
 * door left unlocked, 单独带去外地) — critical with a time surely ahead (tonight, 今晚), high without one,
 * since "after practice" may be every day; a demand for images or money under threat of sharing them, critical
 * with any deadline or beside self-harm; a weapon at a sports ground or in a sports bag, where the sport's
 * name is no game context (a knock during play on the court still is); a way to strangle oneself; a beating
 * said in the present tense ("theyre kicking him"); a child pulled into a store room and shut in, a car driven
 * into a crowd, a goodbye letter with a time. Beside them, the harmless tips the same words must leave
 * low: a hotel room for a tournament, a door left unlocked for cleaners, a note for a field trip, a surprise
 * party someone is "throwing", mats pulled into the gym store, a car park.
 *
 * The cases, a line each: test/fixtures/families/gaps8.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps8')
