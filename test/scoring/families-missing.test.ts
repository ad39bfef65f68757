import { describeFamilies } from './expect-levels'

/**
 * The missing-child family: a child not home or not in bed, unreachable, last seen somewhere, lost on a trip, handed
 * to the wrong adult at pickup, taken into a car, leaving now to meet someone from online; grooming (secrets, gifts,
 * laps, photos) — and the everyday look-alikes (lost pencil cases, pets, films, a dad's car, found and fine) that
 * must stay low.
 *
 * The cases, a line each: test/fixtures/families/missing.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('missing')
