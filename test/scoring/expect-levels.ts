import { expect, it } from 'vitest'
import { scoreTip } from '../../src/scoring/score'
import type { Level } from '../../src/scoring/types'

/** A tip and the level the rubric gives it. */
export type Case = [string, Level]

/**
 * One test per case: the tip scores exactly the level given. A failure names every signal that fired and the
 * words it fired on, which is what one needs to see to fix a term.
 *
 * @example expectLevels([['他没带刀', 'low'], ['他书包里有刀', 'critical']])
 */
export const expectLevels = (cases: Case[]) =>
  it.each(cases)('%s → %s', (text, level) => {
    const result = scoreTip(text)
    expect(result.level, JSON.stringify(result.signals.map((s) => `${s.id}:${s.match.text}`))).toBe(level)
  })
