import { describeFamilies } from './expect-levels'

/**
 * Round-5 word gaps: poison put in someone's food or drink (老鼠药 … 放进 … 水杯里, put bleach in her drink) — a
 * plan or a victim hurt now is critical, a deed found before anyone drank is high (violence.poisoning, raised
 * by a plan or a time); gas leaking where people are (燃气好像漏了, smells of gas); pills hidden away for a
 * night (pills saved in a sock); a goodbye from another place (我会在天上看着你们, I'll be watching over you
 * from up there). And their look-alikes, 121 of them (60 written by someone who saw only the rubric): rat poison
 * for mice, a chemistry lesson or a drill on gas leaks, a leak fixed last month, pesticide on the lawn, a
 * grandparent watching over us, moving abroad, farewell parties, medicine kept at the nurse's, a board game's
 * poison card — words that used to fire on their own ("EpiPen", "carrying", "is missing", "creepy").
 *
 * The cases, a line each: test/fixtures/families/gaps5.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps5')
