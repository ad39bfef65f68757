import { describeFamilies } from './expect-levels'

/**
 * The physical-danger families: a child on a roof, ledge, sill, railing or bridge; in water;
 * locked or trapped somewhere now (by others, or by themselves and gone silent); fire, smoke, gas, live wires,
 * collapse, traffic; medical emergencies. Each family with look-alikes that must stay at their own level.
 *
 * The cases, a line each: test/fixtures/families/danger.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('danger')
