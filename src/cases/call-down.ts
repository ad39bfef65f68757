/**
 * The call-down of a critical case (as life-safety tip lines do): the school's on-duty contacts are called
 * in order, the next one after N minutes without acknowledgement, then the district, until a person
 * acknowledges. Pure: the sweep reads the case and its school's contact count and does what this says.
 */
export type CallDownStep =
  /** Someone acknowledged (the case left `new`) or the call-down already ended: just clear the timer. */
  | { do: 'stop' }
  /** Call contact number `step` (1-based) and wait again. */
  | { do: 'call'; step: number }
  /** Every contact was called without an answer: escalate to the district (督办) and stop. */
  | { do: 'district' }

/**
 * The next step of a call-down that is due.
 *
 * @example
 * nextCallDownStep({ state: 'new', step: 1, contacts: 3, districtEscalated: false }) // { do: 'call', step: 2 }
 * nextCallDownStep({ state: 'new', step: 3, contacts: 3, districtEscalated: false }) // { do: 'district' }
 * nextCallDownStep({ state: 'acknowledged', step: 1, contacts: 3, districtEscalated: false }) // { do: 'stop' }
 */
export function nextCallDownStep(c: { state: string; step: number; contacts: number; districtEscalated: boolean }): CallDownStep {
  if (c.state !== 'new') return { do: 'stop' }
  if (c.step < c.contacts) return { do: 'call', step: c.step + 1 }
  return c.districtEscalated ? { do: 'stop' } : { do: 'district' }
}

/**
 * The call-down as a schedule, for docs and the case page: who is called when, minutes after intake.
 *
 * @example
 * callDownSchedule(2, 5) // [{ at: 0, who: 'contact 1' }, { at: 5, who: 'contact 2' }, { at: 10, who: 'district' }]
 */
export function callDownSchedule(contacts: number, minutes: number): { at: number; who: string }[] {
  return [...Array.from({ length: contacts }, (_, i) => ({ at: i * minutes, who: `contact ${i + 1}` })), { at: contacts * minutes, who: 'district' }]
}
