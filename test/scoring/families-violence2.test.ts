import { describeFamilies } from './expect-levels'

/**
 * The violence families, round 2, in Chinese and in English, both directions: attack plans said indirectly
 * ("I have what I need" next to "everyone will be there" or "don't come", 让全校都记住, 该准备的都准备好了 next
 * to 别来学校 or 全校都在), acid, bleach, petrol and fireworks used as weapons, a child dragged toward a car or
 * into a room now (with someone keeping watch), clothes pulled off now, several on one and a victim who is
 * not getting up, padlocked or barricaded doors with someone banging inside (and kids' misspellings) —
 * and the look-alikes (cleaning, chemistry class, festival fireworks, sport, games, bake sales, padlocks for
 * lockers, "stuck in traffic") that must stay low.
 *
 * The cases, a line each: test/fixtures/families/violence2.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('violence2')
