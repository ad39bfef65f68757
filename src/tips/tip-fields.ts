/** Where it happened, as the reporter picks it; trends count by these. */
export const places = [
  'classroom',
  'corridor',
  'toilet',
  'playground',
  'dormitory',
  'canteen',
  'school_gate',
  'way_to_school',
  'online',
  'off_campus',
  'other',
] as const
export type Place = (typeof places)[number]

/**
 * How a tip arrived: the web form, or a staff member recording one received by phone, in person or passed
 * on from the 12355 youth hotline (POST /api/cases/intake).
 */
export const channels = ['web', 'phone', 'in_person', 'hotline_12355'] as const
export type Channel = (typeof channels)[number]
/** The channels a staff member records a tip from (everything but the reporter's own web form). */
export const staffChannels = ['phone', 'in_person', 'hotline_12355'] as const satisfies readonly Channel[]

/** The languages reporter-facing text comes in; a tip's language is detected from its text. */
export const languages = ['zh', 'en'] as const
export type Language = (typeof languages)[number]

/** `when` is free text ("yesterday after PE"), bounded so it stays a time and not a second tip. */
export const MAX_WHEN_CHARS = 200
